// merchant: the shop's own settings (pickup points and delivery, on the shop's document).
import type { z } from 'zod';
import type { CodeOf } from '../../core/contracts/codes';
import type { ShopFulfilment } from '../../core/contracts/fulfilment';
import { merchantInput } from '../../core/contracts/groupbuy';
import { ok } from '../../core/result';
import { type Action, action } from '../../server/define';
import { callerMerchant, saveShopFulfilment, shopFulfilment } from '../../server/users/merchants';
import { FORBIDDEN } from './orders';

export const shopActions = {
  getShopFulfilment: action({
    input: merchantInput.getShopFulfilment,
    async run(ctx) {
      const merchant = await callerMerchant(ctx);
      return merchant ? ok<ShopFulfilment>(shopFulfilment(merchant)) : FORBIDDEN();
    },
  }),
  saveShopFulfilment: action({
    input: merchantInput.saveShopFulfilment,
    async run(ctx, input) {
      const merchant = await callerMerchant(ctx);
      return merchant ? ok<ShopFulfilment>(await saveShopFulfilment(ctx, merchant, input)) : FORBIDDEN();
    },
  }),
} satisfies Record<string, Action<z.ZodType, unknown, CodeOf<'merchant'>>>;
