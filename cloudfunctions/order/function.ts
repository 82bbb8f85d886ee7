// order: a student's orders. The server prices everything from stored prices: pay takes an
// order id only, and only the buyer can pay, see or change an order.
import { type OrderView, orderInput, type PayResult } from '../../core/contracts/groupbuy';
import { RECEIVABLE_STATES, wasPlaced } from '../../core/order-machine';
import { fail, ok } from '../../core/result';
import type { Ctx } from '../../server/context';
import { action, defineFunction } from '../../server/define';
import { completeOrder } from '../../server/orders/completion';
import { toOrderView } from '../../server/orders/order-view';
import { findOrder, type OrderDoc } from '../../server/orders/orders';
import { askRefund, findRefund, type RefundDoc } from '../../server/payments/refunds';

async function mine(ctx: Ctx, orderId: string): Promise<OrderDoc | null> {
  const o = await findOrder(ctx, orderId);
  return o && o.buyer === ctx.openid ? o : null;
}

const NOT_YOURS = () => fail('NOT_FOUND', '没有这个订单');

export default defineFunction('order', {
  pay: action({
    input: orderInput.pay,
    async run(ctx, { orderId }) {
      const o = await mine(ctx, orderId);
      if (!o) return NOT_YOURS();
      if (o.status !== 'created') return fail('BAD_STATE', o.status === 'cancelled' ? '座位已过期，请重新参团' : '这个订单不需要支付');
      if (new Date(o.seatExpiresAt).getTime() <= ctx.now()) return fail('SEAT_EXPIRED', '座位已过期，请重新参团');
      const payment = await ctx.pay.unifiedOrder({ outTradeNo: o._id, totalFen: o.totalFen, description: `校园种草-${o.title}`, openid: ctx.openid });
      return ok<PayResult>({ outTradeNo: o._id, totalFen: o.totalFen, payment });
    },
  }),
  get: action({
    input: orderInput.get,
    async run(ctx, { orderId }) {
      const o = await mine(ctx, orderId);
      return o ? ok<OrderView>(toOrderView(o)) : NOT_YOURS();
    },
  }),
  list: action({
    input: orderInput.list,
    async run(ctx) {
      const { data } = await ctx.db.collection<OrderDoc>('orders').where({ buyer: ctx.openid }).orderBy('createdAt', 'desc').limit(50).get();
      return ok<OrderView[]>(data.filter(wasPlaced).map(toOrderView));
    },
  }),
  confirmReceipt: action({
    input: orderInput.confirmReceipt,
    async run(ctx, { orderId }) {
      const o = await mine(ctx, orderId);
      if (!o) return NOT_YOURS();
      // Fulfilment only: a partly refunded or refunding order can still be received.
      if (!RECEIVABLE_STATES.includes(o.status)) return o.status === 'completed' ? ok(toOrderView(o)) : fail('BAD_STATE', '订单还不能确认收货');
      await completeOrder(ctx, o._id, ctx.openid);
      return ok<OrderView>(toOrderView((await findOrder(ctx, o._id)) as OrderDoc));
    },
  }),
  requestRefund: action({
    input: orderInput.requestRefund,
    async run(ctx, { orderId, amountFen, reason }) {
      const o = await mine(ctx, orderId);
      if (!o) return NOT_YOURS();
      // One open request per order: the merchant approves it, then the sweep pays it. A second
      // one while it is open is refused with REFUND_IN_PROGRESS, never silently dropped.
      const asked = await askRefund(ctx, o._id, amountFen, reason);
      if (!asked.ok) return fail(asked.code, asked.message);
      const r = (await findRefund(ctx, asked.refundId)) as RefundDoc;
      return ok({ requested: true, amountFen: r.refundFen });
    },
  }),
});
