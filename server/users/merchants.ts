import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { FulfilmentInput, OrderFulfilment, PickupPoint, ShopFulfilment, shopFulfilmentInput } from '../../core/contracts/fulfilment';
import type { MerchantDoc } from '../catalog/products';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';

/** The shop the caller runs, if the caller is a merchant (the role is checked in the database). */
export async function callerMerchant(ctx: Ctx): Promise<ShopDoc | null> {
  if (!ctx.openid) return null;
  const { data } = await ctx.db.collection<ShopDoc>('merchants').where({ ownerOpenid: ctx.openid }).limit(1).get();
  return data[0] ?? null;
}

export async function merchantName(ctx: Ctx, id: string): Promise<string> {
  return (await getDoc<MerchantDoc>(ctx, 'merchants', id))?.name ?? '';
}

/** The shops a list names, by id, in one query however long the list (missing ones absent). */
export function merchantsById(ctx: Ctx, ids: readonly string[]): Promise<Map<string, MerchantDoc>> {
  return getDocsByIds<MerchantDoc>(ctx, 'merchants', ids);
}

/** A shop as the users domain stores it: the merchant document with its fulfilment settings. */
export type ShopDoc = MerchantDoc & { fulfilment?: ShopFulfilment };

const NO_FULFILMENT: ShopFulfilment = { pickupPoints: [], delivery: { enabled: false, note: '' } };

/** What a shop offers at checkout (nothing set yet: no pickup points, no delivery). */
export function shopFulfilment(shop: ShopDoc | null | undefined): ShopFulfilment {
  const f = shop?.fulfilment;
  return f ? { pickupPoints: f.pickupPoints ?? [], delivery: f.delivery ?? NO_FULFILMENT.delivery } : NO_FULFILMENT;
}

export function findShop(ctx: Ctx, merchantId: string): Promise<ShopDoc | null> {
  return getDoc<ShopDoc>(ctx, 'merchants', merchantId);
}

/**
 * Saves the shop's pickup points and delivery. A point keeps the id it came with when the shop
 * has it (orders copy their point, so an edit never moves an order); a new point's id is made
 * from the shop and what the point says, so saving the same form twice gives the same ids.
 */
export async function saveShopFulfilment(ctx: Ctx, shop: ShopDoc, input: z.output<typeof shopFulfilmentInput>): Promise<ShopFulfilment> {
  const known = new Set(shopFulfilment(shop).pickupPoints.map((p) => p.id));
  const used = new Set<string>();
  const pickupPoints: PickupPoint[] = input.pickupPoints.map((p, i) => {
    let id = p.id && known.has(p.id) && !used.has(p.id) ? p.id : '';
    for (let n = 0; !id || used.has(id); n++) id = `pp${createHash('sha256').update(`${shop._id}|${p.name}|${p.place}|${i}|${n}`).digest('hex').slice(0, 12)}`;
    used.add(id);
    return { id, name: p.name, place: p.place, hours: p.hours };
  });
  const fulfilment: ShopFulfilment = { pickupPoints, delivery: { enabled: input.delivery.enabled, note: input.delivery.note } };
  await ctx.db
    .collection('merchants')
    .doc(shop._id)
    .update({ data: { fulfilment: ctx.db.command.set(fulfilment), updatedAt: new Date(ctx.now()) } });
  return fulfilment;
}

export type FulfilmentChoice = { ok: true; fulfilment: OrderFulfilment | null } | { ok: false; message: string };

/**
 * The copy an order keeps of how it reaches the buyer: the chosen pickup point of this shop, or
 * delivery when the shop delivers. Nothing chosen (older clients of open/join) means the shop's
 * first pickup point, or none when it has none; `required` (buy alone) refuses that instead.
 */
export function chooseFulfilment(shop: ShopDoc | null, choice: FulfilmentInput | undefined, required: boolean): FulfilmentChoice {
  const offer = shopFulfilment(shop);
  if (!choice) {
    if (required) return { ok: false, message: '请选择自提点或送货上门' };
    const first = offer.pickupPoints[0];
    return { ok: true, fulfilment: first ? { type: 'pickup', point: first } : null };
  }
  if (choice.type === 'pickup') {
    const point = offer.pickupPoints.find((p) => p.id === choice.pickupPointId);
    return point ? { ok: true, fulfilment: { type: 'pickup', point } } : { ok: false, message: '这个自提点不存在或已停用，请重新选择' };
  }
  if (!offer.delivery.enabled) return { ok: false, message: '这家店暂不送货上门，请选择自提点' };
  return { ok: true, fulfilment: { type: 'delivery', address: choice.address } };
}
