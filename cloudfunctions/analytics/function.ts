// analytics: what a merchant measures, and the rollup timer that keeps the counters it reads.
// The share funnel counts, per channel, cards created, opens and customers bound over the last
// N campus days: one counter document per day plus the events the rollup has not reached yet
// (server/analytics/), so its cost does not grow with the number of events. The dashboard
// reads the rollup's documents only: a constant number of reads per load.
import * as z from 'zod';
import type { DashboardView } from '../../core/contracts/analytics';
import type { CHANNELS } from '../../core/contracts/share';
import { fail, ok } from '../../core/result';
import { dashboard } from '../../server/analytics/dashboard';
import { shareFunnel } from '../../server/analytics/funnel';
import { runRollup } from '../../server/analytics/rollup';
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
  dashboard: z.strictObject({ days: z.number().int().min(1).max(90).default(30) }),
  rollup: z.strictObject({}),
};

export default defineFunction(
  'analytics',
  {
    shareFunnel: action({
      input: analyticsInput.shareFunnel,
      async run(ctx, { days }) {
        const merchant = await callerMerchant(ctx);
        if (!merchant) return fail('FORBIDDEN', '只有商家可以查看数据');
        return ok<FunnelRow[]>(await shareFunnel(ctx, merchant._id, days));
      },
    }),
    dashboard: action({
      input: analyticsInput.dashboard,
      async run(ctx, { days }) {
        const merchant = await callerMerchant(ctx);
        if (!merchant) return fail('FORBIDDEN', '只有商家可以查看数据');
        return ok<DashboardView>(await dashboard(ctx, merchant, days));
      },
    }),
    rollup: action({
      input: analyticsInput.rollup,
      async run(ctx) {
        if (!ctx.source.split(',').includes('wx_trigger')) return fail('FORBIDDEN', '只由定时器运行');
        return ok(await runRollup(ctx));
      },
    }),
  },
  { timerAction: 'rollup' },
);
