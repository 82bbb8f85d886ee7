// analytics: what a merchant measures. The share funnel counts, per channel, cards created,
// opens and customers bound, from the events collection in one aggregation.
import * as z from 'zod';
import { CHANNELS } from '../../core/contracts/share';
import { fail, ok } from '../../core/result';
import { action, defineFunction } from '../../server/define';
import { callerMerchant } from '../../server/users/merchants';

export interface FunnelRow {
  channel: (typeof CHANNELS)[number];
  created: number;
  opens: number;
  binds: number;
}

export const analyticsInput = {
  shareFunnel: z.strictObject({ days: z.number().int().min(1).max(90).default(30) }),
};

export default defineFunction('analytics', {
  shareFunnel: action({
    input: analyticsInput.shareFunnel,
    async run(ctx, { days }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return fail('FORBIDDEN', '只有商家可以查看数据');
      const _ = ctx.db.command;
      const $ = _.aggregate;
      const since = new Date(ctx.now() - days * 86_400_000);
      const { list } = await ctx.db
        .collection('events')
        .aggregate()
        .match({ merchantId: merchant._id, type: _.in(['share_created', 'open', 'bind']), at: _.gte(since) })
        // Aggregate operators take ONE argument in the SDK (an array of operands): it keeps only
        // the first of several, so $.cond(a, b, c) would reach the server as {$cond: a} and fail.
        .addFields({ counted: $.cond([$.eq(['$type', 'bind']), $.cond(['$newCustomer', 1, 0]), 1]) })
        .group({ _id: { type: '$type', channel: '$channel' }, n: $.sum('$counted') })
        .limit(100)
        .end();
      const count = (type: string, channel: string) =>
        list
          .filter((r) => (r._id as { type: string; channel: string }).type === type && (r._id as { channel: string }).channel === channel)
          .reduce((s, r) => s + (r.n as number), 0);
      return ok<FunnelRow[]>(
        CHANNELS.map((channel) => ({ channel, created: count('share_created', channel), opens: count('open', channel), binds: count('bind', channel) })),
      );
    },
  }),
});
