// merchant: campaigns here; the shop's orders (orders.ts) and settings (shop.ts) spread in.
// Every action checks in the database that the caller runs the shop, and that the campaign or
// order belongs to it.
import { merchantInput } from '../../core/contracts/groupbuy';
import { fail, ok } from '../../core/result';
import type { ProductDoc } from '../../server/catalog/products';
import { getDoc } from '../../server/db/get-doc';
import { action, defineFunction } from '../../server/define';
import { closeCampaign, createCampaign, updateCampaign } from '../../server/groupbuy/campaigns';
import type { CampaignDoc } from '../../server/groupbuy/groups';
import { callerMerchant } from '../../server/users/merchants';
import { FORBIDDEN, orderActions } from './orders';
import { shopActions } from './shop';

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
  ...orderActions,
  ...shopActions,
});
