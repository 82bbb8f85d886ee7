// What a note's product tags and linked order mean, decided by the server at publish and edit:
// every tag must be a product on sale; the linked order must be the author's own paid order of a
// tagged product (已购); and the 广告 label. 《互联网广告管理办法》: a note that recommends goods
// with a way to buy them, by someone paid for it, is an ad and says so. Here that is a note by
// an approved KOC of a tagged product's merchant, or of a program that pays every student
// (kocMode 'everyone', as the commission timer decides who earns), or about a product the
// author received as a KOC trial. The label names the merchant; the author cannot remove it.

import type { AdLabel } from '../../core/contracts/notes';
import { PURCHASED_STATES } from '../../core/order-machine';
import type { ProductDoc } from '../catalog/products';
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';
import { membersOf } from '../koc/members';
import { findOrder, trialProductsOf } from '../orders/orders';
import { merchantsById } from '../users/merchants';
import { programsById } from '../users/programs';

export interface Tags {
  products: ProductDoc[];
  merchantIds: string[];
  adLabel: AdLabel | null;
  purchased: boolean;
}

export async function resolveTags(
  ctx: Ctx,
  author: string,
  productIds: readonly string[],
  orderId: string | undefined,
): Promise<{ ok: true; tags: Tags } | { ok: false; message: string }> {
  const found = await getDocsByIds<ProductDoc>(ctx, 'products', productIds);
  const products: ProductDoc[] = [];
  for (const id of productIds) {
    const p = found.get(id);
    if (p?.status !== 'on_sale') return { ok: false, message: '标记的商品不存在或已下架' };
    products.push(p);
  }
  let purchased = false;
  if (orderId) {
    const order = await findOrder(ctx, orderId);
    if (!order || order.buyer !== author || !productIds.includes(order.productId)) return { ok: false, message: '关联的订单要是你自己买的、笔记里标记的商品' };
    if (!PURCHASED_STATES.includes(order.status) || order.money === 'unpaid') return { ok: false, message: '关联的订单还没有付款' };
    purchased = true;
  }
  const merchantIds = [...new Set(products.map((p) => p.merchantId))];
  return { ok: true, tags: { products, merchantIds, adLabel: await adLabelFor(ctx, author, products, merchantIds), purchased } };
}

/** The merchant whose ad the note is (the first tagged one that pays or supplied the author), or null. */
async function adLabelFor(ctx: Ctx, author: string, products: ProductDoc[], merchantIds: string[]): Promise<AdLabel | null> {
  if (products.length === 0) return null;
  const [members, programs, trials] = await Promise.all([
    membersOf(
      ctx,
      merchantIds.map((merchantId) => ({ merchantId, openid: author })),
    ),
    programsById(ctx, merchantIds),
    trialProductsOf(
      ctx,
      author,
      products.map((p) => p._id),
    ),
  ]);
  const paying = (m: string) => members.has(`${m}:${author}`) || (programs.get(m)?.commission as { kocMode?: string } | undefined)?.kocMode === 'everyone';
  const merchantId = products.find((p) => paying(p.merchantId) || trials.has(p._id))?.merchantId;
  if (!merchantId) return null;
  const merchant = (await merchantsById(ctx, [merchantId])).get(merchantId);
  return { merchantId, merchantName: merchant?.name ?? '' };
}
