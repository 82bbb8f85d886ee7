// The tier job: once a campus month, each merchant's KOCs are placed by their own results over
// the window (attributed paid revenue net of refunds, and orders). Every change writes
// an audit entry; a second run in the same month changes nothing.
import { campusMonth } from '../../core/campus-days';
import { DEFAULT_TIER_RULES, TIER_WINDOW_DAYS, type Tier, type TierRule, tierFor } from '../../core/tiers';
import { kocResultsByMerchant, merchantKocResults } from '../analytics/koc-results';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';

export interface KocTierDoc {
  _id: string; // `${merchantId}:${koc}`
  merchantId: string;
  koc: string;
  tier: Tier;
  updatedAt: Date;
}

export async function tierRules(ctx: Ctx, merchantId: string): Promise<TierRule[]> {
  const p = await getDoc<{ commission?: { tiers?: TierRule[] } }>(ctx, 'programs', merchantId);
  return p?.commission?.tiers ?? DEFAULT_TIER_RULES;
}

export async function tierOf(ctx: Ctx, merchantId: string, koc: string): Promise<Tier> {
  return (await getDoc<KocTierDoc>(ctx, 'koc_tiers', `${merchantId}:${koc}`))?.tier ?? 'primary';
}

/**
 * Results per KOC for one merchant over the window (the last TIER_WINDOW_DAYS campus days, today
 * included): from the analytics counters, one document per day, plus the events not yet rolled up.
 */
export async function resultsFor(ctx: Ctx, merchantId: string, now: number): Promise<Map<string, { revenueFen: number; orders: number }>> {
  return merchantKocResults(ctx, merchantId, now, TIER_WINDOW_DAYS);
}

/** One KOC's results with each of its merchants over the same window, by merchant id: a fixed cost however many. */
export async function resultsOf(ctx: Ctx, koc: string, now: number): Promise<Map<string, { revenueFen: number; orders: number }>> {
  return kocResultsByMerchant(ctx, koc, now, TIER_WINDOW_DAYS);
}

export async function runTierJob(ctx: Ctx): Promise<{ month: string; changes: number } | null> {
  const month = campusMonth(ctx.now());
  if (await getDoc(ctx, 'tier_runs', month)) return null; // this month's run is done
  let changes = 0;
  const { data: merchants } = await ctx.db.collection<{ _id: string }>('merchants').limit(100).get();
  for (const m of merchants) {
    const rules = await tierRules(ctx, m._id);
    const results = await resultsFor(ctx, m._id, ctx.now());
    const { data: placed } = await ctx.db.collection<KocTierDoc>('koc_tiers').where({ merchantId: m._id }).limit(100).get();
    const kocs = new Set([...results.keys(), ...placed.map((p) => p.koc)]);
    for (const koc of kocs) {
      const r = results.get(koc) ?? { revenueFen: 0, orders: 0 };
      const from = placed.find((p) => p.koc === koc)?.tier ?? 'primary';
      const to = tierFor(r, rules);
      if (from === to) continue;
      try {
        await ctx.db.collection('tier_audit').add({
          data: { _id: `${month}:${m._id}:${koc}`, merchantId: m._id, koc, from, to, revenueFen: r.revenueFen, orders: r.orders, at: new Date(ctx.now()) },
        });
      } catch (e) {
        if (!isDuplicateKeyError(e)) throw e;
      }
      await ctx.db
        .collection('koc_tiers')
        .doc(`${m._id}:${koc}`)
        .set({ data: { merchantId: m._id, koc, tier: to, updatedAt: new Date(ctx.now()) } });
      changes++;
    }
  }
  await ctx.db
    .collection('tier_runs')
    .add({ data: { _id: month, changes, at: new Date(ctx.now()) } })
    .catch((e) => {
      if (!isDuplicateKeyError(e)) throw e;
    });
  return { month, changes };
}
