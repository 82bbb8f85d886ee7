import { DEFAULT_TIER_RULES, progressToNext, type TierRule, tierFor } from './tiers';
import { WITHDRAWAL_STATES, WITHDRAWAL_TRANSITIONS } from './withdrawal-machine';

it('a tier needs both its revenue and its orders; progress says what is missing', () => {
  expect(tierFor({ revenueFen: 0, orders: 0 }, DEFAULT_TIER_RULES)).toBe('primary');
  expect(tierFor({ revenueFen: 100_000, orders: 9 }, DEFAULT_TIER_RULES)).toBe('primary');
  expect(tierFor({ revenueFen: 100_000, orders: 10 }, DEFAULT_TIER_RULES)).toBe('intermediate');
  expect(tierFor({ revenueFen: 900_000, orders: 40 }, DEFAULT_TIER_RULES)).toBe('advanced');
  expect(progressToNext({ revenueFen: 50_000, orders: 12 }, 'primary', DEFAULT_TIER_RULES)).toEqual({
    tier: 'intermediate',
    revenueFenLeft: 50_000,
    ordersLeft: 0,
  });
  expect(progressToNext({ revenueFen: 0, orders: 0 }, 'advanced', DEFAULT_TIER_RULES)).toBeNull();
});

it('withdrawal states: every final state is reachable from requested', () => {
  const seen = new Set(['requested']);
  const queue = ['requested'];
  while (queue.length)
    for (const n of WITHDRAWAL_TRANSITIONS[queue.shift() as keyof typeof WITHDRAWAL_TRANSITIONS]) if (!seen.has(n)) seen.add(n) && queue.push(n);
  expect([...seen].sort()).toEqual([...WITHDRAWAL_STATES].sort());
});

it('a tier needs the revenue too; the order of the rules does not matter; primary is the floor', () => {
  expect(tierFor({ revenueFen: 99_999, orders: 50 }, DEFAULT_TIER_RULES)).toBe('primary');
  expect(tierFor({ revenueFen: 500_000, orders: 29 }, DEFAULT_TIER_RULES)).toBe('intermediate');
  expect(tierFor({ revenueFen: 500_000, orders: 30 }, DEFAULT_TIER_RULES)).toBe('advanced');
  const reversed = [...DEFAULT_TIER_RULES].reverse();
  expect(tierFor({ revenueFen: 900_000, orders: 40 }, reversed)).toBe('advanced');
  expect(tierFor({ revenueFen: 200_000, orders: 20 }, reversed)).toBe('intermediate');
  // A programme whose rules name only the upper tiers: below them is still primary.
  const upper: TierRule[] = DEFAULT_TIER_RULES.filter((r) => r.tier !== 'primary');
  expect(tierFor({ revenueFen: 0, orders: 0 }, upper)).toBe('primary');
  expect(tierFor({ revenueFen: 100_000, orders: 10 }, upper)).toBe('intermediate');
  expect(progressToNext({ revenueFen: 600_000, orders: 12 }, 'intermediate', DEFAULT_TIER_RULES)).toEqual({
    tier: 'advanced',
    revenueFenLeft: 0,
    ordersLeft: 18,
  });
});
