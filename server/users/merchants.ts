import type { MerchantDoc } from '../catalog/products';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';

/** The shop the caller runs, if the caller is a merchant (the role is checked in the database). */
export async function callerMerchant(ctx: Ctx): Promise<MerchantDoc | null> {
  if (!ctx.openid) return null;
  const { data } = await ctx.db.collection<MerchantDoc>('merchants').where({ ownerOpenid: ctx.openid }).limit(1).get();
  return data[0] ?? null;
}

export async function merchantName(ctx: Ctx, id: string): Promise<string> {
  return (await getDoc<MerchantDoc>(ctx, 'merchants', id))?.name ?? '';
}

/** The shops a list names, by id, in one query however long the list (missing ones absent). */
export function merchantsById(ctx: Ctx, ids: readonly string[]): Promise<Map<string, MerchantDoc>> {
  return getDocsByIds<MerchantDoc>(ctx, 'merchants', ids);
}
