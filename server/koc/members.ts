// Who is a selected KOC of which program (koc_members, _id `${merchantId}:${openid}`), for the
// commission timer ("approved KOCs only") and the student's programs page. Made only by decide's
// transaction (server/koc/decide.ts).
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { type MemberDoc, memberId } from './store';

export async function isMember(ctx: Ctx, merchantId: string, openid: string): Promise<boolean> {
  return (await getDoc<MemberDoc>(ctx, 'koc_members', memberId(merchantId, openid))) !== null;
}

/**
 * The pairs that are members, as a set of `${merchantId}:${openid}` keys: one `_.in` query per
 * 100 distinct pairs, so a timer page asks once however many orders it settles.
 */
export async function membersOf(ctx: Ctx, pairs: readonly { merchantId: string; openid: string }[]): Promise<Set<string>> {
  const found = await getDocsByIds<MemberDoc>(
    ctx,
    'koc_members',
    pairs.map((p) => memberId(p.merchantId, p.openid)),
  );
  return new Set(found.keys());
}
