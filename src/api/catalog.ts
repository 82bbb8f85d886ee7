import type { CatalogResults } from '@core/contracts/catalog';
import { call } from './client';

export const listProducts = (input: { cursor?: string; category?: string } = {}) =>
  call<CatalogResults['listProducts'], 'catalog'>('catalog', 'listProducts', input);
export const getProduct = (productId: string) => call<CatalogResults['getProduct'], 'catalog'>('catalog', 'getProduct', { productId });
/** Keyword search over products on sale: title matches first, then newest; pass nextCursor for more. */
export const searchProducts = (q: string, cursor?: string) => call<CatalogResults['search'], 'catalog'>('catalog', 'search', cursor ? { q, cursor } : { q });
