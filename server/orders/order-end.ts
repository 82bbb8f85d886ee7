// How an order that never became a sale ends: one transaction cancels it, gives back its seat
// and its unit of the student's limit, and, when WeChat already took money for it (the group
// failed, or the payment came late), records the refund owed in the same commit (intent
// first). A crash leaves all of it or none, so no seat or limit is ever held by a dead order
// and no order is refunding without a refund to pay.
import type { OrderState } from '../../core/order-machine';
import type { Ctx } from '../context';
import { txGetDoc } from '../db/get-doc';
import type { Transaction } from '../db/types';
import type { GroupDoc } from '../groupbuy/groups';
import type { RefundDoc } from '../payments/refunds';
import { endedMemberKey, type OrderDoc, orderMoves } from './orders';
import { releaseLimitTx } from './purchase-limits';

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

/** Inside a transaction: the order gives its seat back (if it still holds one). */
export async function releaseSeatTx(tx: Transaction, o: { _id: string; groupId: string }): Promise<void> {
  const g = await txGetDoc<GroupDoc>(tx, 'groups', o.groupId);
  if (!g?.seatOrders.includes(o._id)) return;
  const seatOrders = g.seatOrders.filter((x) => x !== o._id);
  await tx
    .collection('groups')
    .doc(g._id)
    .update({ data: { taken: seatOrders.length, seatOrders } });
}

export type CancelOutcome = 'cancelled' | 'refunding' | 'not_moved';

/**
 * Cancels an order still in one of `from`. Money WeChat took goes back in full: the order's
 * money moves to refunding with its refund record in the same commit.
 */
export async function cancelOrder(ctx: Ctx, orderId: string, from: readonly OrderState[], reason: string, refundReason: string): Promise<CancelOutcome> {
  return ctx.db.runTransaction(async (tx) => {
    const o = await txGetDoc<OrderDoc>(tx, 'orders', orderId);
    if (!o || !from.includes(o.status)) return 'not_moved';
    const at = new Date(ctx.now());
    const refund = o.money === 'paid' ? refundDoc(ctx, o, refundNo(o), refundReason, o.totalFen - o.refundedFen, 'pending') : null;
    const moves = orderMoves(o, { status: 'cancelled', money: refund ? ['refunding'] : [] }, at, 'system');
    await tx
      .collection('orders')
      .doc(o._id)
      .update({ data: { ...moves, memberKey: endedMemberKey(o._id), cancelReason: reason, ...(refund ? { openRefund: refund._id, refundReason } : {}) } });
    await releaseSeatTx(tx, o);
    await releaseLimitTx(tx, o, true);
    if (refund) await tx.collection('refunds').add({ data: refund });
    return refund ? 'refunding' : 'cancelled';
  }, 10);
}
