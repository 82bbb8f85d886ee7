// The merchant console's calls for products, campaign edits, orders (shipping, pickup,
// after-sales) and the shop's fulfilment settings, typed by the contracts in core/contracts.
// Kept apart from merchant.ts so the server side can grow its own wrappers there meanwhile.
import type { MerchantProductDetail, MerchantProductRow } from '@core/contracts/catalog';
import type { CARRIERS, ShopFulfilment } from '@core/contracts/fulfilment';
import type { MerchantCampaignRow, MerchantOrderPage, OrderView, ShipManyResult } from '@core/contracts/groupbuy';
import { call } from './client';

export type Carrier = (typeof CARRIERS)[number];

export type ProductStatusFilter = 'on_sale' | 'off_sale' | 'all';
export type MerchantOrderState = 'confirmed' | 'shipped' | 'ready_for_pickup' | 'completed' | 'refunding' | 'all';

export interface ProductInput {
  productId?: string;
  requestId: string;
  title: string;
  subtitle: string;
  images: string[];
  priceFen: number;
  originalPriceFen: number | null;
  stock: number;
  category: string;
  description: string;
  commissionRateBp: number | null;
  /** Editing (required with productId): the stock the form loaded, so units sold meanwhile stay sold. */
  expectedStock?: number;
}

export const listMyProducts = (status: ProductStatusFilter, cursor?: string) =>
  call<{ items: MerchantProductRow[]; nextCursor: string | null }, 'merchant'>('merchant', 'listProducts', cursor ? { status, cursor } : { status });
export const getMyProduct = (productId: string) => call<MerchantProductDetail, 'merchant'>('merchant', 'getProduct', { productId });
export const saveProduct = (input: ProductInput) => call<{ productId: string }, 'merchant'>('merchant', 'saveProduct', input);
export const setProductStatus = (productId: string, status: 'on_sale' | 'off_sale') =>
  call<unknown, 'merchant'>('merchant', 'setProductStatus', { productId, status });

export const listMyCampaigns = () => call<MerchantCampaignRow[], 'merchant'>('merchant', 'listCampaigns');
export interface CampaignPatch {
  campaignId: string;
  groupPriceFen?: number;
  endAt?: number;
  stock?: number;
  perStudentLimit?: number;
}
export const updateCampaign = (patch: CampaignPatch) => call<unknown, 'merchant'>('merchant', 'updateCampaign', patch);

export const listShopOrders = (input: { state: MerchantOrderState; q?: string; cursor?: string }) => {
  const body: Record<string, string> = { state: input.state };
  if (input.q) body.q = input.q;
  if (input.cursor) body.cursor = input.cursor;
  return call<MerchantOrderPage, 'merchant'>('merchant', 'listOrders', body);
};
export const getShopOrder = (orderId: string) => call<OrderView, 'merchant'>('merchant', 'getOrder', { orderId });
export const shipOrder = (orderId: string, carrier: Carrier, trackingNo: string) =>
  call<unknown, 'merchant'>('merchant', 'ship', { orderId, carrier, trackingNo });
/** Each order ships or not on its own: `shipped` counts those that did, `results` says why the others did not. */
export const shipMany = (carrier: Carrier, orders: { orderId: string; trackingNo: string }[]) =>
  call<ShipManyResult, 'merchant'>('merchant', 'shipMany', { carrier, orders });
export const markReadyForPickup = (orderId: string) => call<unknown, 'merchant'>('merchant', 'readyForPickup', { orderId });
/** WRONG_CODE (a try spent, the tries left in the message); after 5 wrong tries BAD_STATE for that order. */
export const verifyPickup = (orderId: string, code: string) => call<unknown, 'merchant'>('merchant', 'verifyPickup', { orderId, code });
/** refundId: the request the merchant is looking at (OrderView.refundRequest.id); a changed one is refused. */
export const approveRefundRequest = (orderId: string, refundId: string) =>
  call<{ refundFen: number }, 'merchant'>('merchant', 'approveRefund', { orderId, refundId });
export const rejectRefundRequest = (orderId: string, refundId: string, reason: string) =>
  call<unknown, 'merchant'>('merchant', 'rejectRefund', { orderId, refundId, reason });

export const getShopFulfilment = () => call<ShopFulfilment, 'merchant'>('merchant', 'getShopFulfilment');
export interface ShopFulfilmentInput {
  pickupPoints: { id?: string; name: string; place: string; hours: string }[];
  delivery: ShopFulfilment['delivery'];
}
export const saveShopFulfilment = (input: ShopFulfilmentInput) => call<ShopFulfilment, 'merchant'>('merchant', 'saveShopFulfilment', input);
