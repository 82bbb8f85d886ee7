// merchant: campaigns and fulfilment. Every action checks in the database that the caller
// runs the shop, and that the campaign or order belongs to it.
import { createHash } from 'node:crypto';
import { merchantInput, type OrderView } from '../../core/contracts/groupbuy';
import { fail, ok } from '../../core/result';
import type { MerchantDoc, ProductDoc } from '../../server/catalog/products';
import type { Ctx } from '../../server/context';
import { getDoc } from '../../server/db/get-doc';
import { isDuplicateKeyError } from '../../server/db/types';
import { action, defineFunction } from '../../server/define';
import type { CampaignDoc } from '../../server/groupbuy/groups';
import { toOrderView } from '../../server/orders/order-view';
import { findOrder, type OrderDoc, transition } from '../../server/orders/orders';
import { approveRefund, type RefundDoc } from '../../server/payments/refunds';
import { callerMerchant } from '../../server/users/merchants';
import { findUser } from '../../server/users/users';

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

/**
 * The merchant sets the units free now; groups may take some at the same moment, so the change
 * is conditional on the stock read, and what was stocked moves by the same amount (stock is
 * conserved: free + set aside + sold = stocked).
 */
async function setStock(ctx: Ctx, campaignId: string, stock: number): Promise<boolean> {
  const _ = ctx.db.command;
  for (let attempt = 0; attempt < 3; attempt++) {
    const c = (await getDoc<CampaignDoc>(ctx, 'campaigns', campaignId)) as CampaignDoc;
    const res = await ctx.db
      .collection('campaigns')
      .where({ _id: campaignId, stock: c.stock })
      .update({ data: { stock, stocked: _.inc(stock - c.stock) } });
    if (res.stats.updated === 1) return true;
  }
  return false;
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
      const { requestId, ...fields } = input;
      const id = `c${createHash('sha256').update(`${merchant._id}|${requestId}`).digest('hex').slice(0, 23)}`;
      const doc: CampaignDoc = {
        _id: id,
        merchantId: merchant._id,
        productId: product._id,
        title: product.title,
        image: product.images[0] ?? '',
        description: product.description,
        originalPriceFen: product.priceFen,
        groupPriceFen: fields.groupPriceFen,
        groupSize: fields.groupSize,
        groupHours: fields.groupHours,
        startAt: new Date(fields.startAt),
        endAt: new Date(fields.endAt),
        stock: fields.stock,
        stocked: fields.stock,
        perStudentLimit: fields.perStudentLimit,
        course: fields.course,
        leaderRewardFen: fields.leaderRewardFen,
        status: 'live',
        reservedGroups: [],
        releasedGroups: [],
        createdAt: new Date(ctx.now()),
      };
      try {
        await ctx.db.collection('campaigns').add({ data: doc });
      } catch (e) {
        if (!isDuplicateKeyError(e)) throw e; // the same request again: already created
      }
      return ok({ campaignId: id });
    },
  }),
  updateCampaign: action({
    input: merchantInput.updateCampaign,
    async run(ctx, { campaignId, ...changes }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const c = await getDoc<CampaignDoc>(ctx, 'campaigns', campaignId);
      if (!c || c.merchantId !== merchant._id) return fail('NOT_FOUND', '没有这个活动');
      const data: Record<string, unknown> = {};
      if (changes.groupPriceFen !== undefined) data.groupPriceFen = changes.groupPriceFen; // new groups only: orders keep their price
      if (changes.endAt !== undefined) data.endAt = new Date(changes.endAt);
      if (Object.keys(data).length) await ctx.db.collection('campaigns').doc(campaignId).update({ data });
      if (changes.stock !== undefined && !(await setStock(ctx, campaignId, changes.stock))) return fail('BAD_STATE', '库存正在变化，请刷新后再改');
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
      await ctx.db
        .collection('campaigns')
        .doc(campaignId)
        .update({ data: { status: 'closed' } });
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
      const out: OrderView[] = [];
      for (const o of data) {
        const r = asked.find((x) => x.orderId === o._id);
        out.push({
          ...toOrderView(o),
          buyerNickname: (await findUser(ctx, o.buyer))?.nickname ?? '同学',
          refundRequest: r ? { amountFen: r.refundFen, reason: r.reason } : null,
        });
      }
      return ok(out);
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
