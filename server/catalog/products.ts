import type { ProductCard, ProductDetail } from '../../core/contracts/catalog';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { merchantsById } from '../users/merchants';

export interface ProductDoc {
  _id: string;
  merchantId: string;
  title: string;
  subtitle: string;
  description: string;
  priceFen: number;
  originalPriceFen: number | null;
  images: string[];
  category: string;
  stock: number;
  status: 'on_sale' | 'off_sale';
  /** Zero-padded listing time + id: a unique, sortable key for keyset paging. */
  listedKey: string;
  createdAt: Date;
  /** Search terms of its text (core/search-terms productTerms), rewritten with the text. */
  terms?: string[];
  /** Commission for KOC sales of this product in basis points; null: the KOC's tier rate (server/commission/settle.ts reads it). */
  commissionRateBp?: number | null;
  /** Units sold (counted when a group succeeds, server/catalog/sales.ts). */
  sold?: number;
  /** Every unit the merchant ever put in: creation plus each stock change by its difference. */
  stocked?: number;
  updatedAt?: Date;
}

export interface MerchantDoc {
  _id: string;
  name: string;
  logo: string;
  campusId: string;
  ownerOpenid: string;
}

export const listedKey = (listedAt: number, id: string) => `${String(listedAt).padStart(15, '0')}_${id}`;

export function toCard(p: ProductDoc, merchant?: MerchantDoc): ProductCard {
  return {
    id: p._id,
    title: p.title,
    subtitle: p.subtitle,
    priceFen: p.priceFen,
    originalPriceFen: p.originalPriceFen,
    image: p.images[0] ?? '',
    category: p.category,
    merchantName: merchant?.name ?? '',
    stock: p.stock,
  };
}

export async function findProduct(ctx: Ctx, id: string): Promise<ProductDetail | null> {
  const p = await getDoc<ProductDoc>(ctx, 'products', id);
  if (p?.status !== 'on_sale') return null;
  const m = (await merchantsById(ctx, [p.merchantId])).get(p.merchantId);
  const _ = ctx.db.command;
  const now = new Date(ctx.now());
  const { data: live } = await ctx.db
    .collection<{ groupPriceFen: number; groupSize: number }>('campaigns')
    .where({ status: 'live', productId: p._id, startAt: _.lte(now), endAt: _.gt(now) })
    .limit(1)
    .get();
  const groupBuy = live[0] ? { campaignId: live[0]._id, groupPriceFen: live[0].groupPriceFen, groupSize: live[0].groupSize } : null;
  return { ...toCard(p, m), images: p.images, description: p.description, merchant: { id: p.merchantId, name: m?.name ?? '', logo: m?.logo ?? '' }, groupBuy };
}
