// A program's badges: definitions the merchant writes (a rule the badge timer checks, or manual),
// disabled and never removed, so a grant always names a badge that exists; grants (koc_badges,
// _id `${badgeId}:${openid}`: a badge is granted to a KOC at most once) each written with its
// audit entry in one transaction, so a crash keeps both or neither and a repeat finds the grant.
// A disabled badge is granted no more; its grants stay.
import type { z } from 'zod';
import type { BadgeRule, BadgeTier, BadgeView, HonoursResults, honoursInput } from '../../core/contracts/koc-honours';
import { type Fail, fail, ok } from '../../core/result';
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import { hashId } from '../db/hash-id';
import { isDuplicateKeyError } from '../db/types';
import { callerMerchant, merchantsById } from '../users/merchants';
import { isMember } from './members';

export interface BadgeDefDoc {
  _id: string;
  merchantId: string;
  name: string;
  tier: BadgeTier;
  rule: BadgeRule;
  multipleGrant: false;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface BadgeGrantDoc {
  _id: string; // `${badgeId}:${openid}`
  badgeId: string;
  merchantId: string;
  openid: string;
  name: string;
  tier: BadgeTier;
  reason: string;
  at: Date;
}

export interface BadgeAuditDoc extends BadgeGrantDoc {
  /** 'rule' for the timer, else the merchant's openid. */
  by: string;
  /** What the rule saw (absent for a manual grant). */
  value?: number;
}

export const grantId = (badgeId: string, openid: string) => `${badgeId}:${openid}`;

const notMerchant = () => fail('FORBIDDEN', '只有商家可以管理徽章');

const toView = (b: BadgeDefDoc): BadgeView => ({ id: b._id, merchantId: b.merchantId, name: b.name, tier: b.tier, rule: b.rule, disabled: b.disabled });

async function shopBadge(ctx: Ctx, badgeId: string): Promise<{ badge: BadgeDefDoc } | { error: Fail<'FORBIDDEN' | 'NOT_FOUND'> }> {
  const shop = await callerMerchant(ctx);
  if (!shop) return { error: notMerchant() };
  const badge = await getDoc<BadgeDefDoc>(ctx, 'koc_badge_defs', badgeId);
  if (!badge || badge.merchantId !== shop._id) return { error: fail('NOT_FOUND', '没有这个徽章') };
  return { badge };
}

export async function saveBadge(ctx: Ctx, input: z.output<typeof honoursInput.saveBadge>) {
  const now = new Date(ctx.now());
  if (input.badgeId) {
    const found = await shopBadge(ctx, input.badgeId);
    if ('error' in found) return found.error;
    const _ = ctx.db.command;
    await ctx.db
      .collection('koc_badge_defs')
      .doc(found.badge._id)
      .update({ data: { name: input.name, tier: input.tier, rule: _.set(input.rule), updatedAt: now } });
    return ok<HonoursResults['saveBadge']>({ badgeId: found.badge._id });
  }
  const shop = await callerMerchant(ctx);
  if (!shop) return notMerchant();
  const badgeId = `badge_${hashId(shop._id, input.requestId)}`;
  const doc: BadgeDefDoc = {
    _id: badgeId,
    merchantId: shop._id,
    name: input.name,
    tier: input.tier,
    rule: input.rule,
    multipleGrant: false,
    disabled: false,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.db.collection('koc_badge_defs').add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e; // the same request again
  }
  return ok<HonoursResults['saveBadge']>({ badgeId });
}

export async function disableBadge(ctx: Ctx, { badgeId }: z.output<typeof honoursInput.disableBadge>) {
  const found = await shopBadge(ctx, badgeId);
  if ('error' in found) return found.error;
  if (!found.badge.disabled)
    await ctx.db
      .collection('koc_badge_defs')
      .doc(badgeId)
      .update({ data: { disabled: true, updatedAt: new Date(ctx.now()) } });
  return ok<HonoursResults['disableBadge']>({ badgeId });
}

export async function listBadges(ctx: Ctx) {
  const shop = await callerMerchant(ctx);
  if (!shop) return notMerchant();
  const { data } = await ctx.db.collection<BadgeDefDoc>('koc_badge_defs').where({ merchantId: shop._id }).orderBy('createdAt', 'asc').limit(100).get();
  return ok<HonoursResults['listBadges']>({ items: data.map(toView) });
}

/** Grants the badge once, with its audit entry in the same transaction: true when this call granted it. */
export async function grant(ctx: Ctx, badge: BadgeDefDoc, openid: string, reason: string, by: string, value?: number): Promise<boolean> {
  const id = grantId(badge._id, openid);
  const doc: Omit<BadgeGrantDoc, '_id'> = {
    badgeId: badge._id,
    merchantId: badge.merchantId,
    openid,
    name: badge.name,
    tier: badge.tier,
    reason,
    at: new Date(ctx.now()),
  };
  return ctx.db.runTransaction(async (tx) => {
    if (await txGetDoc<BadgeGrantDoc>(tx, 'koc_badges', id)) return false;
    await tx.collection('koc_badges').doc(id).set({ data: doc });
    const audit: Omit<BadgeAuditDoc, '_id'> = { ...doc, by, ...(value !== undefined ? { value } : {}) };
    await tx.collection('koc_badge_audit').doc(id).set({ data: audit });
    return true;
  }, 10);
}

/** The merchant grants a badge by hand, with a reason, to a KOC of the program. */
export async function grantBadge(ctx: Ctx, { badgeId, openid, reason }: z.output<typeof honoursInput.grantBadge>) {
  const found = await shopBadge(ctx, badgeId);
  if ('error' in found) return found.error;
  const { badge } = found;
  if (badge.disabled) return fail('BAD_STATE', '这个徽章已停用');
  if (!(await isMember(ctx, badge.merchantId, openid))) return fail('NOT_FOUND', '这位同学不是你店铺的达人');
  return ok<HonoursResults['grantBadge']>({ granted: await grant(ctx, badge, openid, reason, ctx.openid) });
}

export async function myBadges(ctx: Ctx) {
  const { data } = await ctx.db.collection<BadgeGrantDoc>('koc_badges').where({ openid: ctx.openid }).orderBy('at', 'desc').limit(100).get();
  const shops = await merchantsById(ctx, [...new Set(data.map((g) => g.merchantId))]);
  return ok<HonoursResults['myBadges']>({
    items: data.map((g) => ({
      badgeId: g.badgeId,
      merchantId: g.merchantId,
      merchantName: shops.get(g.merchantId)?.name ?? '',
      name: g.name,
      tier: g.tier,
      reason: g.reason,
      at: new Date(g.at).getTime(),
    })),
  });
}
