// merchant: the shop's products and campaigns (lists, the product form, listing and unlisting,
// campaign changes). Spread into the merchant function; every action finds the caller's shop in
// the database and touches only what belongs to it.
import type { MerchantProductDetail } from '../../core/contracts/catalog';
import { type MerchantCampaignRow, merchantInput } from '../../core/contracts/groupbuy';
import { fail, ok } from '../../core/result';
import { merchantProducts, saveProduct, setProductStatus, shopProduct, toMerchantDetail } from '../../server/catalog/merchant-products';
import { getDoc } from '../../server/db/get-doc';
import { action } from '../../server/define';
import { merchantCampaigns, refuseChanges, updateCampaign } from '../../server/groupbuy/campaigns';
import type { CampaignDoc } from '../../server/groupbuy/groups';
import { callerMerchant } from '../../server/users/merchants';

const FORBIDDEN = () => fail('FORBIDDEN', '只有商家可以操作');

export const productActions = {
  saveProduct: action({
    input: merchantInput.saveProduct,
    async run(ctx, input) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      return saveProduct(ctx, merchant, input);
    },
  }),
  getProduct: action({
    input: merchantInput.getProduct,
    async run(ctx, { productId }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const p = await shopProduct(ctx, merchant, productId);
      return p ? ok<MerchantProductDetail>(toMerchantDetail(p)) : fail('NOT_FOUND', '没有这个商品');
    },
  }),
  setProductStatus: action({
    input: merchantInput.setProductStatus,
    async run(ctx, { productId, status }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      return setProductStatus(ctx, merchant, productId, status);
    },
  }),
  listProducts: action({
    input: merchantInput.listProducts,
    async run(ctx, { status, cursor }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      return ok(await merchantProducts(ctx, merchant, status, cursor));
    },
  }),
  listCampaigns: action({
    input: merchantInput.listCampaigns,
    async run(ctx) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      return ok<MerchantCampaignRow[]>(await merchantCampaigns(ctx, merchant._id));
    },
  }),
  updateCampaign: action({
    input: merchantInput.updateCampaign,
    async run(ctx, { campaignId, ...changes }) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const c = await getDoc<CampaignDoc>(ctx, 'campaigns', campaignId);
      if (!c || c.merchantId !== merchant._id) return fail('NOT_FOUND', '没有这个活动');
      const refused = refuseChanges(c, changes, ctx.now());
      if (refused) return fail('INVALID_INPUT', refused);
      if (!(await updateCampaign(ctx, campaignId, changes))) return fail('BAD_STATE', '库存正在变化，请刷新后再改');
      return ok({ campaignId });
    },
  }),
};
