// Refunds: recorded first (one document per refund number, so asking twice pays once), sent to
// WeChat by the sweep, and completed only when WeChat says the money reached the buyer: its
// refund notice, or the sweep's query. WeChat accepting a request is not that (issue 9).
//   requested (buyer asked; the merchant decides) -> pending (to send) -> processing (WeChat
//   accepted) -> succeeded, or closed (WeChat gave up: a person must look).
import { type RefundState, refundMachine } from '../../core/groupbuy-machines';
import { formatFen } from '../../core/money';
import { moneyMachine, REFUNDABLE_MONEY, REFUNDABLE_STATES } from '../../core/order-machine';
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import { keysetAfter } from '../db/keyset';
import { isDuplicateKeyError, type Transaction } from '../db/types';
import { type OrderDoc, orderMoves, updateOrderTx } from '../orders/orders';
import { eachPage, type RunBudget } from '../run-budget';

export interface RefundDoc {
  _id: string; // the outRefundNo
  orderId: string;
  buyer: string;
  merchantId: string;
  totalFen: number;
  refundFen: number;
  reason: string;
  /** The buyer's own words and photos (cloud fileIDs, at most 3) with an after-sales request. */
  note?: string;
  photos?: string[];
  status: RefundState;
  /** Why the merchant said no (a rejected request), and when. */
  rejectReason?: string;
  rejectedAt?: Date;
  /** Requests sent to WeChat (a failed one stays pending and is sent again, same number). */
  attempts: number;
  lastError?: string;
  createdAt: Date;
  approvedAt?: Date;
  /** When WeChat accepted the request. */
  acceptedAt?: Date;
  /** When the sweep next asks WeChat where a processing refund stands, and how often it has asked. */
  nextQueryAt?: Date;
  queries?: number;
  /** The last state WeChat reported (ABNORMAL stays processing: the merchant fixes it on WeChat's side). */
  wxState?: string;
  succeededAt?: Date;
  confirmedBy?: 'notice' | 'query' | 'reconcile';
}

export const findRefund = (ctx: Ctx, id: string) => getDoc<RefundDoc>(ctx, 'refunds', id);

/** Refund numbers: the first refund of an order, or a later one keyed by what was refunded before. */
export const refundNo = (o: { _id: string; refundedFen: number }) => `R${o._id}${o.refundedFen > 0 ? `_${o.refundedFen}` : ''}`;

export function refundDoc(ctx: Ctx, o: OrderDoc, id: string, reason: string, refundFen: number, status: RefundDoc['status']): RefundDoc {
  return {
    _id: id,
    orderId: o._id,
    buyer: o.buyer,
    merchantId: o.merchantId,
    totalFen: o.totalFen,
    refundFen,
    reason,
    status,
    attempts: 0,
    createdAt: new Date(ctx.now()),
  };
}

/** Inside a transaction: records the refund owed with the state change that owes it (intent first). */
export async function addRefundTx(tx: Transaction, refund: RefundDoc): Promise<void> {
  await tx.collection('refunds').add({ data: refund });
}

/** Records a refund once: the same number again is already recorded. */
export async function addRefundOnce(ctx: Ctx, refund: RefundDoc): Promise<void> {
  try {
    await ctx.db.collection('refunds').add({ data: refund });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
}

export type AskOutcome = { ok: true; refundId: string } | { ok: false; code: 'BAD_STATE' | 'REFUND_IN_PROGRESS' | 'INVALID_INPUT'; message: string };

export interface RefundAsk {
  amountFen?: number;
  reason: string;
  note: string;
  photos: string[];
}

/** After-sales request numbers: the order's n-th request (a rejected one is never reused). */
export const requestNo = (orderId: string, n: number) => `Q${orderId}-${n}`;

/**
 * The buyer asks for money back (after-sales). One transaction checks the order's state and
 * that no refund is already asked for or under way, records the request under the order's next
 * request number and points the order at it, so two taps, or two requests racing, make one
 * request and the second hears why; a request after a rejection is a new one.
 */
export async function askRefund(ctx: Ctx, orderId: string, ask: RefundAsk): Promise<AskOutcome> {
  return ctx.db.runTransaction(async (tx): Promise<AskOutcome> => {
    const o = await txGetDoc<OrderDoc>(tx, 'orders', orderId);
    if (!o || o.buyer !== ctx.openid) return { ok: false, code: 'BAD_STATE', message: '没有这个订单' };
    if (o.openRefund) return { ok: false, code: 'REFUND_IN_PROGRESS', message: '这笔订单已有一笔退款在处理中，处理完后才能再申请' };
    if (!REFUNDABLE_STATES.includes(o.status) || !REFUNDABLE_MONEY.includes(o.money))
      return { ok: false, code: 'BAD_STATE', message: '这个订单现在不能申请退款' };
    const refundable = o.totalFen - o.refundedFen;
    const fen = ask.amountFen ?? refundable;
    if (fen > refundable) return { ok: false, code: 'INVALID_INPUT', message: `退款金额超过可退金额，最多可退 ${formatFen(refundable)}` };
    const n = (o.refundAsks ?? 0) + 1;
    const id = requestNo(o._id, n);
    await addRefundTx(tx, { ...refundDoc(ctx, o, id, ask.reason, fen, 'requested'), note: ask.note, photos: ask.photos });
    await updateOrderTx(tx, o._id, { openRefund: id, lastRefund: id, refundAsks: n });
    return { ok: true, refundId: id };
  }, 10);
}

export type RejectOutcome = { ok: true } | { ok: false; message: string };

/** The request changed since the merchant saw it (the buyer's new one is open, or none is). */
const CHANGED = '买家的退款申请已变化，请刷新后再处理';
/** A request the merchant approved: it stays in one of these from then on. */
const APPROVED: readonly RefundDoc['status'][] = ['pending', 'processing', 'succeeded', 'closed'];

/** The order and the request the merchant named, inside the transaction; null when either is not theirs. */
async function namedRequestTx(tx: Transaction, orderId: string, refundId: string, merchantId: string) {
  const o = await txGetDoc<OrderDoc>(tx, 'orders', orderId);
  if (!o || o.merchantId !== merchantId) return null;
  const r = await txGetDoc<RefundDoc>(tx, 'refunds', refundId);
  return r && r.orderId === o._id ? { o, r } : null;
}

/**
 * The merchant says no to the buyer's request (the one they saw, refundId), with a reason the
 * buyer sees: the request ends rejected and the order stops pointing at it in one commit, so the
 * buyer may ask again (a new request). Rejecting again the same request, already rejected,
 * answers as before and writes nothing; any other request open now is not touched.
 */
export async function rejectRefund(ctx: Ctx, orderId: string, refundId: string, merchantId: string, reason: string): Promise<RejectOutcome> {
  return ctx.db.runTransaction(async (tx): Promise<RejectOutcome> => {
    const found = await namedRequestTx(tx, orderId, refundId, merchantId);
    if (!found) return { ok: false, message: '这个订单没有待处理的退款申请' };
    const { o, r } = found;
    if (r.status === 'rejected') return { ok: true };
    if (o.openRefund !== refundId) return { ok: false, message: CHANGED };
    if (r.status !== 'requested') return { ok: false, message: '这笔退款已同意，正在退回买家' };
    refundMachine.assertMove(r.status, 'rejected');
    await tx
      .collection('refunds')
      .doc(r._id)
      .update({ data: { status: 'rejected', rejectReason: reason, rejectedAt: new Date(ctx.now()) } });
    await updateOrderTx(tx, o._id, { openRefund: null });
    return { ok: true };
  }, 10);
}

export type ApproveOutcome = { ok: true; refundFen: number } | { ok: false; message: string };

/**
 * The merchant approves the buyer's request (the one they saw, refundId): the order's money
 * moves to refunding and the request becomes a refund to send, in one commit (never one without
 * the other). Approving again the same request, already approved, answers as before.
 */
export async function approveRefund(ctx: Ctx, orderId: string, refundId: string, merchantId: string): Promise<ApproveOutcome> {
  return ctx.db.runTransaction(async (tx): Promise<ApproveOutcome> => {
    const found = await namedRequestTx(tx, orderId, refundId, merchantId);
    if (!found) return { ok: false, message: '这个订单没有待处理的退款申请' };
    const { o, r } = found;
    if (APPROVED.includes(r.status)) return { ok: true, refundFen: r.refundFen };
    if (o.openRefund !== refundId || r.status !== 'requested') return { ok: false, message: CHANGED };
    if (!moneyMachine.canMove(o.money, 'refunding')) return { ok: false, message: '订单状态已变化，请刷新' };
    refundMachine.assertMove(r.status, 'pending');
    const at = new Date(ctx.now());
    await updateOrderTx(tx, o._id, { ...orderMoves(o, { money: ['refunding'] }, at, ctx.openid), refundReason: r.reason });
    await tx
      .collection('refunds')
      .doc(r._id)
      .update({ data: { status: 'pending', approvedAt: at } });
    return { ok: true, refundFen: r.refundFen };
  }, 10);
}

/**
 * Sends pending refunds to WeChat, a page at a time. Accepted ones become processing and are
 * asked about right away; a refusal or a fault stays pending and is sent again next run with
 * the same number, which WeChat pays at most once.
 */
export async function submitPendingRefunds(ctx: Ctx, budget: RunBudget): Promise<{ accepted: number; failed: number }> {
  const _ = ctx.db.command;
  let accepted = 0;
  let failed = 0;
  await eachPage<RefundDoc>(
    budget,
    async (size, last) =>
      (
        await ctx.db
          .collection<RefundDoc>('refunds')
          .where(keysetAfter(_, { status: 'pending' }, 'createdAt', undefined, last))
          .orderBy('createdAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(size)
          .get()
      ).data,
    async (r) => {
      let res: Awaited<ReturnType<Ctx['pay']['refund']>>;
      try {
        res = await ctx.pay.refund({ outTradeNo: r.orderId, outRefundNo: r._id, totalFen: r.totalFen, refundFen: r.refundFen, reason: r.reason });
      } catch (e) {
        // Unclear whether WeChat got it: asking again with the same number is safe.
        res = { accepted: false, detail: e instanceof Error ? e.message.slice(0, 200) : 'refund request failed' };
      }
      if (!res.accepted) {
        failed++;
        await ctx.db
          .collection('refunds')
          .where({ _id: r._id, status: 'pending' })
          .update({ data: { attempts: _.inc(1), lastError: res.detail } });
        return;
      }
      const at = new Date(ctx.now());
      // A notice may already have completed it (it raced this call): then this moves nothing.
      const moved = await ctx.db
        .collection('refunds')
        .where({ _id: r._id, status: 'pending' })
        .update({ data: { status: 'processing', acceptedAt: at, nextQueryAt: at, queries: 0, attempts: _.inc(1) } });
      accepted += moved.stats.updated;
    },
  );
  return { accepted, failed };
}
