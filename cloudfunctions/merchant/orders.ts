// merchant: the shop's orders. Every action checks in the database that the caller runs the
// shop and that the order belongs to it; the views never carry the buyer's pickup code.
import type { z } from 'zod';
import type { CodeOf } from '../../core/contracts/codes';
import { type MerchantOrderPage, merchantInput, type OrderView, type ShipManyResult } from '../../core/contracts/groupbuy';
import { fail, ok } from '../../core/result';
import type { Ctx } from '../../server/context';
import { getDoc, getDocsByIds } from '../../server/db/get-doc';
import { type Action, action } from '../../server/define';
import { type FulfilOutcome, markReady, shipOrder, verifyPickup } from '../../server/orders/fulfil';
import { shopOrders } from '../../server/orders/order-list';
import { latestRefundId, toOrderView } from '../../server/orders/order-view';
import { findOrder, type OrderDoc } from '../../server/orders/orders';
import { approveRefund, type RefundDoc, rejectRefund } from '../../server/payments/refunds';
import { callerMerchant, type ShopDoc } from '../../server/users/merchants';
import { findUser } from '../../server/users/users';

export const FORBIDDEN = () => fail('FORBIDDEN', '只有商家可以操作');
const NO_ORDER = () => fail('NOT_FOUND', '没有这个订单');

async function shopOrder(ctx: Ctx, merchant: ShopDoc, orderId: string): Promise<OrderDoc | null> {
  const o = await findOrder(ctx, orderId);
  return o && o.merchantId === merchant._id ? o : null;
}

/** The merchant's full view of one order: its latest refund and the buyer's nickname. */
async function merchantView(ctx: Ctx, o: OrderDoc): Promise<OrderView> {
  const refundId = latestRefundId(o);
  const refund = refundId ? await getDoc<RefundDoc>(ctx, 'refunds', refundId) : null;
  const buyer = await findUser(ctx, o.buyer);
  return toOrderView(o, { viewer: 'merchant', now: ctx.now(), refund, buyerNickname: buyer?.nickname ?? '同学' });
}

/** The caller's shop and its order, then `step`; answers the order's view after it. */
async function onShopOrder(ctx: Ctx, orderId: string, step: (o: OrderDoc) => Promise<FulfilOutcome>) {
  const merchant = await callerMerchant(ctx);
  if (!merchant) return FORBIDDEN();
  const o = await shopOrder(ctx, merchant, orderId);
  if (!o) return NO_ORDER();
  const done = await step(o);
  return done.ok ? ok<OrderView>(await merchantView(ctx, done.order)) : fail(done.code, done.message);
}

export const orderActions = {
  listOrders: action({
    input: merchantInput.listOrders,
    async run(ctx, { state, q, cursor }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const page = await shopOrders(ctx, merchant._id, state, q || undefined, cursor);
      return page.ok ? ok<MerchantOrderPage>({ items: page.items, nextCursor: page.nextCursor }) : fail('INVALID_INPUT', '翻页位置不对，请刷新列表');
    },
  }),
  getOrder: action({
    input: merchantInput.getOrder,
    async run(ctx, { orderId }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const o = await shopOrder(ctx, merchant, orderId);
      return o ? ok<OrderView>(await merchantView(ctx, o)) : NO_ORDER();
    },
  }),
  ship: action({
    input: merchantInput.ship,
    run: (ctx, { orderId, carrier, trackingNo }) => onShopOrder(ctx, orderId, (o) => shipOrder(ctx, o, carrier, trackingNo)),
  }),
  /** Bulk 发货: each order moves on its own conditional write and answers for itself. */
  shipMany: action({
    input: merchantInput.shipMany,
    async run(ctx, { carrier, orders }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const found = await getDocsByIds<OrderDoc>(
        ctx,
        'orders',
        orders.map((x) => x.orderId),
      );
      const results: ShipManyResult['results'] = [];
      for (const { orderId, trackingNo } of orders) {
        const o = found.get(orderId);
        if (!o || o.merchantId !== merchant._id) {
          results.push({ orderId, ok: false, code: 'NOT_FOUND', message: '没有这个订单' });
          continue;
        }
        const done = await shipOrder(ctx, o, carrier, trackingNo);
        results.push(done.ok ? { orderId, ok: true, state: done.order.status } : { orderId, ok: false, code: done.code, message: done.message });
      }
      return ok<ShipManyResult>({ results, shipped: results.filter((r) => r.ok).length });
    },
  }),
  readyForPickup: action({ input: merchantInput.readyForPickup, run: (ctx, { orderId }) => onShopOrder(ctx, orderId, (o) => markReady(ctx, o)) }),
  verifyPickup: action({ input: merchantInput.verifyPickup, run: (ctx, { orderId, code }) => onShopOrder(ctx, orderId, (o) => verifyPickup(ctx, o, code)) }),
  approveRefund: action({
    input: merchantInput.approveRefund,
    async run(ctx, { orderId, refundId }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const o = await shopOrder(ctx, merchant, orderId);
      if (!o) return NO_ORDER();
      // The order's money and the refund move together in one transaction, if the request is still the one seen.
      const approved = await approveRefund(ctx, o._id, refundId, merchant._id);
      return approved.ok ? ok({ orderId, refundFen: approved.refundFen }) : fail('BAD_STATE', approved.message);
    },
  }),
  rejectRefund: action({
    input: merchantInput.rejectRefund,
    async run(ctx, { orderId, refundId, reason }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const o = await shopOrder(ctx, merchant, orderId);
      if (!o) return NO_ORDER();
      // The request ends rejected and the order is free for a new one, in one transaction.
      const rejected = await rejectRefund(ctx, o._id, refundId, merchant._id, reason);
      return rejected.ok ? ok({ orderId }) : fail('BAD_STATE', rejected.message);
    },
  }),
} satisfies Record<string, Action<z.ZodType, unknown, CodeOf<'merchant'>>>;
