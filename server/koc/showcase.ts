// The home page's showcase: this week's best KOCs of a campus by their own results (paid orders
// through their cards in the last 7 campus days), only those who opted in. Opting in is the KOC's
// own choice (koc_showcase/<openid>, which keeps their campus so a campus's opt-ins are one
// query); nothing is ranked by recruiting or sharing, and the answer carries no openid.
//
// Constant reads whatever the campus's size: the caller, the opt-ins (at most MAX_CANDIDATES),
// the rollup's cursor and their day counters by id (MAX_CANDIDATES × 7 ids, two queries), the
// events after the cursor (one aggregation), the shown users and their tiers by id.
import { campusDayStart, lastCampusDays } from '../../core/campus-days';
import { SHOWCASE_DAYS, SHOWCASE_SIZE, type ShowcaseEntry, type ShowcaseResults, type showcaseInput } from '../../core/contracts/koc-showcase';
import { fail, ok } from '../../core/result';
import { TIER_NAMES, TIERS, type Tier } from '../../core/tiers';
import { afterCursor, readCut } from '../analytics/counters';
import { idOfKey, type KocDayCounters, kocDayId } from '../analytics/fold';
import type { KocTierDoc } from '../commission/tiers';
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';
import { findUser, findUsers } from '../users/users';
import type { MemberDoc } from './store';

type SetInput = import('zod').output<typeof showcaseInput.setShowcase>;

/** koc_showcase, one per KOC (_id the openid). */
export interface ShowcaseDoc {
  _id: string;
  openid: string;
  campusId: string | null;
  optIn: boolean;
  updatedAt: Date;
}

/** Opt-ins read per campus: 14 KOCs × 7 days fill one counter query of 100 ids. */
export const MAX_CANDIDATES = 28;
const PER_CUT = Math.floor(100 / SHOWCASE_DAYS);
/** Bounds the tier read to one query (pairs of a shown KOC and a shop they sold for). */
const MAX_TIER_PAIRS = 100;

export async function setShowcase(ctx: Ctx, { optIn }: SetInput) {
  const [membership, user] = await Promise.all([
    ctx.db.collection<MemberDoc>('koc_members').where({ openid: ctx.openid }).limit(1).get(),
    findUser(ctx, ctx.openid),
  ]);
  if (membership.data.length === 0) return fail('FORBIDDEN', '成为商家的达人后才能上首页展示');
  const doc: Omit<ShowcaseDoc, '_id'> = { openid: ctx.openid, campusId: user?.campusId ?? null, optIn, updatedAt: new Date(ctx.now()) };
  await ctx.db.collection('koc_showcase').doc(ctx.openid).set({ data: doc });
  return ok<ShowcaseResults['setShowcase']>({ optIn });
}

export async function myShowcase(ctx: Ctx) {
  const doc = await ctx.db.collection<ShowcaseDoc>('koc_showcase').where({ _id: ctx.openid }).limit(1).get();
  return ok<ShowcaseResults['myShowcase']>({ optIn: doc.data[0]?.optIn ?? false });
}

/** Each KOC's paid orders this week, by merchant, from the counters and the events after them. */
async function weekOrders(ctx: Ctx, kocs: string[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>(kocs.map((k) => [k, new Map()]));
  const add = (koc: string, merchantId: string, n: number) => {
    const m = out.get(koc);
    if (m && n) m.set(merchantId, (m.get(merchantId) ?? 0) + n);
  };
  const days = lastCampusDays(ctx.now(), SHOWCASE_DAYS);
  let cursor: { at: Date; id: string } | null = null;
  for (let i = 0; i < kocs.length; i += PER_CUT) {
    const ids = kocs.slice(i, i + PER_CUT).flatMap((k) => days.map((d) => kocDayId(k, d)));
    const cut = await readCut<KocDayCounters>(ctx, 'analytics_koc_days', ids, ['koc', 'merchants']);
    // Every cut of one invocation shares the cursor it read first (readCut keeps it per ctx).
    cursor ??= cut.cursor;
    for (const d of cut.docs) for (const [key, f] of Object.entries(d.merchants ?? {})) add(d.koc, idOfKey(key), f.orders ?? 0);
  }
  if (!cursor || kocs.length === 0) return out;
  const _ = ctx.db.command;
  const t = afterCursor(ctx, cursor, campusDayStart(days[0]));
  const { list } = await ctx.db
    .collection('events')
    .aggregate()
    .match({ sharer: _.in(kocs), type: 'order_paid', ...t.first })
    .match(t.tie)
    .group({ _id: { koc: '$sharer', merchantId: '$merchantId' }, n: _.aggregate.sum(1) })
    .limit(1000)
    .end();
  for (const r of list) {
    const k = r._id as { koc: string; merchantId: string };
    add(k.koc, k.merchantId, r.n as number);
  }
  return out;
}

const best = (tiers: Tier[]): Tier => tiers.reduce<Tier>((a, b) => (TIERS.indexOf(b) > TIERS.indexOf(a) ? b : a), 'primary');

export async function showcase(ctx: Ctx) {
  const empty = ok<ShowcaseResults['showcase']>({ kocs: [] });
  const campusId = ctx.openid ? (await findUser(ctx, ctx.openid))?.campusId : null;
  if (!campusId) return empty;
  const { data: optIns } = await ctx.db
    .collection<ShowcaseDoc>('koc_showcase')
    .where({ campusId, optIn: true })
    .orderBy('updatedAt', 'desc')
    .limit(MAX_CANDIDATES)
    .get();
  const byKoc = await weekOrders(
    ctx,
    optIns.map((o) => o.openid),
  );
  const ranked = [...byKoc]
    .map(([koc, merchants]) => ({ koc, merchants: [...merchants.keys()], orders: [...merchants.values()].reduce((a, b) => a + b, 0) }))
    .filter((r) => r.orders > 0)
    .sort((a, b) => b.orders - a.orders || (a.koc < b.koc ? -1 : 1))
    .slice(0, SHOWCASE_SIZE);
  if (ranked.length === 0) return empty;
  const pairs = ranked.flatMap((r) => r.merchants.map((m) => `${m}:${r.koc}`)).slice(0, MAX_TIER_PAIRS);
  const [users, placed] = await Promise.all([
    findUsers(
      ctx,
      ranked.map((r) => r.koc),
    ),
    getDocsByIds<KocTierDoc>(ctx, 'koc_tiers', pairs),
  ]);
  const kocs: ShowcaseEntry[] = ranked.flatMap((r) => {
    const u = users.get(r.koc);
    if (!u) return [];
    const tier = best(r.merchants.map((m) => placed.get(`${m}:${r.koc}`)?.tier ?? 'primary'));
    return [{ nickname: u.nickname, avatarUrl: u.avatarUrl, tier, tierName: TIER_NAMES[tier], orders: r.orders }];
  });
  return ok<ShowcaseResults['showcase']>({ kocs });
}
