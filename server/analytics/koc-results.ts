// KOCs' own results over the last N campus days (the tier window): attributed paid revenue net
// of refunds, and paid orders. Per merchant, for all its KOCs (the tier job), from one counter
// document per merchant and day; per KOC, for all its merchants (a KOC's progress), from one
// per KOC and day. Either is one query for 90 days plus one aggregation of the events after the
// rollup's cursor.
import { campusDayStart, lastCampusDays } from '../../core/campus-days';
import type { Ctx } from '../context';
import { afterCursor, readCut } from './counters';
import { type DayCounters, dayId, idOfKey, type KocDayCounters, type KocFigures, kocDayId } from './fold';

export type Results = Map<string, { revenueFen: number; orders: number }>;

function adder(out: Results) {
  return (key: string, revenueFen: number, orders: number) => {
    const cur = out.get(key) ?? { revenueFen: 0, orders: 0 };
    out.set(key, { revenueFen: cur.revenueFen + revenueFen, orders: cur.orders + orders });
  };
}

const net = (f: KocFigures) => (f.paidFen ?? 0) - (f.refundedFen ?? 0);

/** The order events after the cursor and inside the window, grouped by `by` and type. */
async function tail(ctx: Ctx, match: Record<string, string>, by: 'sharer' | 'merchantId', cursor: { at: Date; id: string }, since: number) {
  const _ = ctx.db.command;
  const $ = _.aggregate;
  const t = afterCursor(ctx, cursor, since);
  const { list } = await ctx.db
    .collection('events')
    .aggregate()
    .match({ ...match, type: _.in(['order_paid', 'refund_succeeded']), ...t.first })
    .match(t.tie)
    .group({ _id: { key: `$${by}`, type: '$type' }, n: $.sum(1), paid: $.sum('$amountFen'), refunded: $.sum('$refundFen') })
    .limit(1000)
    .end();
  return list.map((r) => ({ ...(r._id as { key?: string; type: string }), n: r.n as number, paid: r.paid as number, refunded: r.refunded as number }));
}

/** Each KOC's results with one merchant, by KOC openid. */
export async function merchantKocResults(ctx: Ctx, merchantId: string, now: number, days: number): Promise<Results> {
  const range = lastCampusDays(now, days);
  const ids = range.map((d) => dayId(merchantId, d));
  const cut = await readCut<DayCounters>(ctx, 'analytics_days', ids, ['kocs']);
  const out: Results = new Map();
  const add = adder(out);
  for (const d of cut.docs) for (const [key, f] of Object.entries(d.kocs ?? {})) add(idOfKey(key), net(f), f.orders ?? 0);
  for (const r of await tail(ctx, { merchantId }, 'sharer', cut.cursor, campusDayStart(range[0]))) {
    if (!r.key) continue; // no card brought this order
    add(r.key, r.type === 'order_paid' ? r.paid : -r.refunded, r.type === 'order_paid' ? r.n : 0);
  }
  return out;
}

/** One KOC's results with each merchant, by merchant id. */
export async function kocResultsByMerchant(ctx: Ctx, koc: string, now: number, days: number): Promise<Results> {
  const range = lastCampusDays(now, days);
  const ids = range.map((d) => kocDayId(koc, d));
  const cut = await readCut<KocDayCounters>(ctx, 'analytics_koc_days', ids, ['merchants']);
  const out: Results = new Map();
  const add = adder(out);
  for (const d of cut.docs) for (const [key, f] of Object.entries(d.merchants ?? {})) add(idOfKey(key), net(f), f.orders ?? 0);
  for (const r of await tail(ctx, { sharer: koc }, 'merchantId', cut.cursor, campusDayStart(range[0]))) {
    if (!r.key) continue;
    add(r.key, r.type === 'order_paid' ? r.paid : -r.refunded, r.type === 'order_paid' ? r.n : 0);
  }
  return out;
}
