import type { Comparison } from '@core/contracts/experiments';
import { asOfLine, axisOf, barOf, dimensionOf, formatAlpha, formatInterval, formatLift, formatP, formatSrmP, formatValue, metricRows, verdict } from './format';

const cmp = (metric: Comparison['metric'], over: Partial<Comparison> = {}): Comparison => ({
  metric,
  control: { n: 100, value: 0.42 },
  treatment: { n: 100, value: 0.58 },
  lift: 0.381,
  low: 0.05,
  high: 0.71,
  p: 0.02,
  lowData: false,
  ...over,
});

test('values read in their metric format', () => {
  expect(formatValue('percent', 0.58)).toBe('58.0%');
  expect(formatValue('count', 1.256)).toBe('1.26');
  expect(formatValue('fen', 1230.4)).toBe('¥12.30');
  expect(formatValue('fen', 0)).toBe('¥0.00');
  expect(formatValue('score', 82)).toBe('82.0');
  expect(formatValue('count', Number.NaN)).toBe('—');
});

test('lift, interval and p', () => {
  expect(formatLift(0.32)).toBe('+32.0%');
  expect(formatLift(-0.051)).toBe('-5.1%');
  expect(formatLift(-0.0001)).toBe('0.0%');
  expect(formatLift(null)).toBe('—');
  expect(formatInterval(0.12, 0.52)).toBe('[+12.0%, +52.0%]');
  expect(formatInterval(-0.2, 0.1)).toBe('[-20.0%, +10.0%]');
  expect(formatInterval(null, 0.1)).toBe('');
  expect(formatP(0.0004)).toBe('p < 0.001');
  expect(formatP(0.0042)).toBe('p = 0.004');
  expect(formatP(0.049)).toBe('p = 0.049');
  expect(formatP(0.0521)).toBe('p = 0.052');
  expect(formatP(0.5)).toBe('p = 0.50');
  expect(formatP(null)).toBe('p —');
  expect(formatSrmP(0.00042)).toBe('p=0.0004');
  expect(formatSrmP(1e-9)).toBe('p<0.0001');
  expect(formatAlpha(0.8123)).toBe('0.81');
  expect(formatAlpha(null)).toBe('—');
});

test('rows: primary first, guardrails next as declared; significance and wrong-way guardrails marked', () => {
  const rows = metricRows(
    [
      cmp('repurchase', { p: 0.3 }),
      cmp('orders', { p: 0.001 }),
      cmp('spend'),
      cmp('refunds', { lift: 0.5, p: 0.01 }),
      cmp('likes', { lift: -0.3, low: -0.5, high: -0.1, p: 0.01 }),
    ],
    'orders',
    ['refunds', 'likes'],
  );
  expect(rows.map((r) => [r.metric, r.role])).toEqual([
    ['orders', 'primary'],
    ['refunds', 'guardrail'],
    ['likes', 'guardrail'],
    ['repurchase', 'secondary'],
    ['spend', 'secondary'],
  ]);
  expect(rows.map((r) => r.significant)).toEqual([true, true, true, false, true]);
  // Refunds up is bad (higherIsBetter false), likes down is bad: both guardrails alarm.
  expect(rows.map((r) => r.alarm)).toEqual([false, true, true, false, false]);
  expect(rows[0].verdict).toBe('better');
  expect(verdict(cmp('refunds', { lift: -0.5, p: 0.01 }), false)).toBe('better');
  expect(verdict(cmp('refunds', { lift: -0.5, p: 0.2 }), false)).toBe('none');
  // No lift (control at 0): the values decide the direction.
  expect(verdict(cmp('likes', { lift: null, control: { n: 10, value: 0 }, treatment: { n: 10, value: 1 }, p: 0.01 }), true)).toBe('better');
});

test('the interval bar sits on an axis around zero that fits the rows, clipped past ±200%', () => {
  const axis = axisOf([cmp('orders', { low: -0.2, high: 0.5 }), cmp('spend', { low: null, high: null })]);
  expect(axis).toBeCloseTo(0.55);
  const bar = barOf(cmp('orders', { low: -0.2, high: 0.5, lift: 0.15 }), axis);
  expect(bar?.left).toBeCloseTo(50 - (0.2 / 0.55) * 50);
  expect((bar?.left ?? 0) + (bar?.width ?? 0)).toBeCloseTo(50 + (0.5 / 0.55) * 50);
  expect(bar?.mark).toBeCloseTo(50 + (0.15 / 0.55) * 50);
  expect(axisOf([])).toBe(0.1);
  expect(axisOf([cmp('orders', { low: -9, high: 30 })])).toBe(2);
  expect(barOf(cmp('orders', { low: -9, high: 30, lift: 3 }), 2)).toMatchObject({ left: 0, width: 100, clippedLow: true, clippedHigh: true });
  expect(barOf(cmp('orders', { lift: null }), 1)).toBeNull();
});

test('satisfaction rows name their dimension; the as-of line says the day when it is not today', () => {
  expect(dimensionOf({ metric: 'satisfaction.price' })).toBe('price');
  expect(dimensionOf({ metric: 'orders' })).toBeNull();
  const hm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  const short = (ms: number) => new Date(ms).toISOString().slice(5, 16).replace('T', ' ');
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const t = Date.UTC(2026, 10, 23, 8, 30);
  expect(asOfLine(t, t + 60_000, hm, short, day)).toBe('数据截至 08:30');
  expect(asOfLine(t, t + 86_400_000, hm, short, day)).toBe('数据截至 11-23 08:30');
  expect(asOfLine(0, t, hm, short, day)).toBe('数据还在汇总');
});
