// Who is a selected KOC of which program (koc_members, _id `${merchantId}:${openid}`), for the
// commission timer ("approved KOCs only") and the student's programs page. Made only by decide's
// transaction (server/koc/decide.ts).
import { TIERS, type Tier } from '../../core/tiers';
import { tiersOf } from '../commission/tier-reads';
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

/**
 * What a profile shows of a student as a KOC (public: tier and badge names, never programs or
 * earnings): the highest tier with any program they were selected by, null when none.
 */
export async function publicStanding(ctx: Ctx, openid: string): Promise<{ tier: Tier | null; badges: string[] }> {
  const [members, badges] = await Promise.all([
    ctx.db.collection<MemberDoc>('koc_members').where({ openid }).limit(100).get(),
    ctx.db.collection<{ name: string }>('koc_badges').where({ openid }).orderBy('at', 'desc').limit(10).get(),
  ]);
  const merchantIds = (members.data as MemberDoc[]).map((m) => m.merchantId);
  if (merchantIds.length === 0) return { tier: null, badges: (badges.data as { name: string }[]).map((b) => b.name) };
  const tiers = await tiersOf(ctx, openid, merchantIds);
  const best = merchantIds.reduce<Tier>((t, id) => {
    const x = tiers.get(id) ?? 'primary';
    return TIERS.indexOf(x) > TIERS.indexOf(t) ? x : t;
  }, 'primary');
  return { tier: best, badges: (badges.data as { name: string }[]).map((b) => b.name) };
}
