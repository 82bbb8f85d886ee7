// The tests behind Sprout's experiments: Welch's t, the pooled two-proportion z, the chi-square
// goodness of fit for sample-ratio mismatch, and the Likert rescaling of the study's survey.
// Every distribution comes from jstat (never a hand-written CDF approximation); every p-value is
// two-tailed (the chi-square one is its upper tail) and lies in [0, 1] or is NaN when undefined.
//
// Accuracy: jstat's incomplete beta and gamma stop their continued fractions at a relative step
// of 3e-7, so p-values agree with scipy to about 3e-7 relative (checked on a grid of t and df up to
// 2e6). The normal and chi-square tails are 1 - (something close to 1) inside jstat, so p-values
// below about 1e-15 come out as 0: at that point every decision is the same.
import { jStat } from 'jstat';

/**
 * Welch's unequal-variance t-test of mean(a) - mean(b): sample variances (n - 1), the
 * Welch-Satterthwaite df and a two-tailed p from Student's t.
 *
 * Degenerate inputs answer what scipy.stats.ttest_ind(a, b, equal_var=False) answers for t and p:
 * - an arm with fewer than 2 values: t, df and p are NaN;
 * - both arms constant with different means: t is +-Infinity and p is 0;
 * - both arms constant with equal means: t and p are NaN.
 * In both constant cases df is NaN (0/0); scipy puts a placeholder 1 there "as it doesn't matter".
 * A NaN among the values gives NaN results (scipy's default nan_policy, 'propagate').
 */
export function welchTTest(a: number[], b: number[]): { t: number; df: number; p: number } {
  const na = a.length;
  const nb = b.length;
  if (na < 2 || nb < 2) return { t: Number.NaN, df: Number.NaN, p: Number.NaN };
  const ma = mean(a);
  const mb = mean(b);
  // The squared standard errors of each mean.
  const sa = sampleVariance(a, ma) / na;
  const sb = sampleVariance(b, mb) / nb;
  const se2 = sa + sb;
  if (se2 === 0) {
    const t = (ma - mb) / 0; // +-Infinity, or NaN when the means are equal too
    return { t, df: Number.NaN, p: Number.isNaN(t) ? Number.NaN : 0 };
  }
  const t = (ma - mb) / Math.sqrt(se2);
  // (sa + sb)^2 / (sa^2/(na-1) + sb^2/(nb-1)), written with the shares of se2 so that neither the
  // square nor the ratio can overflow or underflow for very large or very small variances.
  const ra = sa / se2;
  const rb = sb / se2;
  const df = 1 / ((ra * ra) / (na - 1) + (rb * rb) / (nb - 1));
  return { t, df, p: studentTwoTailed(t, df) };
}

/**
 * Pooled two-proportion z-test of x1/n1 - x2/n2: z = (p1 - p2) / sqrt(p(1-p)(1/n1 + 1/n2)) with
 * p = (x1 + x2)/(n1 + n2), two-tailed p from the standard normal. Counts must satisfy
 * 0 <= x <= n and n > 0 (RangeError otherwise). When nobody or everybody converted in both arms
 * the pooled variance is 0 and z and p are NaN (0/0), as statsmodels' proportions_ztest gives.
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): { z: number; p: number } {
  checkCount(x1, n1);
  checkCount(x2, n2);
  const pooled = (x1 + x2) / (n1 + n2);
  const z = (x1 / n1 - x2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (Number.isNaN(z)) return { z, p: Number.NaN };
  // jStat.normal.cdf is 0.5 * (1 + erf), so the tail is good to ~1e-16 absolute: p below ~1e-15
  // comes out 0 (at |z| > 8), which no decision can tell from 1e-20.
  return { z, p: clamp01(2 * jStat.normal.cdf(-Math.abs(z), 0, 1)) };
}

/**
 * Sample-ratio mismatch: Pearson's chi-square goodness of fit of the observed counts per arm
 * against total * weight / sum(weights), df = k - 1, p = upper tail. Needs k >= 2 arms, counts
 * finite and >= 0, weights finite and > 0 (RangeError otherwise; an arm given no traffic does not
 * belong in the test). With no units at all, chi2 and p are NaN (0/0), as scipy's chisquare gives.
 */
export function srmTest(counts: number[], weights: number[]): { chi2: number; p: number } {
  if (counts.length !== weights.length) throw new RangeError('srmTest: one weight per count');
  if (counts.length < 2) throw new RangeError('srmTest: needs at least 2 arms');
  if (!counts.every((c) => Number.isFinite(c) && c >= 0)) throw new RangeError('srmTest: counts must be finite and >= 0');
  if (!weights.every((w) => Number.isFinite(w) && w > 0)) throw new RangeError('srmTest: weights must be finite and > 0');
  const total = sum(counts);
  if (total === 0) return { chi2: Number.NaN, p: Number.NaN };
  const weightSum = sum(weights);
  let chi2 = 0;
  for (let i = 0; i < counts.length; i++) {
    const expected = (total * weights[i]) / weightSum;
    chi2 += (counts[i] - expected) ** 2 / expected;
  }
  // jstat has no upper regularized gamma, so the tail is 1 - cdf (exact enough down to ~1e-15).
  return { chi2, p: clamp01(1 - jStat.chisquare.cdf(chi2, counts.length - 1)) };
}

/**
 * A 1-7 Likert answer (or an average of such answers) on 0-100: 1 -> 0, 4 -> 50, 7 -> 100.
 * Anything outside [1, 7], or not a number, is a bug upstream: RangeError.
 */
export function likertTo100(x: number): number {
  if (!(x >= 1 && x <= 7)) throw new RangeError(`likertTo100: ${x} is not on the 1-7 scale`);
  return ((x - 1) / 6) * 100;
}

// Two-tailed p of Student's t as I_{df/(df+t^2)}(df/2, 1/2), the textbook identity (Abramowitz &
// Stegun, section 26.7), with jstat's incomplete beta. jStat.studentt.cdf calls the same function,
// but 2 * studentt.cdf(-|t|, df) runs its continued fraction at x ~ 1/2 with both parameters
// df/2, where jstat's 100 iterations do not converge for large df (at t = 0.01 it gives 1.02 for
// df = 1e6 and 1.57 for df = 1e7, the truth being 0.992); this form converges for every df.
function studentTwoTailed(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  return clamp01(jStat.ibeta(df / (df + t * t), df / 2, 0.5));
}

function checkCount(x: number, n: number): void {
  if (!(Number.isFinite(n) && n > 0 && Number.isFinite(x) && x >= 0 && x <= n)) {
    throw new RangeError(`twoProportionZTest: need 0 <= x <= n and n > 0, got ${x} of ${n}`);
  }
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function mean(xs: number[]): number {
  return sum(xs) / xs.length;
}

// Two-pass variance with the rounding correction (sum of deviations, zero in exact arithmetic)
// subtracted: accurate even when the mean is large next to the spread.
function sampleVariance(xs: number[], m: number): number {
  let squares = 0;
  let deviations = 0;
  for (const x of xs) {
    squares += (x - m) ** 2;
    deviations += x - m;
  }
  return (squares - (deviations * deviations) / xs.length) / (xs.length - 1);
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
