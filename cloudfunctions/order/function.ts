// order: a student's orders. The server prices everything from stored prices: buy takes a
// product id and a quantity, pay takes an order id only, and only the buyer can pay, see or
// change an order.
import { type OrderPage, type OrderView, orderInput, type PayResult, type RefundRequested } from '../../core/contracts/groupbuy';
import { RECEIVABLE_STATES } from '../../core/order-machine';
import { fail, ok } from '../../core/result';
import type { Ctx } from '../../server/context';
import { getDoc } from '../../server/db/get-doc';
import { action, defineFunction } from '../../server/define';
import { buy, checkout } from '../../server/orders/buy';
import { completeOrder } from '../../server/orders/completion';
import { buyerOrders } from '../../server/orders/order-list';
import { latestRefundId, toOrderView } from '../../server/orders/order-view';
import { findOrder, isSolo, type OrderDoc } from '../../server/orders/orders';
import { askRefund, findRefund, type RefundDoc } from '../../server/payments/refunds';

async function mine(ctx: Ctx, orderId: string): Promise<OrderDoc | null> {
  const o = await findOrder(ctx, orderId);
  return o && o.buyer === ctx.openid ? o : null;
}

/** The buyer's full view of an order: the order and its latest refund. */
async function view(ctx: Ctx, o: OrderDoc): Promise<OrderView> {
  const refundId = latestRefundId(o);
  const refund = refundId ? await getDoc<RefundDoc>(ctx, 'refunds', refundId) : null;
  return toOrderView(o, { viewer: 'buyer', now: ctx.now(), refund });
}

const NOT_YOURS = () => fail('NOT_FOUND', '没有这个订单');

export default defineFunction('order', {
  buy: action({ input: orderInput.buy, run: (ctx, input) => buy(ctx, input) }),
  checkout: action({ input: orderInput.checkout, run: (ctx, { productId }) => checkout(ctx, productId) }),
  pay: action({
    input: orderInput.pay,
    async run(ctx, { orderId }) {
      const o = await mine(ctx, orderId);
      if (!o) return NOT_YOURS();
      const expired = isSolo(o) ? '订单已超时取消，请重新下单' : '座位已过期，请重新参团';
      if (o.status !== 'created') return fail('BAD_STATE', o.status === 'cancelled' ? expired : '这个订单不需要支付');
      if (new Date(o.seatExpiresAt).getTime() <= ctx.now()) return fail('SEAT_EXPIRED', expired);
      const payment = await ctx.pay.unifiedOrder({ outTradeNo: o._id, totalFen: o.totalFen, description: `校园种草-${o.title}`, openid: ctx.openid });
      return ok<PayResult>({ outTradeNo: o._id, totalFen: o.totalFen, payment });
    },
  }),
  get: action({
    input: orderInput.get,
    async run(ctx, { orderId }) {
      const o = await mine(ctx, orderId);
      return o ? ok<OrderView>(await view(ctx, o)) : NOT_YOURS();
    },
  }),
  list: action({
    input: orderInput.list,
    async run(ctx, { tab, cursor }) {
      const page = await buyerOrders(ctx, tab, cursor);
      return page.ok ? ok<OrderPage>({ items: page.items, nextCursor: page.nextCursor }) : fail('INVALID_INPUT', '翻页位置不对，请刷新列表');
    },
  }),
  confirmReceipt: action({
    input: orderInput.confirmReceipt,
    async run(ctx, { orderId }) {
      const o = await mine(ctx, orderId);
      if (!o) return NOT_YOURS();
      // Fulfilment only: a partly refunded or refunding order can still be received.
      if (!RECEIVABLE_STATES.includes(o.status)) return o.status === 'completed' ? ok<OrderView>(await view(ctx, o)) : fail('BAD_STATE', '订单还不能确认收货');
      await completeOrder(ctx, o._id, ctx.openid);
      return ok<OrderView>(await view(ctx, (await findOrder(ctx, o._id)) as OrderDoc));
    },
  }),
  requestRefund: action({
    input: orderInput.requestRefund,
    async run(ctx, { orderId, amountFen, reason, note, photos }) {
      const o = await mine(ctx, orderId);
      if (!o) return NOT_YOURS();
      // One open request per order: the merchant approves or rejects it, then the sweep pays an
      // approved one. A second one while it is open is refused with REFUND_IN_PROGRESS.
      const asked = await askRefund(ctx, o._id, { amountFen, reason, note, photos });
      if (!asked.ok) return fail(asked.code, asked.message);
      const r = (await findRefund(ctx, asked.refundId)) as RefundDoc;
      return ok<RefundRequested>({ requested: true, refundId: r._id, amountFen: r.refundFen });
    },
  }),
});
