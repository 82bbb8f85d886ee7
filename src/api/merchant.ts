import type { MerchantProductDetail, MerchantProductRow, PRODUCT_CATEGORIES } from '@core/contracts/catalog';
import type { CARRIERS, ShopFulfilment } from '@core/contracts/fulfilment';
import type { MerchantCampaignRow, MerchantOrderPage, OrderView, ShipManyResult } from '@core/contracts/groupbuy';
import type { AttributionRules, ShareResults } from '@core/contracts/share';
import { call } from './client';

export interface FunnelRow {
  channel: 'chat' | 'group' | 'moments' | 'poster';
  created: number;
  opens: number;
  binds: number;
}

export const getRules = () => call<ShareResults['getRules'], 'share'>('share', 'getRules');
export const setRules = (rules: AttributionRules) => call<ShareResults['setRules'], 'share'>('share', 'setRules', rules);
export const shareFunnel = (days = 30) => call<FunnelRow[], 'analytics'>('analytics', 'shareFunnel', { days });

export type MerchantOrderState = 'confirmed' | 'shipped' | 'ready_for_pickup' | 'completed' | 'refunding' | 'all';
export type Carrier = (typeof CARRIERS)[number];

/** The shop's orders in one state, newest first, a page at a time; q is the start of an order number or a buyer's nickname. */
export const merchantOrders = (state: MerchantOrderState = 'all', q?: string, cursor?: string) =>
  call<MerchantOrderPage, 'merchant'>('merchant', 'listOrders', { state, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) });
export const merchantOrder = (orderId: string) => call<OrderView, 'merchant'>('merchant', 'getOrder', { orderId });
/** trackingNo may be empty only for 商家配送; a pickup order is refused (BAD_STATE). */
export const shipOrder = (orderId: string, carrier: Carrier, trackingNo = '') =>
  call<OrderView, 'merchant'>('merchant', 'ship', { orderId, carrier, trackingNo });
export const shipOrders = (carrier: Carrier, orders: { orderId: string; trackingNo?: string }[]) =>
  call<ShipManyResult, 'merchant'>('merchant', 'shipMany', { carrier, orders });
/** Makes the buyer's 6-digit pickup code (the same on a repeat); a delivery order is refused (BAD_STATE). */
export const readyForPickup = (orderId: string) => call<OrderView, 'merchant'>('merchant', 'readyForPickup', { orderId });
/** The code the buyer shows: WRONG_CODE (nothing changes) unless it is this order's; then the order is completed. */
export const verifyPickup = (orderId: string, code: string) => call<OrderView, 'merchant'>('merchant', 'verifyPickup', { orderId, code });
/** refundId: the request shown (OrderView.refundRequest.id); if the buyer's request changed since, it is refused. */
export const approveRefund = (orderId: string, refundId: string) =>
  call<{ orderId: string; refundFen: number }, 'merchant'>('merchant', 'approveRefund', { orderId, refundId });
export const rejectRefund = (orderId: string, refundId: string, reason: string) =>
  call<{ orderId: string }, 'merchant'>('merchant', 'rejectRefund', { orderId, refundId, reason });
export const getShopFulfilment = () => call<ShopFulfilment, 'merchant'>('merchant', 'getShopFulfilment');
/** Points keep the id they came with; new ones get one. Answers what was stored. */
export const saveShopFulfilment = (input: {
  pickupPoints: { id?: string; name: string; place: string; hours: string }[];
  delivery: { enabled: boolean; note: string };
}) => call<ShopFulfilment, 'merchant'>('merchant', 'saveShopFulfilment', input);

/** A row of the campaign list: dates, stock, units sold and groups formed. */
export type MerchantCampaign = MerchantCampaignRow;
export const merchantCampaigns = () => call<MerchantCampaignRow[], 'merchant'>('merchant', 'listCampaigns');
export const createCampaign = (input: Record<string, unknown>) => call<{ campaignId: string }, 'merchant'>('merchant', 'createCampaign', input);
export const closeCampaign = (campaignId: string) => call<{ campaignId: string }, 'merchant'>('merchant', 'closeCampaign', { campaignId });
/** Changes a running campaign; omitted fields stay. Students see the change on the campaign page at once. */
export const updateCampaign = (input: { campaignId: string; groupPriceFen?: number; endAt?: number; stock?: number; perStudentLimit?: number }) =>
  call<{ campaignId: string }, 'merchant'>('merchant', 'updateCampaign', input);

/** The shop's products, newest first, a page at a time (nextCursor null on the last page). */
export const merchantProducts = (status: 'on_sale' | 'off_sale' | 'all' = 'all', cursor?: string) =>
  call<{ items: MerchantProductRow[]; nextCursor: string | null }, 'merchant'>('merchant', 'listProducts', cursor ? { status, cursor } : { status });
export const getMerchantProduct = (productId: string) => call<MerchantProductDetail, 'merchant'>('merchant', 'getProduct', { productId });

/** The product form. Without productId it creates (once per requestId); with it, it edits. */
export interface SaveProductInput {
  productId?: string;
  /** A new one per form submission (newRequestId); the same one when retrying it. */
  requestId: string;
  title: string;
  subtitle: string;
  /** fileIDs of uploaded pictures (uploadImage), 1 to 9; the first is the cover. */
  images: string[];
  priceFen: number;
  /** The crossed-out price, above priceFen, or null. */
  originalPriceFen: number | null;
  stock: number;
  category: (typeof PRODUCT_CATEGORIES)[number];
  description: string;
  /** Commission for KOC sales of this product in basis points (1000 = 10%), or null for the KOC's tier rate. */
  commissionRateBp: number | null;
  /** Editing (required with productId): the stock getMerchantProduct showed, so units sold meanwhile are kept (the change applies as a difference). */
  expectedStock?: number;
}
export const saveProduct = (input: SaveProductInput) => call<{ productId: string }, 'merchant'>('merchant', 'saveProduct', input);
/** on_sale lists the product; off_sale hides it from the catalog, product page and search. */
export const setProductStatus = (productId: string, status: 'on_sale' | 'off_sale') =>
  call<MerchantProductRow, 'merchant'>('merchant', 'setProductStatus', { productId, status });
