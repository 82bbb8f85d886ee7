// What happens when WeChat says an order was paid. Each step is a conditional update, so a
// duplicate or late callback, or a second run after a crash, changes nothing twice.
import type { Ctx } from '../context';
import { orderEventFields, recordEvent } from '../repos/events';
import type { GroupDoc } from '../repos/groupbuy';
import { findOrder, type OrderDoc, transition } from '../repos/orders';
import { startRefund } from './refunds';

export type PaymentOutcome = 'paid' | 'duplicate' | 'late_refunded' | 'unknown_order' | 'amount_mismatch';

export async function recordPayment(ctx: Ctx, outTradeNo: string, totalFee: number, transactionId: string): Promise<PaymentOutcome> {
  const order = await findOrder(ctx, outTradeNo);
  if (!order) return 'unknown_order';
  if (totalFee !== order.totalFen) {
    await recordEvent(ctx, 'payment_mismatch', { orderId: order._id, expectedFen: order.totalFen, receivedFen: totalFee, transactionId });
    return 'amount_mismatch';
  }
  const _ = ctx.db.command;
  if (await transition(ctx, order._id, 'created', 'paid', 'wx_paycallback', { paidAt: new Date(ctx.now()), transactionId })) {
    await recordEvent(ctx, 'order_paid', orderEventFields(order));
  } else {
    const now = (await findOrder(ctx, order._id)) as OrderDoc;
    // The seat expired before the money arrived: the money goes back.
    if (now.status === 'cancelled') {
      await startRefund(ctx, now, 'cancelled', '付款时座位已过期，自动退款');
      return 'late_refunded';
    }
    if (now.status !== 'paid') return 'duplicate';
  }
  // Count the payment in the group once; only an open group takes it.
  const counted = await ctx.db
    .collection('groups')
    .where({ _id: order.groupId, status: 'open', paidOrders: _.nin([order._id]) })
    .update({ data: { paid: _.inc(1), paidOrders: _.push([order._id]) } });
  const group = (await ctx.db.collection<GroupDoc>('groups').doc(order.groupId).get()).data;
  if (counted.stats.updated === 0 && !group.paidOrders.includes(order._id)) {
    await startRefund(ctx, { ...order, status: 'paid' }, 'paid', '拼团已结束，自动退款');
    return 'late_refunded';
  }
  await transition(ctx, order._id, 'paid', 'awaiting_group', 'system');
  if (group.status === 'open' && group.paid >= group.size) await succeedGroup(ctx, group);
  return 'paid';
}

/** Every seat paid: the group succeeds and all its orders are confirmed at once. */
export async function succeedGroup(ctx: Ctx, group: GroupDoc): Promise<void> {
  const res = await ctx.db
    .collection('groups')
    .where({ _id: group._id, status: 'open', paid: group.size })
    .update({ data: { status: 'succeeded', succeededAt: new Date(ctx.now()) } });
  if (res.stats.updated === 1)
    await recordEvent(ctx, 'group_succeeded', { groupId: group._id, campaignId: group.campaignId, merchantId: group.merchantId, size: group.size });
  await confirmOrders(ctx, group._id);
}

export async function confirmOrders(ctx: Ctx, groupId: string): Promise<void> {
  const _ = ctx.db.command;
  const at = new Date(ctx.now());
  await ctx.db
    .collection('orders')
    .where({ groupId, status: 'awaiting_group' })
    .update({ data: { status: 'confirmed', confirmedAt: at, history: _.push([{ from: 'awaiting_group', to: 'confirmed', at, by: 'system' }]) } });
}
