// The tier job: once a campus month, each merchant's KOCs are placed by their own results over
// the window (attributed paid revenue net of refunds, and orders), with no cap on merchants or
// KOCs. Every change writes an audit entry; once the month's run is done nothing changes.
import { campusMonth } from '../../core/campus-days';
import { DEFAULT_TIER_RULES, TIER_WINDOW_DAYS, type Tier, type TierRule, tierFor } from '../../core/tiers';
import { kocResultsByMerchant, merchantKocResults } from '../analytics/koc-results';
import type { Ctx } from '../context';
import { allDocs, getDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import type { RunBudget } from '../run-budget';

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

interface TierRunDoc {
  _id: string; // the campus month
  /** Merchants are placed in _id order; the last one done (a run that stops goes on from here). */
  after: string;
  done: boolean;
  changes: number;
  at: Date;
}

/**
 * Places every merchant's KOCs once a campus month, a merchant at a time while the run has
 * time: progress is kept in tier_runs/<month>, so a month with many merchants (or a crash)
 * finishes over several runs. Each placement is idempotent (an audit entry per month, merchant
 * and KOC; the tier set, not moved), so a merchant placed twice changes nothing the second time.
 */
export async function runTierJob(ctx: Ctx, budget: RunBudget): Promise<{ month: string; changes: number } | null> {
  const _ = ctx.db.command;
  const month = campusMonth(ctx.now());
  const run = await getDoc<Partial<TierRunDoc>>(ctx, 'tier_runs', month);
  // Done this month (a document of the older shape, without `done`, is a finished run).
  if (run && run.done !== false) return null;
  let after = run?.after ?? '';
  let changes = run?.changes ?? 0;
  const save = async (done: boolean) => {
    await ctx.db
      .collection('tier_runs')
      .doc(month)
      .set({ data: { after, done, changes, at: new Date(ctx.now()) } });
  };
  let finished = false;
  await budget.drain(async (size) => {
    const { data: merchants } = await ctx.db
      .collection<{ _id: string }>('merchants')
      .where({ _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(size)
      .get();
    for (const m of merchants) {
      changes += await placeKocs(ctx, month, m._id);
      after = m._id;
      await save(false);
    }
    finished = merchants.length < size;
    return merchants.length;
  });
  if (finished) await save(true);
  return { month, changes };
}

/** One merchant's KOCs placed by their results; returns how many moved. */
async function placeKocs(ctx: Ctx, month: string, merchantId: string): Promise<number> {
  const _ = ctx.db.command;
  const rules = await tierRules(ctx, merchantId);
  const results = await resultsFor(ctx, merchantId, ctx.now());
  const placed = new Map((await allDocs<KocTierDoc>(ctx, 'koc_tiers', { merchantId })).map((p) => [p.koc, p.tier]));
  let changes = 0;
  for (const koc of new Set([...results.keys(), ...placed.keys()])) {
    const r = results.get(koc) ?? { revenueFen: 0, orders: 0 };
    const from = placed.get(koc) ?? 'primary';
    const to = tierFor(r, rules);
    if (from === to) continue;
    try {
      await ctx.db.collection('tier_audit').add({
        data: { _id: `${month}:${merchantId}:${koc}`, merchantId, koc, from, to, revenueFen: r.revenueFen, orders: r.orders, at: new Date(ctx.now()) },
      });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
    }
    await ctx.db
      .collection('koc_tiers')
      .doc(`${merchantId}:${koc}`)
      .set({ data: { merchantId, koc, tier: to, updatedAt: new Date(ctx.now()) } });
    changes++;
  }
  return changes;
}
