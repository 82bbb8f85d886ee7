// What an experiment's results page and the study report show, computed from the aggregates a
// rollup keeps per arm (n, sum, sum of squares) rather than from raw rows, so the figures can be
// kept up to date incrementally. The tests themselves live in core/stats.ts.
import { jStat } from 'jstat';
import { twoProportionZTest } from '../stats';

/** What a rollup keeps for one metric in one arm. */
export type Aggregate = { n: number; sum: number; sumSq: number };
/** n, mean and sample variance (n - 1); NaN where undefined (no units, or one unit for variance). */
export type Summary = { n: number; mean: number; variance: number };
/** A relative lift with its 95% interval: 0.1 is +10%. */
export type Lift = { lift: number; low: number; high: number };

const Z_975 = jStat.normal.inv(0.975, 0, 1); // 1.959963984540054

export function summarize({ n, sum, sumSq }: Aggregate): Summary {
  return { n, mean: n > 0 ? sum / n : Number.NaN, variance: varianceOf(n, sum, sumSq) };
}

/**
 * Welch's t-test from two summaries: the same t, df and p as welchTTest (core/stats.ts) on the raw
 * values, degenerate cases included (a property test holds the two together).
 */
export function welchFromSummaries(a: Summary, b: Summary): { t: number; df: number; p: number } {
  if (a.n < 2 || b.n < 2) return { t: Number.NaN, df: Number.NaN, p: Number.NaN };
  const sa = a.variance / a.n;
  const sb = b.variance / b.n;
  const se2 = sa + sb;
  if (se2 === 0) {
    const t = (a.mean - b.mean) / 0;
    return { t, df: Number.NaN, p: Number.isNaN(t) ? Number.NaN : 0 };
  }
  const t = (a.mean - b.mean) / Math.sqrt(se2);
  const ra = sa / se2;
  const rb = sb / se2;
  const df = 1 / ((ra * ra) / (a.n - 1) + (rb * rb) / (b.n - 1));
  // core/stats.ts exports only its four tests, so its tail is repeated here: the same identity,
  // p = I_{df/(df+t^2)}(df/2, 1/2), which converges in jstat for any df (see studentTwoTailed there).
  const p = Number.isNaN(df) ? Number.NaN : Math.min(1, Math.max(0, jStat.ibeta(df / (df + t * t), df / 2, 0.5)));
  return { t, df, p };
}

/**
 * (mean T - mean C) / mean C with a 95% interval by the delta method, as GrowthBook's frequentist
 * engine does: var = varT/(nT meanC^2) + meanT^2 varC/(nC meanC^4), and lift +- t_{0.975, df} *
 * sqrt(var) with the Welch df of the two arms (GrowthBook's TwoSidedTTest; at experiment sizes it
 * is 1.96 to three digits). null when the control mean is 0 or either arm has no units (no lift is
 * defined); low and high are NaN when an arm has one unit or both arms are constant.
 */
export function relativeLift(control: Aggregate, treatment: Aggregate): Lift | null {
  const c = summarize(control);
  const t = summarize(treatment);
  if (!(c.n > 0 && t.n > 0) || c.mean === 0) return null;
  const lift = (t.mean - c.mean) / c.mean;
  const variance = t.variance / (t.n * c.mean ** 2) + (t.mean ** 2 * c.variance) / (c.n * c.mean ** 4);
  const { df } = welchFromSummaries(c, t);
  const half = jStat.studentt.inv(0.975, df) * Math.sqrt(variance);
  return { lift, low: lift - half, high: lift + half };
}

/**
 * The same for rates, control x1 of n1 against treatment x2 of n2: Bernoulli variances p(1 - p),
 * the normal quantile 1.95996 (the rates are compared by a z test, so the interval uses the same
 * normal model) and the pooled z test's p. null when the control rate is 0. Counts out of range
 * throw RangeError (from twoProportionZTest).
 */
export function proportionLift(x1: number, n1: number, x2: number, n2: number): (Lift & { p: number }) | null {
  const { p } = twoProportionZTest(x1, n1, x2, n2);
  const pc = x1 / n1;
  const pt = x2 / n2;
  if (pc === 0) return null;
  const lift = (pt - pc) / pc;
  const variance = (pt * (1 - pt)) / (n2 * pc ** 2) + (pt ** 2 * pc * (1 - pc)) / (n1 * pc ** 4);
  const half = Z_975 * Math.sqrt(variance);
  return { lift, low: lift - half, high: lift + half, p };
}

/** What a survey rollup keeps for a k-item scale: per item and for each respondent's total. */
export type ScaleAggregate = { k: number; n: number; itemSums: number[]; itemSumSqs: number[]; totalSum: number; totalSumSq: number };

/**
 * Cronbach's alpha = k/(k-1) * (1 - sum of item variances / variance of the totals), from sums a
 * rollup can keep as answers arrive. NaN with fewer than 2 respondents or when the totals do not
 * vary (alpha is undefined there). Needs k >= 2 items (RangeError otherwise).
 */
export function cronbachAlpha(s: ScaleAggregate): number {
  if (!(s.k >= 2) || s.itemSums.length !== s.k || s.itemSumSqs.length !== s.k) {
    throw new RangeError('cronbachAlpha: needs k >= 2 items and one sum and sum of squares per item');
  }
  let itemVariance = 0;
  for (let i = 0; i < s.k; i++) itemVariance += varianceOf(s.n, s.itemSums[i], s.itemSumSqs[i]);
  const totalVariance = varianceOf(s.n, s.totalSum, s.totalSumSq);
  if (!(totalVariance > 0)) return Number.NaN;
  return (s.k / (s.k - 1)) * (1 - itemVariance / totalVariance);
}

/**
 * Cronbach's alpha from the answers themselves (rows = respondents, columns = items), computed
 * independently of cronbachAlpha (two-pass variances) so that the tests can hold the two together.
 */
export function cronbachAlphaRaw(rows: number[][]): number {
  const k = rows[0]?.length ?? 0;
  if (k < 2 || rows.some((r) => r.length !== k)) throw new RangeError('cronbachAlphaRaw: needs rows of the same k >= 2 items');
  if (rows.length < 2) return Number.NaN;
  let itemVariance = 0;
  for (let i = 0; i < k; i++) itemVariance += twoPassVariance(rows.map((r) => r[i]));
  const totalVariance = twoPassVariance(rows.map((r) => r.reduce((a, b) => a + b, 0)));
  if (!(totalVariance > 0)) return Number.NaN;
  return (k / (k - 1)) * (1 - itemVariance / totalVariance);
}

/**
 * Holm-Bonferroni adjusted p-values, in the order given: the i-th smallest p times (m - i + 1),
 * made non-decreasing in that order and capped at 1. Reject where adjusted p < alpha; this keeps
 * the family-wise error at alpha across the engagement metrics reported together.
 */
export function holm(pValues: number[]): number[] {
  if (!pValues.every((p) => p >= 0 && p <= 1)) throw new RangeError('holm: p-values must be in [0, 1]');
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((i, j) => pValues[i] - pValues[j]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
    adjusted[i] = running;
  });
  return adjusted;
}

// Sample variance from n, sum and sum of squares as (n*sumSq - sum^2) / (n(n-1)): for whole-number
// values (counts, Likert answers, fen) both products are exact integers below 2^53, so the variance
// is exact and a constant arm gets exactly 0. Rounding can still leave real-valued data a hair
// below 0, hence the clamp.
function varianceOf(n: number, sum: number, sumSq: number): number {
  if (!(n > 1)) return Number.NaN;
  return Math.max(0, (n * sumSq - sum * sum) / (n * (n - 1)));
}

function twoPassVariance(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}
