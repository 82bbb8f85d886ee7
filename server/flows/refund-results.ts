// What WeChat says about a refund, from its notice (cloudPay's event or an APIv3 HTTP notice)
// or from the sweep's query. Success completes the refund and its order in one transaction, so
// a duplicate or late notice, a notice racing the query, or a second run finds it done; the
// refund_succeeded event (amounts, commission clawbacks, stats) is written only there.
import { canTransition } from '../../core/order-machine';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import type { RefundState } from '../ports';
import { orderEventFields } from '../repos/events';
import type { OrderDoc } from '../repos/orders';
import type { RefundDoc } from './refunds';

export type RefundOutcome = 'succeeded' | 'duplicate' | 'unknown_refund' | 'amount_mismatch' | 'closed' | 'abnormal' | 'processing';

/** States from which WeChat's word can complete a refund (a notice may beat our own bookkeeping). */
const OPEN: RefundDoc['status'][] = ['pending', 'processing'];

/** First query at acceptance, then 1, 2, 4 ... minutes apart, at most 6 hours. */
export const nextQueryDelayMs = (queries: number) => Math.min(60_000 * 2 ** queries, 6 * 3600_000);

/** WeChat says the money reached the buyer: the refund succeeds and its order moves, once. */
export async function confirmRefund(ctx: Ctx, outRefundNo: string, by: 'notice' | 'query', reportedFen?: number): Promise<RefundOutcome> {
  const r = await getDoc<RefundDoc>(ctx, 'refunds', outRefundNo);
  if (!r || r.status === 'requested') return 'unknown_refund';
  if (r.status === 'succeeded') return 'duplicate';
  if (reportedFen !== undefined && reportedFen !== r.refundFen) {
    ctx.log.error('refund amount differs from WeChat', { outRefundNo, expectedFen: r.refundFen, reportedFen });
    return 'amount_mismatch';
  }
  const _ = ctx.db.command;
  const result = await ctx.db.runTransaction(async (tx) => {
    const refunds = tx.collection<RefundDoc>('refunds');
    const cur = (await refunds.doc(outRefundNo).get()).data;
    if (!OPEN.includes(cur.status)) return cur.status === 'succeeded' ? 'duplicate' : 'unknown_refund';
    const orders = tx.collection<OrderDoc>('orders');
    const order = (await orders.doc(cur.orderId).get()).data;
    const at = new Date(ctx.now());
    await refunds.doc(outRefundNo).update({ data: { status: 'succeeded', succeededAt: at, confirmedBy: by, wxState: 'SUCCESS' } });
    if (order.status !== 'refunding') return 'order_not_refunding';
    const refundedFen = order.refundedFen + cur.refundFen;
    const to = refundedFen >= order.totalFen ? 'refunded' : 'partially_refunded';
    if (!canTransition('refunding', to)) throw new Error(`illegal order transition refunding -> ${to}`);
    await orders.doc(order._id).update({ data: { status: to, refundedFen, history: _.push([{ from: 'refunding', to, at, by: 'system' }]) } });
    // Keyed by the refund number: even a replayed transaction writes one event per refund.
    await tx.collection('events').add({
      data: { _id: `refund_succeeded:${outRefundNo}`, type: 'refund_succeeded', at, openid: ctx.openid, ...orderEventFields(order), refundFen: cur.refundFen },
    });
    return 'succeeded';
  });
  if (result === 'order_not_refunding') {
    // The money is back with the buyer, but the order moved on meanwhile: a person must look.
    ctx.log.error('refund succeeded for an order that is not refunding', { outRefundNo, orderId: r.orderId });
    return 'succeeded';
  }
  return result;
}

/**
 * WeChat reports a refund that did not (yet) reach the buyer. CLOSED is final: the refund is
 * closed and the order stays refunding for a person to handle. ABNORMAL (the buyer's card was
 * refused) waits for the merchant to fix it on WeChat's side, after which it can still succeed.
 */
export async function noteRefundTrouble(ctx: Ctx, outRefundNo: string, state: 'CLOSED' | 'ABNORMAL'): Promise<RefundOutcome> {
  const _ = ctx.db.command;
  const refunds = ctx.db.collection('refunds');
  if (state === 'CLOSED') {
    const res = await refunds.where({ _id: outRefundNo, status: _.in(OPEN) }).update({ data: { status: 'closed', wxState: 'CLOSED' } });
    if (res.stats.updated === 1) ctx.log.error('WeChat closed a refund: it needs a person', { outRefundNo });
    return res.stats.updated === 1 ? 'closed' : 'duplicate';
  }
  const res = await refunds.where({ _id: outRefundNo, status: _.in(OPEN), wxState: _.neq('ABNORMAL') }).update({ data: { wxState: 'ABNORMAL' } });
  if (res.stats.updated === 1) ctx.log.error('refund abnormal at WeChat: the merchant must handle it in the merchant platform', { outRefundNo });
  return 'abnormal';
}

/** Applies what WeChat says about a refund, from whichever source. */
export function applyRefundState(ctx: Ctx, outRefundNo: string, state: Exclude<RefundState, 'NOT_FOUND'>, by: 'notice' | 'query', refundFen?: number) {
  if (state === 'SUCCESS') return confirmRefund(ctx, outRefundNo, by, refundFen);
  if (state === 'CLOSED' || state === 'ABNORMAL') return noteRefundTrouble(ctx, outRefundNo, state);
  return Promise.resolve<RefundOutcome>('processing');
}

/**
 * The sweep asks WeChat about processing refunds whose time has come (a lost notice must not
 * leave money unaccounted), backing off while WeChat is still processing.
 */
export async function queryProcessingRefunds(ctx: Ctx, limit = 100): Promise<{ succeeded: number; waiting: number }> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const { data } = await ctx.db
    .collection<RefundDoc>('refunds')
    .where({ status: 'processing', nextQueryAt: _.lte(new Date(now)) })
    .orderBy('createdAt', 'asc')
    .limit(limit)
    .get();
  let succeeded = 0;
  let waiting = 0;
  for (const r of data) {
    let answer: Awaited<ReturnType<Ctx['pay']['queryRefund']>>;
    try {
      answer = await ctx.pay.queryRefund(r._id);
    } catch (e) {
      ctx.log.warn('refund query failed; asking again next run', { outRefundNo: r._id, error: e });
      continue;
    }
    if (answer.state === 'NOT_FOUND') {
      // WeChat has no such refund: send it again under the same number (paid at most once).
      await ctx.db
        .collection('refunds')
        .where({ _id: r._id, status: 'processing' })
        .update({ data: { status: 'pending', lastError: 'refund not found at WeChat' } });
      continue;
    }
    let outcome: RefundOutcome;
    try {
      outcome = await applyRefundState(ctx, r._id, answer.state, 'query', answer.refundFen);
    } catch (e) {
      // A write conflict (a notice completing it right now) or a fault: the next run asks again.
      ctx.log.warn('could not apply a refund query answer; asking again next run', { outRefundNo: r._id, error: e });
      continue;
    }
    if (outcome === 'succeeded') {
      succeeded++;
      continue;
    }
    waiting++;
    const queries = (r.queries ?? 0) + 1;
    await ctx.db
      .collection('refunds')
      .where({ _id: r._id, status: 'processing' })
      .update({ data: { queries, nextQueryAt: new Date(now + nextQueryDelayMs(queries - 1)) } });
  }
  return { succeeded, waiting };
}
