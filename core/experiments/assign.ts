// Which arm a student is in: GrowthBook's deterministic bucketing (sdk-js util.ts), so a merchant
// can check an assignment with any GrowthBook SDK. The student's openid is hashed with the
// experiment's seed (v2: fnv(fnv(seed + value) + '') % 10000 / 10000); arms take contiguous ranges
// of [0, 1) by weight × coverage. Sprout also stores the arm at a student's first exposure, so a
// later change of weights (or coverage) never moves a student already in the experiment.

/** FNV-1a, 32 bit, over UTF-16 code units as GrowthBook's JavaScript SDK does. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h += (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24);
  }
  return h >>> 0;
}

/** GrowthBook's hash of a value with a seed, in [0, 1): v2 (unbiased) or v1 (the original). */
export function gbHash(seed: string, value: string, version: 1 | 2 = 2): number {
  if (version === 1) return (fnv1a32(value + seed) % 1000) / 1000;
  return (fnv1a32(`${fnv1a32(seed + value)}`) % 10000) / 10000;
}

export type Range = [number, number];

/**
 * GrowthBook's getBucketRanges: each arm starts where its weight's share of [0, 1) starts and
 * covers `coverage` of it. Weights are normalised (GrowthBook falls back to equal weights when
 * they do not sum to 1; Sprout stores whole-number percentages, so it divides by their sum).
 */
export function bucketRanges(weights: readonly number[], coverage = 1): Range[] {
  const c = Math.min(1, Math.max(0, coverage));
  const total = weights.reduce((s, w) => s + w, 0);
  const shares = total > 0 ? weights.map((w) => w / total) : weights.map(() => 1 / weights.length);
  let start = 0;
  return shares.map((w) => {
    const r: Range = [start, start + c * w];
    start += w;
    return r;
  });
}

/** The arm whose range holds n, or -1 (outside the coverage). */
export function chooseArm(n: number, ranges: readonly Range[]): number {
  return ranges.findIndex(([lo, hi]) => n >= lo && n < hi);
}

/**
 * The experiment's seed: its id and a delimiter, since the hash joins seed and value with
 * nothing between ('ab' + 'c' = 'a' + 'bc').
 */
export const seedOf = (experimentId: string) => `${experimentId}:`;

/** A student's arm by the hash (-1: not covered). */
export function armFor(openid: string, experimentId: string, weights: readonly number[], coverage = 1): number {
  return chooseArm(gbHash(seedOf(experimentId), openid), bucketRanges(weights, coverage));
}
