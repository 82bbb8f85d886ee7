// The shop's student-side actions that the other wrappers (groupbuy.ts, catalog.ts) do not have
// yet: checkout, buy alone, the paged order tabs, one order, after-sales, search. Typed from the
// contracts (core/contracts/groupbuy.ts, catalog.ts, fulfilment.ts).
import type { CatalogResults } from '@core/contracts/catalog';
import type { FulfilmentInput, RefundReason } from '@core/contracts/fulfilment';
import type { Checkout, OrderPage, OrderTab, OrderView } from '@core/contracts/groupbuy';
import { call } from './client';

export const checkout = (productId: string) => call<Checkout, 'order'>('order', 'checkout', { productId });

export const buy = (input: { productId: string; quantity: number; fulfilment: FulfilmentInput; requestId: string }) =>
  call<{ orderId: string }, 'order'>('order', 'buy', input);

/** 开团 and 参团 with the fulfilment chosen in the checkout sheet. */
export const openGroupWith = (campaignId: string, requestId: string, fulfilment: FulfilmentInput) =>
  call<{ groupId: string; orderId: string }, 'groupbuy'>('groupbuy', 'open', { campaignId, requestId, fulfilment });
export const joinGroupWith = (groupId: string, requestId: string, fulfilment: FulfilmentInput) =>
  call<{ groupId: string; orderId: string }, 'groupbuy'>('groupbuy', 'join', { groupId, requestId, fulfilment });

export const orderPage = (tab: OrderTab, cursor?: string) => call<OrderPage, 'order'>('order', 'list', cursor ? { tab, cursor } : { tab });
export const getOrder = (orderId: string) => call<OrderView, 'order'>('order', 'get', { orderId });
export const confirmOrderReceipt = (orderId: string) => call<OrderView, 'order'>('order', 'confirmReceipt', { orderId });

export const requestRefund = (input: { orderId: string; amountFen?: number; reason: RefundReason; note: string; photos: string[] }) =>
  call<OrderView, 'order'>('order', 'requestRefund', input);

export const searchProducts = (q: string, cursor?: string) => call<CatalogResults['search'], 'catalog'>('catalog', 'search', cursor ? { q, cursor } : { q });
