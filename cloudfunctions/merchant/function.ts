// merchant: campaigns here; the shop's orders (orders.ts) and settings (shop.ts) spread in.
// Every action checks in the database that the caller runs the shop, and that the campaign or
// order belongs to it.
import { type CampusResults, campusInput } from '../../core/contracts/campus';
import { merchantInput } from '../../core/contracts/groupbuy';
import { fail, ok } from '../../core/result';
import type { ProductDoc } from '../../server/catalog/products';
import { getDoc } from '../../server/db/get-doc';
import { action, defineFunction } from '../../server/define';
import { closeCampaign, createCampaign } from '../../server/groupbuy/campaigns';
import type { CampaignDoc } from '../../server/groupbuy/groups';
import { findCampus, saveCampusSettings, settingsOf } from '../../server/users/campuses';
import { callerMerchant } from '../../server/users/merchants';
import { FORBIDDEN, orderActions } from './orders';
import { productActions } from './products';
import { shopActions } from './shop';

const NO_CAMPUS = () => fail('NOT_FOUND', '店铺所在的校区不存在');

export default defineFunction('merchant', {
  // Products and campaigns (lists, product form, listing, campaign changes): ./products.ts.
  ...productActions,
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
  ...orderActions,
  ...shopActions,
  // The timetable settings of the caller's shop's campus (sections, 调休, scene rules, map): every
  // student's timetable there reads them.
  campusSettings: action({
    input: campusInput.campusSettings,
    async run(ctx) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const campus = await findCampus(ctx, merchant.campusId);
      if (!campus) return NO_CAMPUS();
      return ok<CampusResults['campusSettings']>({
        campusId: campus._id,
        campusName: campus.name,
        settings: settingsOf(campus),
        version: campus.settingsVersion ?? 0,
      });
    },
  }),
  saveCampusSettings: action({
    input: campusInput.saveCampusSettings,
    async run(ctx, input) {
      const merchant = await callerMerchant(ctx);
      if (!merchant) return FORBIDDEN();
      const saved = await saveCampusSettings(ctx, merchant.campusId, input);
      if (saved === 'missing') return NO_CAMPUS();
      if (saved === 'stale') return fail('BAD_STATE', '校区设置刚被其他商家改过，请刷新后再改');
      if (saved === 'fewer_sections') return fail('INVALID_INPUT', 'sections: 节次只能改时间或增加：减少节次会让同学课表里后面几节的课没有时间');
      return ok<CampusResults['saveCampusSettings']>(saved);
    },
  }),
});
