// KOC tiers: Primary, Intermediate, Advanced, decided only by the KOC's own results (attributed
// paid revenue and orders over a rolling window). Nothing depends on recruiting anyone: a tier
// changes the rate of the one commission level, never adds depth (WeChat rule 5.9).

export const TIERS = ['primary', 'intermediate', 'advanced'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_NAMES: Record<Tier, string> = { primary: '初级达人', intermediate: '中级达人', advanced: '高级达人' };

export interface TierRule {
  tier: Tier;
  rateBp: number;
  minRevenueFen: number;
  minOrders: number;
}

export const DEFAULT_TIER_RULES: TierRule[] = [
  { tier: 'primary', rateBp: 1000, minRevenueFen: 0, minOrders: 0 },
  { tier: 'intermediate', rateBp: 1200, minRevenueFen: 100_000, minOrders: 10 },
  { tier: 'advanced', rateBp: 1500, minRevenueFen: 500_000, minOrders: 30 },
];
export const TIER_WINDOW_DAYS = 90;

/** The highest tier whose thresholds the results meet (both revenue and orders). */
export function tierFor(results: { revenueFen: number; orders: number }, rules: TierRule[]): Tier {
  let best: Tier = 'primary';
  for (const r of rules)
    if (results.revenueFen >= r.minRevenueFen && results.orders >= r.minOrders && TIERS.indexOf(r.tier) > TIERS.indexOf(best)) best = r.tier;
  return best;
}

/** What is missing to reach the next tier, for the progress bar; null at the top. */
export function progressToNext(
  results: { revenueFen: number; orders: number },
  current: Tier,
  rules: TierRule[],
): { tier: Tier; revenueFenLeft: number; ordersLeft: number } | null {
  const next = rules.find((r) => TIERS.indexOf(r.tier) === TIERS.indexOf(current) + 1);
  if (!next) return null;
  return { tier: next.tier, revenueFenLeft: Math.max(0, next.minRevenueFen - results.revenueFen), ordersLeft: Math.max(0, next.minOrders - results.orders) };
}
