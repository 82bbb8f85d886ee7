// A merchant's own products: made once per request id, edited, listed and unlisted. The merchant
// function checks the caller runs a shop; here a product is found only in the caller's shop.
// Stock is taken by solo orders at the same moment (server/catalog/stock.ts), so a stock change
// is a conditional update on the stock read, and `stocked` moves by the same difference.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { MerchantProductDetail, MerchantProductRow } from '../../core/contracts/catalog';
import type { merchantInput } from '../../core/contracts/groupbuy';
import { type Fail, fail, type Ok, ok } from '../../core/result';
import { isUpload } from '../../core/uploads';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import { followProduct } from '../groupbuy/campaigns';
import { listedKey, type MerchantDoc, type ProductDoc } from './products';
import { termsOf } from './search';

export type SaveInput = z.output<typeof merchantInput.saveProduct>;

/** What the database keeps of a product beyond ProductDoc: the solo-sale counter and the last edit applied. */
type StoredProduct = ProductDoc & { soloSold?: number; editRequest?: string };

/** The id a create request makes: the same merchant and request id always make the same product. */
export const productIdFor = (merchantId: string, requestId: string) =>
  `p${createHash('sha256').update(`${merchantId}|${requestId}`).digest('hex').slice(0, 23)}`;

/** Tries of a stock change racing orders before the merchant is asked to try again. */
const STOCK_TRIES = 3;

const NOT_FOUND = () => fail('NOT_FOUND', '没有这个商品');

export function toMerchantRow(p: StoredProduct): MerchantProductRow {
  return {
    id: p._id,
    title: p.title,
    image: p.images[0] ?? '',
    priceFen: p.priceFen,
    originalPriceFen: p.originalPriceFen,
    stock: p.stock,
    status: p.status,
    category: p.category,
    // Group-buy units (counted when a group succeeds) and units bought alone: sellStockTx counts
    // a solo unit in both soloSold (the stock's own ledger) and sold, so sold alone has each unit once.
    sold: p.sold ?? 0,
  };
}

export function toMerchantDetail(p: StoredProduct): MerchantProductDetail {
  return { ...toMerchantRow(p), subtitle: p.subtitle, images: p.images, description: p.description, commissionRateBp: p.commissionRateBp ?? null };
}

/** The caller's shop's product, or null (another shop's product is as good as missing). */
export async function shopProduct(ctx: Ctx, merchant: MerchantDoc, productId: string): Promise<StoredProduct | null> {
  const p = await getDoc<StoredProduct>(ctx, 'products', productId);
  return p && p.merchantId === merchant._id ? p : null;
}

/** The text a product publishes, checked as one piece by WeChat's content check. */
const textOf = (p: Pick<ProductDoc, 'title' | 'subtitle' | 'description'>) => [p.title, p.subtitle, p.description].filter(Boolean).join('\n');

async function refusedText(ctx: Ctx, input: SaveInput, before: StoredProduct | null): Promise<Fail<'CONTENT_REJECTED'> | null> {
  const text = textOf(input);
  if (before && textOf(before) === text) return null;
  const check = await ctx.contentCheck.checkText({ content: text, openid: ctx.openid, scene: 3 });
  return check.suggest === 'pass' ? null : fail('CONTENT_REJECTED', '商品标题或描述含有不合适的内容，请修改后再保存');
}

/** The fields the form sets, as stored (stock apart: it moves conditionally). */
function formFields(input: SaveInput, now: number) {
  return {
    title: input.title,
    subtitle: input.subtitle,
    description: input.description,
    images: input.images,
    priceFen: input.priceFen,
    originalPriceFen: input.originalPriceFen,
    category: input.category,
    commissionRateBp: input.commissionRateBp,
    terms: termsOf(input),
    updatedAt: new Date(now),
  };
}

type SaveResult = Ok<{ productId: string }> | Fail<'NOT_FOUND' | 'INVALID_INPUT' | 'CONTENT_REJECTED' | 'BAD_STATE'>;

/** merchant.saveProduct: creates (without productId) or edits the caller's product. */
export async function saveProduct(ctx: Ctx, merchant: MerchantDoc, input: SaveInput): Promise<SaveResult> {
  return input.productId ? editProduct(ctx, merchant, input.productId, input) : createProduct(ctx, merchant, input);
}

async function createProduct(ctx: Ctx, merchant: MerchantDoc, input: SaveInput): Promise<SaveResult> {
  const id = productIdFor(merchant._id, input.requestId);
  // The same request again: already made (whatever this try says).
  if (await getDoc(ctx, 'products', id)) return ok({ productId: id });
  if (!input.images.every(isUpload)) return fail('INVALID_INPUT', '图片要先上传再保存');
  const refused = await refusedText(ctx, input, null);
  if (refused) return refused;
  const now = ctx.now();
  const doc: StoredProduct = {
    _id: id,
    merchantId: merchant._id,
    ...formFields(input, now),
    stock: input.stock,
    stocked: input.stock,
    sold: 0,
    status: 'on_sale',
    listedKey: listedKey(now, id),
    createdAt: new Date(now),
  };
  try {
    await ctx.db.collection('products').add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e; // the same request racing itself: made once
  }
  return ok({ productId: id });
}

/**
 * An edit is applied once per request id (editRequest), so a retry after a lost answer does not
 * apply a stock difference twice. The stock the form set applies as a difference from what the
 * form showed (expectedStock, which the contract requires on an edit; never below zero), and the
 * write is conditional on the stock read, so a unit an order takes meanwhile is never put back or lost.
 */
async function editProduct(ctx: Ctx, merchant: MerchantDoc, productId: string, input: SaveInput): Promise<SaveResult> {
  let p = await shopProduct(ctx, merchant, productId);
  if (!p) return NOT_FOUND();
  // Applied by an earlier try: only what follows the edit may be left to do.
  if (p.editRequest === input.requestId) return edited(ctx, p);
  const kept = new Set(p.images);
  if (!input.images.every((f) => kept.has(f) || isUpload(f))) return fail('INVALID_INPUT', '图片要先上传再保存');
  const refused = await refusedText(ctx, input, p);
  if (refused) return refused;
  const _ = ctx.db.command;
  const fields = { ...formFields(input, ctx.now()), editRequest: input.requestId };
  for (let attempt = 0; attempt < STOCK_TRIES; attempt++) {
    const stock = input.expectedStock === undefined ? input.stock : Math.max(0, p.stock + input.stock - input.expectedStock);
    const res = await ctx.db
      .collection('products')
      .where({ _id: productId, stock: p.stock, editRequest: _.neq(input.requestId) })
      .update({ data: stock === p.stock ? fields : { ...fields, stock, stocked: _.inc(stock - p.stock) } });
    if (res.stats.updated === 1) return edited(ctx, { ...p, ...fields });
    p = await shopProduct(ctx, merchant, productId);
    if (!p) return NOT_FOUND();
    if (p.editRequest === input.requestId) return edited(ctx, p);
  }
  return fail('BAD_STATE', '库存正在变化，请稍后再保存');
}

/** After an edit: live campaigns of the product show its title and cover (repeated by a retry after a crash). */
async function edited(ctx: Ctx, p: Pick<ProductDoc, '_id' | 'title' | 'images'>): Promise<SaveResult> {
  await followProduct(ctx, p._id, { title: p.title, image: p.images[0] ?? '' });
  return ok({ productId: p._id });
}

/** merchant.setProductStatus: on_sale lists it (students see it), off_sale hides it from the catalog and search. */
export async function setProductStatus(ctx: Ctx, merchant: MerchantDoc, productId: string, status: ProductDoc['status']) {
  const p = await shopProduct(ctx, merchant, productId);
  if (!p) return NOT_FOUND();
  if (p.status !== status) {
    await ctx.db
      .collection('products')
      .doc(productId)
      .update({ data: { status, updatedAt: new Date(ctx.now()) } });
  }
  return ok(toMerchantRow({ ...p, status }));
}

/** Rows a page of the merchant's product list shows. */
export const MERCHANT_PRODUCTS_PAGE = 20;

/** The caller's products, newest first, a page at a time (keyset on listedKey, as the catalog). */
export async function merchantProducts(
  ctx: Ctx,
  merchant: MerchantDoc,
  status: 'on_sale' | 'off_sale' | 'all',
  cursor?: string,
): Promise<{ items: MerchantProductRow[]; nextCursor: string | null }> {
  const _ = ctx.db.command;
  const where: Record<string, unknown> = { merchantId: merchant._id };
  if (status !== 'all') where.status = status;
  if (cursor) where.listedKey = _.lt(cursor);
  const { data } = await ctx.db
    .collection<StoredProduct>('products')
    .where(where)
    .orderBy('listedKey', 'desc')
    .limit(MERCHANT_PRODUCTS_PAGE + 1)
    .get();
  const page = data.slice(0, MERCHANT_PRODUCTS_PAGE);
  return { items: page.map(toMerchantRow), nextCursor: data.length > MERCHANT_PRODUCTS_PAGE ? page[page.length - 1].listedKey : null };
}
