// The `catalog` function's actions.
import * as z from 'zod';
import { CATEGORIES } from '../profile';

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
  /** Keyword search over titles, subtitles and categories (Chinese by character bigrams), ranked, paged. */
  search: z.strictObject({ q: z.string().trim().min(1, '请输入关键词').max(30, '关键词最多 30 个字'), cursor: z.string().max(64).optional() }),
};

/** The categories a product may have: the ids of the home page's chips (core/profile CATEGORIES, same order). */
export const PRODUCT_CATEGORIES = ['文具', '数码', '零食', '日用', '美妆', '运动', '图书', '其他'] as const;

/** A category's name as students read it (what search indexes), or the id itself when unknown. */
export const categoryName = (id: string): string => CATEGORIES.find((c) => c.id === id)?.name ?? id;

/** A merchant's product form (merchant.saveProduct): create without productId, edit with it. */
export const productFields = {
  title: z.string().trim().min(2, '标题至少 2 个字').max(40, '标题最多 40 个字'),
  subtitle: z.string().trim().max(40, '卖点最多 40 个字').default(''),
  images: z.array(z.string().min(1).max(256)).min(1, '请至少上传 1 张图片').max(9, '最多 9 张图片'),
  priceFen: z.number().int('价格最小单位是分').min(1, '价格要大于 0').max(10_000_000, '价格不能超过 ¥100000'),
  originalPriceFen: z.number().int().min(1, '划线价要大于 0').max(10_000_000).nullable().default(null),
  stock: z.number().int('库存要是整数').min(0, '库存不能为负数').max(100_000, '库存最多 100000'),
  category: z.enum(PRODUCT_CATEGORIES, '请选择分类'),
  description: z.string().trim().max(1000, '描述最多 1000 个字').default(''),
  /** Commission override for this product in basis points (null: the KOC's tier rate). */
  commissionRateBp: z.number().int().min(0, '佣金比例不能为负').max(5000, '佣金比例最高 50%').nullable().default(null),
};

export interface MerchantProductRow {
  id: string;
  title: string;
  image: string;
  priceFen: number;
  originalPriceFen: number | null;
  stock: number;
  status: 'on_sale' | 'off_sale';
  category: string;
  /** Units sold (paid and not refunded in full). */
  sold: number;
}

export interface MerchantProductDetail extends MerchantProductRow {
  subtitle: string;
  images: string[];
  description: string;
  commissionRateBp: number | null;
}

export interface CatalogResults {
  listProducts: { items: ProductCard[]; nextCursor: string | null };
  getProduct: ProductDetail;
  search: { items: ProductCard[]; nextCursor: string | null };
}
