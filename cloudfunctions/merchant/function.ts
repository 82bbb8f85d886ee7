// merchant: campaigns and fulfilment. Every action checks in the database that the caller
// runs the shop, and that the campaign or order belongs to it.
import { merchantInput, type OrderView } from '../../core/contracts/groupbuy';
import { fail, ok } from '../../core/result';
import type { MerchantDoc, ProductDoc } from '../../server/catalog/products';
import type { Ctx } from '../../server/context';
import { getDoc } from '../../server/db/get-doc';
import { action, defineFunction } from '../../server/define';
import { closeCampaign, createCampaign, updateCampaign } from '../../server/groupbuy/campaigns';
import type { CampaignDoc } from '../../server/groupbuy/groups';
import { toOrderView } from '../../server/orders/order-view';
import { findOrder, type OrderDoc, transition } from '../../server/orders/orders';
import { approveRefund, type RefundDoc } from '../../server/payments/refunds';
import { callerMerchant } from '../../server/users/merchants';
import { findUsers } from '../../server/users/users';

const FORBIDDEN = () => fail('FORBIDDEN', '只有商家可以操作');

async function shopOrder(ctx: Ctx, merchant: MerchantDoc, orderId: string): Promise<OrderDoc | null> {
  const o = await findOrder(ctx, orderId);
  return o && o.merchantId === merchant._id ? o : null;
}

async function fulfil(ctx: Ctx, orderId: string, to: 'shipped' | 'ready_for_pickup') {
  const merchant = await callerMerchant(ctx);
  if (!merchant) return FORBIDDEN();
  const o = await shopOrder(ctx, merchant, orderId);
  if (!o) return fail('NOT_FOUND', '没有这个订单');
  if (o.status === to) return ok(toOrderView(o));
  if (o.status !== 'confirmed') return fail('BAD_STATE', '只有已成团的订单可以发货或通知自提');
  const stamp = to === 'shipped' ? { shippedAt: new Date(ctx.now()) } : { readyAt: new Date(ctx.now()) };
  await transition(ctx, o._id, 'confirmed', to, ctx.openid, stamp);
  return ok<OrderView>(toOrderView((await findOrder(ctx, o._id)) as OrderDoc));
}

export default defineFunction('merchant', {
  createCampaign: action({
    input: merchantInput.createCampaign,
    async run(ctx, input) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const product = await getDoc<ProductDoc>(ctx, 'products', input.productId);
      if (!product || product.merchantId !== merchant._id) return fail('NOT_FOUND', '没有这个商品');
      if (input.groupPriceFen >= product.priceFen) return fail('INVALID_INPUT', '拼团价要低于原价');
      return ok({ campaignId: await createCampaign(ctx, merchant, product, input) });
    },
  }),
  updateCampaign: action({
    input: merchantInput.updateCampaign,
    async run(ctx, { campaignId, ...changes }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const c = await getDoc<CampaignDoc>(ctx, 'campaigns', campaignId);
      if (!c || c.merchantId !== merchant._id) return fail('NOT_FOUND', '没有这个活动');
      if (!(await updateCampaign(ctx, campaignId, changes))) return fail('BAD_STATE', '库存正在变化，请刷新后再改');
      return ok({ campaignId });
    },
  }),
  closeCampaign: action({
    input: merchantInput.closeCampaign,
    async run(ctx, { campaignId }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const c = await getDoc<CampaignDoc>(ctx, 'campaigns', campaignId);
      if (!c || c.merchantId !== merchant._id) return fail('NOT_FOUND', '没有这个活动');
      // Open groups run to their deadline: members who paid are not cut short.
      await closeCampaign(ctx, campaignId);
      return ok({ campaignId });
    },
  }),
  listCampaigns: action({
    input: merchantInput.listCampaigns,
    async run(ctx) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const { data } = await ctx.db.collection<CampaignDoc>('campaigns').where({ merchantId: merchant._id }).orderBy('createdAt', 'desc').limit(50).get();
      return ok(
        data.map((c) => ({
          id: c._id,
          title: c.title,
          groupPriceFen: c.groupPriceFen,
          groupSize: c.groupSize,
          stock: c.stock,
          status: c.status,
          endAt: new Date(c.endAt).getTime(),
        })),
      );
    },
  }),
  listProducts: action({
    input: merchantInput.listProducts,
    async run(ctx) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const { data } = await ctx.db.collection<ProductDoc>('products').where({ merchantId: merchant._id, status: 'on_sale' }).limit(100).get();
      return ok(data.map((p) => ({ id: p._id, title: p.title, priceFen: p.priceFen })));
    },
  }),
  listOrders: action({
    input: merchantInput.listOrders,
    async run(ctx, { state }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const _ = ctx.db.command;
      // Refunding is money, not fulfilment; 'all' is every order that was ever a sale.
      const where =
        state === 'all'
          ? { merchantId: merchant._id, status: _.nin(['reserving', 'created', 'cancelled']) }
          : state === 'refunding'
            ? { merchantId: merchant._id, money: 'refunding' }
            : { merchantId: merchant._id, status: state };
      const { data } = await ctx.db.collection<OrderDoc>('orders').where(where).orderBy('createdAt', 'desc').limit(50).get();
      const ids = data.map((o) => o._id);
      const { data: asked } = ids.length
        ? await ctx.db
            .collection<RefundDoc>('refunds')
            .where({ orderId: _.in(ids), status: 'requested' })
            .limit(50)
            .get()
        : { data: [] };
      const buyers = await findUsers(
        ctx,
        data.map((o) => o.buyer),
      );
      return ok<OrderView[]>(
        data.map((o) => {
          const r = asked.find((x) => x.orderId === o._id);
          return {
            ...toOrderView(o),
            buyerNickname: buyers.get(o.buyer)?.nickname ?? '同学',
            refundRequest: r ? { amountFen: r.refundFen, reason: r.reason } : null,
          };
        }),
      );
    },
  }),
  ship: action({ input: merchantInput.ship, run: (ctx, { orderId }) => fulfil(ctx, orderId, 'shipped') }),
  readyForPickup: action({ input: merchantInput.readyForPickup, run: (ctx, { orderId }) => fulfil(ctx, orderId, 'ready_for_pickup') }),
  approveRefund: action({
    input: merchantInput.approveRefund,
    async run(ctx, { orderId }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const o = await shopOrder(ctx, merchant, orderId);
      if (!o) return fail('NOT_FOUND', '没有这个订单');
      // The order's money and the refund move together in one transaction.
      const approved = await approveRefund(ctx, o._id, merchant._id);
      return approved.ok ? ok({ orderId, refundFen: approved.refundFen }) : fail('BAD_STATE', approved.message);
    },
  }),
});
