// The merchant's share funnel (analytics.shareFunnel): per channel, cards created, opens and new
// customers bound over the last N campus days, from one counter document per day plus the
// events the rollup has not reached yet.
import { campusDayStart, lastCampusDays } from '../../core/campus-days';
import { CHANNELS } from '../../core/contracts/share';
import type { Ctx } from '../context';
import { afterCursor, readCut } from './counters';
import { type DayCounters, dayId } from './fold';

export interface FunnelFigures {
  channel: (typeof CHANNELS)[number];
  created: number;
  opens: number;
  binds: number;
}

const FIGURES = { share_created: 'created', open: 'opens', bind: 'binds' } as const;

export async function shareFunnel(ctx: Ctx, merchantId: string, days: number): Promise<FunnelFigures[]> {
  const range = lastCampusDays(ctx.now(), days);
  const cut = await readCut<DayCounters>(
    ctx,
    'analytics_days',
    range.map((d) => dayId(merchantId, d)),
    ['funnel'],
  );
  const rows = new Map(CHANNELS.map((channel) => [channel as string, { channel, created: 0, opens: 0, binds: 0 }]));
  for (const d of cut.docs)
    for (const [channel, f] of Object.entries(d.funnel ?? {})) {
      const row = rows.get(channel);
      if (!row) continue;
      row.created += f.created ?? 0;
      row.opens += f.opens ?? 0;
      row.binds += f.binds ?? 0;
    }
  const _ = ctx.db.command;
  const $ = _.aggregate;
  const tail = afterCursor(ctx, cut.cursor, campusDayStart(range[0]));
  const { list } = await ctx.db
    .collection('events')
    .aggregate()
    .match({ merchantId, type: _.in(Object.keys(FIGURES)), ...tail.first })
    .match(tail.tie)
    // Aggregate operators take ONE argument in the SDK (an array of operands): it keeps only
    // the first of several, so $.cond(a, b, c) would reach the server as {$cond: a} and fail.
    .addFields({ counted: $.cond([$.eq(['$type', 'bind']), $.cond(['$newCustomer', 1, 0]), 1]) })
    .group({ _id: { type: '$type', channel: '$channel' }, n: $.sum('$counted') })
    .limit(100)
    .end();
  for (const r of list) {
    const { type, channel } = r._id as { type: keyof typeof FIGURES; channel: string };
    const row = rows.get(channel);
    if (row) row[FIGURES[type]] += r.n as number;
  }
  return [...rows.values()];
}
