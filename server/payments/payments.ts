// What happens when WeChat says an order was paid: one transaction reads the order and its
// group and either counts the payment (order paid and awaiting its group, the group's paid
// seats, the group succeeding when that was the last seat, order_paid and group_succeeded
// events) or, when the seat or the group is gone, records the refund owed. A duplicate or
// late callback, or a second run after a crash, finds the money state moved and changes nothing.
import { releaseStockTx, sellStockTx } from '../catalog/stock';
import type { Ctx } from '../context';
import { txGetDoc } from '../db/get-doc';
import { orderEventFields, recordEvent, recordEventTx } from '../events';
import { moveGroupTx } from '../groupbuy/group-moves';
import { countPaymentTx, type GroupDoc, releaseSeatTx } from '../groupbuy/groups';
import { endedMemberKey, findOrder, isSolo, type OrderDoc, orderMoves, transitionGroup, updateOrderTx } from '../orders/orders';
import { releaseLimitTx } from '../orders/purchase-limits';
import { addRefundTx, refundDoc, refundNo } from './refunds';

export type PaymentOutcome = 'paid' | 'duplicate' | 'late_refunded' | 'unknown_order' | 'amount_mismatch';

export async function recordPayment(ctx: Ctx, outTradeNo: string, totalFee: number, transactionId: string): Promise<PaymentOutcome> {
  const order = await findOrder(ctx, outTradeNo);
  if (!order) return 'unknown_order';
  // The amount is fixed when the order is made, so it can be checked before the transaction.
  if (totalFee !== order.totalFen) {
    await recordEvent(ctx, 'payment_mismatch', { orderId: order._id, expectedFen: order.totalFen, receivedFen: totalFee, transactionId });
    return 'amount_mismatch';
  }
  const result = await ctx.db.runTransaction(async (tx) => {
    const o = await txGetDoc<OrderDoc>(tx, 'orders', outTradeNo);
    if (o?.money !== 'unpaid') return { outcome: 'duplicate' as const };
    const solo = isSolo(o);
    const g = solo ? null : await txGetDoc<GroupDoc>(tx, 'groups', o.groupId);
    const at = new Date(ctx.now());
    const paid = { paidAt: at, transactionId };
    // Bought alone: the held units are sold and the order goes straight to be shipped.
    if (solo && o.status === 'created' && (await sellStockTx(tx, o))) {
      await updateOrderTx(tx, o._id, { ...orderMoves(o, { status: 'confirmed', money: ['paid'] }, at, 'wx_paycallback'), ...paid, confirmedAt: at });
      await recordEventTx(tx, ctx, `order_paid:${o._id}`, 'order_paid', orderEventFields(o));
      return { outcome: 'paid' as const, succeeded: false };
    }
    // Only a held seat in a group still open takes the money.
    if (o.status === 'created' && g?.status === 'open' && g.seatOrders.includes(o._id) && !g.paidOrders.includes(o._id) && g.paid < g.size) {
      await updateOrderTx(tx, o._id, { ...orderMoves(o, { status: 'awaiting_group', money: ['paid'] }, at, 'wx_paycallback'), ...paid });
      const counted = await countPaymentTx(tx, g, o._id);
      if (counted.paid >= counted.size) await moveGroupTx(tx, ctx, counted, 'succeeded');
      // A leader who paid no longer has an open unpaid group.
      await releaseLimitTx(tx, o, false);
      await recordEventTx(tx, ctx, `order_paid:${o._id}`, 'order_paid', orderEventFields(o));
      return { outcome: 'paid' as const, succeeded: counted.paid >= counted.size };
    }
    // The seat expired or the group ended before the money arrived: it all goes back.
    const reason = solo ? '付款时订单已取消，自动退款' : o.status === 'cancelled' ? '付款时座位已过期，自动退款' : '拼团已结束，自动退款';
    const refund = refundDoc(ctx, o, refundNo(o), reason, o.totalFen, 'pending');
    await updateOrderTx(tx, o._id, {
      ...orderMoves(o, { status: 'cancelled', money: ['paid', 'refunding'] }, at, 'wx_paycallback'),
      ...paid,
      openRefund: refund._id,
      lastRefund: refund._id,
      refundReason: reason,
      ...(o.status !== 'cancelled' ? { cancelReason: 'PAID_TOO_LATE', memberKey: endedMemberKey(o._id) } : {}),
    });
    if (solo) await releaseStockTx(tx, o);
    else {
      await releaseSeatTx(tx, o);
      await releaseLimitTx(tx, o, true);
    }
    await addRefundTx(tx, refund);
    return { outcome: 'late_refunded' as const };
  }, 10);
  if ('succeeded' in result && result.succeeded) await confirmOrders(ctx, order.groupId);
  return result.outcome;
}

/** A succeeded group's paid orders become confirmed (to ship), all through the table. */
export async function confirmOrders(ctx: Ctx, groupId: string): Promise<number> {
  return transitionGroup(ctx, groupId, 'awaiting_group', 'confirmed', 'system', { confirmedAt: new Date(ctx.now()) });
}
