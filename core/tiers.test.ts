import { DEFAULT_TIER_RULES, progressToNext, tierFor } from './tiers';
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
