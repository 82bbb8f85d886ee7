// How an order that never became a sale ends: one transaction cancels it, gives back its seat
// and its unit of the student's limit (a solo order: its units of the product's stock), and, when WeChat already took money for it (the group
// failed, or the payment came late), records the refund owed in the same commit (intent
// first). A crash leaves all of it or none, so no seat or limit is ever held by a dead order
// and no order is refunding without a refund to pay.
import type { OrderState } from '../../core/order-machine';
import { releaseStockTx } from '../catalog/stock';
import type { Ctx } from '../context';
import { txGetDoc } from '../db/get-doc';
import { releaseSeatTx } from '../groupbuy/groups';
import { addRefundTx, refundDoc, refundNo } from '../payments/refunds';
import { endedMemberKey, isSolo, type OrderDoc, orderMoves, updateOrderTx } from './orders';
import { releaseLimitTx } from './purchase-limits';

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
    await updateOrderTx(tx, o._id, {
      ...moves,
      memberKey: endedMemberKey(o._id),
      cancelReason: reason,
      ...(refund ? { openRefund: refund._id, lastRefund: refund._id, refundReason } : {}),
    });
    if (isSolo(o)) await releaseStockTx(tx, o);
    else {
      await releaseSeatTx(tx, o);
      await releaseLimitTx(tx, o, true);
    }
    if (refund) await addRefundTx(tx, refund);
    return refund ? 'refunding' : 'cancelled';
  }, 10);
}
