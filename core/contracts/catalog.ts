// The `catalog` function's actions.
import * as z from 'zod';

export interface ProductCard {
  id: string;
  title: string;
  subtitle: string;
  priceFen: number;
  originalPriceFen: number | null;
  image: string;
  category: string;
  merchantName: string;
  stock: number;
}

export interface ProductDetail extends ProductCard {
  images: string[];
  description: string;
  merchant: { id: string; name: string; logo: string };
  /** A live group-buy on this product, if any: the product page offers it. */
  groupBuy: { campaignId: string; groupPriceFen: number; groupSize: number } | null;
}

export const PAGE_SIZE = 10;

export const catalogInput = {
  listProducts: z.strictObject({
    cursor: z.string().max(64).optional(),
    category: z.string().min(1).max(32).optional(),
  }),
  getProduct: z.strictObject({ productId: z.string().min(1).max(64) }),
};

export interface CatalogResults {
  listProducts: { items: ProductCard[]; nextCursor: string | null };
  getProduct: ProductDetail;
}
