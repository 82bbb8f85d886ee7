// groupbuy: live campaigns, groups, and seats. The timer runs the sweep every minute.

import * as z from 'zod';
import { groupbuyInput } from '../../core/contracts/groupbuy';
import { campaignIsLive } from '../../core/groupbuy';
import { fail, ok } from '../../core/result';
import { getDoc } from '../../server/db/get-doc';
import { action, defineFunction } from '../../server/define';
import type { CampaignDoc, GroupDoc } from '../../server/groupbuy/groups';
import { reserve } from '../../server/groupbuy/reserve';
import { sweep } from '../../server/groupbuy/sweep';
import { campaignDetail, groupView, toCampaignCards } from '../../server/groupbuy/views';

export default defineFunction(
  'groupbuy',
  {
    listCampaigns: action({
      input: groupbuyInput.listCampaigns,
      async run(ctx) {
        const _ = ctx.db.command;
        const now = ctx.now();
        const { data } = await ctx.db
          .collection<CampaignDoc>('campaigns')
          .where({ status: 'live', endAt: _.gt(new Date(now)) })
          .orderBy('endAt', 'asc')
          .limit(50)
          .get();
        const live = data.filter((c) => campaignIsLive({ status: c.status, startAt: new Date(c.startAt).getTime(), endAt: new Date(c.endAt).getTime() }, now));
        return ok(await toCampaignCards(ctx, live));
      },
    }),
    getCampaign: action({
      input: groupbuyInput.getCampaign,
      async run(ctx, { campaignId }) {
        const c = await getDoc<CampaignDoc>(ctx, 'campaigns', campaignId);
        return c ? ok(await campaignDetail(ctx, c)) : fail('NOT_FOUND', '没有这个拼团活动');
      },
    }),
    open: action({ input: groupbuyInput.open, run: (ctx, input) => reserve(ctx, input) }),
    join: action({ input: groupbuyInput.join, run: (ctx, input) => reserve(ctx, input) }),
    getGroup: action({
      input: groupbuyInput.getGroup,
      async run(ctx, { groupId }) {
        const g = await getDoc<GroupDoc>(ctx, 'groups', groupId);
        const c = g ? await getDoc<CampaignDoc>(ctx, 'campaigns', g.campaignId) : null;
        return g && c ? ok(await groupView(ctx, g, c)) : fail('NOT_FOUND', '没有这个团');
      },
    }),
    sweep: action({
      input: z.strictObject({}),
      run: async (ctx) => (ctx.source.split(',').includes('wx_trigger') ? ok(await sweep(ctx)) : fail('FORBIDDEN', '只由定时器运行')),
    }),
  },
  { timerAction: 'sweep' },
);
