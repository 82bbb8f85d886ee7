// What WeChat says about a refund, from its notice (cloudPay's event or an APIv3 HTTP notice)
// or from the sweep's query. Success completes the refund and its order in one transaction, so
// a duplicate or late notice, a notice racing the query, or a second run finds it done; the
// refund_succeeded event (amounts, commission clawbacks, stats) is written only there.
import { refundMachine } from '../../core/groupbuy-machines';
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import { keysetAfter } from '../db/keyset';
import { orderEventFields, recordEventTx } from '../events';
import { releaseSeatTx } from '../groupbuy/groups';
import { isSolo, type OrderDoc, orderMoves, updateOrderTx } from '../orders/orders';
import { releaseLimitTx } from '../orders/purchase-limits';
import type { RefundState } from '../ports';
import { eachPage, type RunBudget } from '../run-budget';
import type { RefundDoc } from './refunds';

export type RefundOutcome = 'succeeded' | 'duplicate' | 'unknown_refund' | 'amount_mismatch' | 'closed' | 'abnormal' | 'processing';

/** States from which WeChat's word can complete a refund (a notice may beat our own bookkeeping). */
const OPEN: RefundDoc['status'][] = ['pending', 'processing'];

/** First query at acceptance, then 1, 2, 4 ... minutes apart, at most 6 hours. */
export const nextQueryDelayMs = (queries: number) => Math.min(60_000 * 2 ** queries, 6 * 3600_000);

/**
 * WeChat says the money reached the buyer: in one transaction the refund succeeds, the order's
 * money moves (partly or fully refunded; a full refund also closes the order and frees its seat
 * and limit) and refund_succeeded is written. Run again on a refund that succeeded while its
 * order still points at it (older data), it finishes the order's part: reconcile from state.
 */
export async function confirmRefund(ctx: Ctx, outRefundNo: string, by: 'notice' | 'query' | 'reconcile', reportedFen?: number): Promise<RefundOutcome> {
  const r = await getDoc<RefundDoc>(ctx, 'refunds', outRefundNo);
  if (!r || r.status === 'requested' || r.status === 'rejected' || r.status === 'closed') return 'unknown_refund';
  if (reportedFen !== undefined && reportedFen !== r.refundFen) {
    ctx.log.error('refund amount differs from WeChat', { outRefundNo, expectedFen: r.refundFen, reportedFen });
    return 'amount_mismatch';
  }
  const result = await ctx.db.runTransaction(async (tx) => {
    const cur = await txGetDoc<RefundDoc>(tx, 'refunds', outRefundNo);
    const order = cur ? await txGetDoc<OrderDoc>(tx, 'orders', cur.orderId) : null;
    if (!cur || !order) return 'unknown_refund';
    const orderWaits = order.openRefund === cur._id && order.money === 'refunding';
    if (cur.status === 'succeeded' && !orderWaits) return 'duplicate';
    if (!OPEN.includes(cur.status) && cur.status !== 'succeeded') return 'unknown_refund';
    const at = new Date(ctx.now());
    if (cur.status !== 'succeeded') {
      refundMachine.assertMove(cur.status, 'succeeded');
      await tx
        .collection('refunds')
        .doc(outRefundNo)
        .update({ data: { status: 'succeeded', succeededAt: at, confirmedBy: by, wxState: 'SUCCESS' } });
    }
    if (!orderWaits) return 'order_not_refunding';
    const refundedFen = order.refundedFen + cur.refundFen;
    const full = refundedFen >= order.totalFen;
    // A full refund ends a sale that was still going (a cancelled order stays cancelled).
    const close = full && order.status !== 'cancelled' && order.status !== 'closed';
    const moves = orderMoves(order, { money: [full ? 'refunded' : 'partially_refunded'], ...(close ? { status: 'closed' } : {}) }, at, 'system');
    await updateOrderTx(tx, order._id, { ...moves, refundedFen, openRefund: null });
    // A solo order's units were sold when it was paid: a refund does not put them back on the shelf.
    if (close && !isSolo(order)) {
      await releaseSeatTx(tx, order);
      await releaseLimitTx(tx, order, true);
    }
    // Keyed by the refund number: even a replayed transaction writes one event per refund.
    await recordEventTx(tx, ctx, `refund_succeeded:${outRefundNo}`, 'refund_succeeded', { ...orderEventFields(order), refundFen: cur.refundFen });
    return 'succeeded';
  }, 10);
  if (result === 'order_not_refunding') {
    // The money is back with the buyer, but the order was not waiting for it: a person must look.
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
export async function queryProcessingRefunds(ctx: Ctx, budget: RunBudget): Promise<{ succeeded: number; waiting: number }> {
  const _ = ctx.db.command;
  const now = ctx.now();
  let succeeded = 0;
  let waiting = 0;
  await eachPage<RefundDoc>(
    budget,
    async (size, last) =>
      (
        await ctx.db
          .collection<RefundDoc>('refunds')
          .where(keysetAfter(_, { status: 'processing' }, 'nextQueryAt', _.lte(new Date(now)), last))
          .orderBy('nextQueryAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(size)
          .get()
      ).data,
    async (r) => {
      let answer: Awaited<ReturnType<Ctx['pay']['queryRefund']>>;
      try {
        answer = await ctx.pay.queryRefund(r._id);
      } catch (e) {
        ctx.log.warn('refund query failed; asking again next run', { outRefundNo: r._id, error: e });
        return;
      }
      if (answer.state === 'NOT_FOUND') {
        // WeChat has no such refund: send it again under the same number (paid at most once).
        await ctx.db
          .collection('refunds')
          .where({ _id: r._id, status: 'processing' })
          .update({ data: { status: 'pending', lastError: 'refund not found at WeChat' } });
        return;
      }
      let outcome: RefundOutcome;
      try {
        outcome = await applyRefundState(ctx, r._id, answer.state, 'query', answer.refundFen);
      } catch (e) {
        // A write conflict (a notice completing it right now) or a fault: the next run asks again.
        ctx.log.warn('could not apply a refund query answer; asking again next run', { outRefundNo: r._id, error: e });
        return;
      }
      if (outcome === 'succeeded') {
        succeeded++;
        return;
      }
      waiting++;
      const queries = (r.queries ?? 0) + 1;
      await ctx.db
        .collection('refunds')
        .where({ _id: r._id, status: 'processing' })
        .update({ data: { queries, nextQueryAt: new Date(now + nextQueryDelayMs(queries - 1)) } });
    },
  );
  return { succeeded, waiting };
}
