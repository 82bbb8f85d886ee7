import type { FulfilmentInput, RefundReason } from '@core/contracts/fulfilment';
import type { CampaignCard, CampaignDetail, Checkout, GroupView, OrderPage, OrderTab, OrderView, PayResult, RefundRequested } from '@core/contracts/groupbuy';
import { call } from './client';

/** A request id per user intent, so a retried tap never takes a second seat. */
export const newRequestId = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;

export const listCampaigns = () => call<CampaignCard[], 'groupbuy'>('groupbuy', 'listCampaigns');
export const getCampaign = (campaignId: string) => call<CampaignDetail, 'groupbuy'>('groupbuy', 'getCampaign', { campaignId });
/** 开团 / 参团; without a fulfilment the shop's first pickup point is used (or none when it has none). */
export const openGroup = (campaignId: string, requestId: string, fulfilment?: FulfilmentInput) =>
  call<{ groupId: string; orderId: string }, 'groupbuy'>('groupbuy', 'open', fulfilment ? { campaignId, requestId, fulfilment } : { campaignId, requestId });
export const joinGroup = (groupId: string, requestId: string, fulfilment?: FulfilmentInput) =>
  call<{ groupId: string; orderId: string }, 'groupbuy'>('groupbuy', 'join', fulfilment ? { groupId, requestId, fulfilment } : { groupId, requestId });
export const getGroup = (groupId: string) => call<GroupView, 'groupbuy'>('groupbuy', 'getGroup', { groupId });

/** The product page's checkout: the shop's pickup points and delivery, the price, how many may be bought. */
export const checkoutProduct = (productId: string) => call<Checkout, 'order'>('order', 'checkout', { productId });
/** Buy alone at the product price (SOLD_OUT, NO_FULFILMENT); then payOrder as for a seat. */
export const buyAlone = (input: { productId: string; quantity: number; fulfilment: FulfilmentInput; requestId: string }) =>
  call<{ orderId: string }, 'order'>('order', 'buy', input);
export const payOrder = (orderId: string) => call<PayResult, 'order'>('order', 'pay', { orderId });
/** One tab of the caller's orders, newest first; pass nextCursor for the next page (null on the last). */
export const listOrders = (tab: OrderTab = 'all', cursor?: string) => call<OrderPage, 'order'>('order', 'list', cursor ? { tab, cursor } : { tab });
export const getOrder = (orderId: string) => call<OrderView, 'order'>('order', 'get', { orderId });
export const confirmReceipt = (orderId: string) => call<OrderView, 'order'>('order', 'confirmReceipt', { orderId });
/** After-sales: one open request per order (REFUND_IN_PROGRESS otherwise); amount omitted = all that is left. */
export const requestRefund = (input: { orderId: string; amountFen?: number; reason: RefundReason; note?: string; photos?: string[] }) =>
  call<RefundRequested, 'order'>('order', 'requestRefund', input);
