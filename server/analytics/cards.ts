// A sharer's figures per card (share.stats): one counter document per card, all time, plus the
// events the rollup has not reached yet. Unique visitors in that tail are the ones with no
// visitor document from an earlier page.
import type { Ctx } from '../context';
import { afterCursor, readCut } from './counters';
import { type CardCounters, visitorId } from './fold';

export interface CardFigures {
  opens: number;
  uniqueVisitors: number;
  newCustomers: number;
  orders: number;
  revenueFen: number;
}

const TYPES = ['open', 'bind', 'order_paid', 'refund_succeeded'];

/** Figures for a sharer's cards (at most 100 codes), by code; a card nobody opened has zeros. */
export function cardFigures(ctx: Ctx, sharer: string, codes: string[]): Promise<Map<string, CardFigures>> {
  return figuresOf(ctx, sharer, codes);
}

/** The summed figures of a note's cards, whoever shared them (at most 100 codes): its author's creator analytics. */
export async function noteCardFigures(ctx: Ctx, codes: string[]): Promise<CardFigures> {
  const total: CardFigures = { opens: 0, uniqueVisitors: 0, newCustomers: 0, orders: 0, revenueFen: 0 };
  for (const f of (await figuresOf(ctx, null, codes)).values()) {
    total.opens += f.opens;
    total.uniqueVisitors += f.uniqueVisitors;
    total.newCustomers += f.newCustomers;
    total.orders += f.orders;
    total.revenueFen += f.revenueFen;
  }
  return total;
}

async function figuresOf(ctx: Ctx, sharer: string | null, codes: string[]): Promise<Map<string, CardFigures>> {
  const cut = await readCut<CardCounters>(ctx, 'analytics_cards', codes, ['opens', 'visitors', 'newCustomers', 'orders', 'paidFen', 'refundedFen']);
  const out = new Map(codes.map((c) => [c, { opens: 0, uniqueVisitors: 0, newCustomers: 0, orders: 0, revenueFen: 0 }]));
  for (const d of cut.docs) {
    const f = out.get(d._id);
    if (!f) continue;
    f.opens += d.opens ?? 0;
    f.uniqueVisitors += d.visitors ?? 0;
    f.newCustomers += d.newCustomers ?? 0;
    f.orders += d.orders ?? 0;
    f.revenueFen += (d.paidFen ?? 0) - (d.refundedFen ?? 0);
  }
  if (!codes.length) return out;
  const _ = ctx.db.command;
  const $ = _.aggregate;
  const tail = afterCursor(ctx, cut.cursor);
  const { list } = await ctx.db
    .collection('events')
    .aggregate()
    .match({ ...(sharer === null ? {} : { sharer }), type: _.in(TYPES), code: _.in(codes), ...tail.first })
    .match(tail.tie)
    .group({
      _id: { code: '$code', type: '$type' },
      n: $.sum(1),
      newCustomers: $.sum($.cond([$.eq(['$newCustomer', true]), 1, 0])),
      paidFen: $.sum('$amountFen'),
      refundedFen: $.sum('$refundFen'),
      visitors: $.addToSet('$openid'),
    })
    .limit(codes.length * TYPES.length)
    .end();
  const tailVisitors: { code: string; id: string }[] = [];
  for (const r of list) {
    const { code, type } = r._id as { code: string; type: string };
    const f = out.get(code);
    if (!f) continue;
    if (type === 'open') {
      f.opens += r.n as number;
      for (const openid of r.visitors as string[]) tailVisitors.push({ code, id: visitorId(code, openid) });
    } else if (type === 'bind') f.newCustomers += r.newCustomers as number;
    else if (type === 'order_paid') {
      f.orders += r.n as number;
      f.revenueFen += r.paidFen as number;
    } else f.revenueFen -= r.refundedFen as number;
  }
  if (tailVisitors.length) {
    // Visitors of pages up to the cut came before the tail; a later page's are the tail's own.
    const { list: known } = await ctx.db
      .collection('analytics_visitors')
      .aggregate()
      .match({ _id: _.in(tailVisitors.map((v) => v.id)), seq: _.lte(cut.seq) })
      .group({ _id: '$code', n: $.sum(1) })
      .limit(codes.length)
      .end();
    for (const v of tailVisitors) (out.get(v.code) as CardFigures).uniqueVisitors++;
    for (const k of known) (out.get(k._id as string) as CardFigures).uniqueVisitors -= k.n as number;
  }
  return out;
}
