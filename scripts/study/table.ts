// Table 1 of the study from what the merchant's results page shows (experiments.results: the
// rollup's counters through server/experiments/results.ts), with the model's parameter next to
// every measured value, and a check of each figure against the brute-force count (./oracle.ts).
import { jStat } from 'jstat';
import type { Comparison, ExperimentResults } from '../../core/contracts/experiments';
import { DIMENSION_NAMES, DIMENSIONS, type Dimension } from '../../core/experiments/survey';
import { twoProportionZTest, welchTTest } from '../../core/stats';
import type { expected } from './model';
import type { OracleArm } from './oracle';

export const ALPHA = 0.05;

export interface ArmCell {
  value: number;
  n: number;
  /** 95% interval of the arm's own value (from the raw per-student values). */
  low: number;
  high: number;
  param: number;
}

export interface Row {
  key: string;
  label: string;
  /** A few words for the chart. */
  short: string;
  format: 'percent' | 'count' | 'score';
  control: ArmCell;
  treatment: ArmCell;
  lift: number;
  low: number;
  high: number;
  /** The model's lift: treatment parameter ÷ control parameter − 1. */
  liftParam: number;
  p: number;
}

export interface Table {
  rows: Row[];
  exposed: [number, number];
  srm: { chi2: number; p: number; mismatch: boolean } | null;
  alpha: Record<Dimension, (number | null)[]>;
  /** Largest relative difference between a results figure and the brute-force count (0: identical). */
  oracleDiff: number;
  /** Where they differ, if anywhere (metric: results vs brute force). */
  mismatches: string[];
}

const Z = jStat.normal.inv(0.975, 0, 1);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function meanInterval(xs: number[]): [number, number] {
  const n = xs.length;
  if (n < 2) return [Number.NaN, Number.NaN];
  const m = mean(xs);
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1));
  const half = jStat.studentt.inv(0.975, n - 1) * (sd / Math.sqrt(n));
  return [m - half, m + half];
}

function rateInterval(x: number, n: number): [number, number] {
  const p = x / n;
  const half = Z * Math.sqrt((p * (1 - p)) / n);
  return [p - half, p + half];
}

const nan = (x: number | null) => x ?? Number.NaN;

export function buildTable(results: ExperimentResults, oracle: OracleArm[], params: ReturnType<typeof expected>): Table {
  const cmp = results.comparisons[0];
  const byMetric = new Map<string, Comparison>([...cmp.metrics, ...cmp.satisfaction].map((c) => [c.metric, c]));
  const [oc, ot] = oracle;
  const mismatches: string[] = [];
  let oracleDiff = 0;
  const same = (what: string, a: number, b: number) => {
    const d = a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
    oracleDiff = Math.max(oracleDiff, Number.isNaN(d) ? Number.POSITIVE_INFINITY : d);
    if (!(d < 1e-9)) mismatches.push(`${what}: results ${a}, brute force ${b}`);
  };

  const rows: Row[] = [];
  const push = (key: string, label: string, format: Row['format'], c: Comparison, cells: [Omit<ArmCell, 'param'>, Omit<ArmCell, 'param'>], param: number[]) =>
    rows.push({
      key,
      label,
      short: label.replace(/^\S+ /, '').replace(/ \(.*\)$/, ''),
      format,
      control: { ...cells[0], param: param[0] },
      treatment: { ...cells[1], param: param[1] },
      lift: nan(c.lift),
      low: nan(c.low),
      high: nan(c.high),
      liftParam: param[1] / param[0] - 1,
      p: nan(c.p),
    });

  // Repurchase: a rate among each arm's buyers (two-proportion z).
  const rep = byMetric.get('repurchase') as Comparison;
  same('repurchase control', rep.control.value, oc.repeaters / oc.buyers);
  same('repurchase treatment', rep.treatment.value, ot.repeaters / ot.buyers);
  same('repurchase buyers control', rep.control.n, oc.buyers);
  same('repurchase buyers treatment', rep.treatment.n, ot.buyers);
  same('repurchase p', nan(rep.p), twoProportionZTest(ot.repeaters, ot.buyers, oc.repeaters, oc.buyers).p);
  const cell = (x: number, n: number, value: number) => {
    const [low, high] = rateInterval(x, n);
    return { value, n, low, high };
  };
  push(
    'repurchase',
    '复购率 Repurchase rate (buyers with ≥ 2 orders ÷ buyers)',
    'percent',
    rep,
    [cell(oc.repeaters, oc.buyers, rep.control.value), cell(ot.repeaters, ot.buyers, rep.treatment.value)],
    params.repurchase,
  );

  // Means per exposed student (Welch t).
  const means: [string, string, 'orders' | 'likes' | 'comments' | 'shares'][] = [
    ['orders', '购买频次 Purchase frequency (orders per student)', 'orders'],
    ['likes', '点赞 Likes per student', 'likes'],
    ['comments', '评论 Comments per student', 'comments'],
    ['shares', '分享 Shares per student', 'shares'],
  ];
  for (const [key, label, f] of means) {
    const c = byMetric.get(key) as Comparison;
    same(`${key} n control`, c.control.n, oc[f].length);
    same(`${key} n treatment`, c.treatment.n, ot[f].length);
    same(`${key} control`, c.control.value, mean(oc[f]));
    same(`${key} treatment`, c.treatment.value, mean(ot[f]));
    same(`${key} p`, nan(c.p), welchTTest(ot[f], oc[f]).p);
    const [cl, ch] = meanInterval(oc[f]);
    const [tl, th] = meanInterval(ot[f]);
    push(
      key,
      label,
      'count',
      c,
      [
        { value: c.control.value, n: c.control.n, low: cl, high: ch },
        { value: c.treatment.value, n: c.treatment.n, low: tl, high: th },
      ],
      params[f],
    );
  }

  // Satisfaction: each dimension's score on 100 (Welch t over respondents).
  for (const d of DIMENSIONS) {
    const c = byMetric.get(`satisfaction.${d}`) as Comparison;
    const [xc, xt] = [oc.satisfaction[d], ot.satisfaction[d]];
    same(`satisfaction.${d} control`, c.control.value, mean(xc));
    same(`satisfaction.${d} treatment`, c.treatment.value, mean(xt));
    same(`satisfaction.${d} n control`, c.control.n, xc.length);
    same(`satisfaction.${d} n treatment`, c.treatment.n, xt.length);
    same(`satisfaction.${d} p`, nan(c.p), welchTTest(xt, xc).p);
    const [cl, ch] = meanInterval(xc);
    const [tl, th] = meanInterval(xt);
    push(
      `satisfaction.${d}`,
      `满意度 Satisfaction: ${DIMENSION_NAMES[d]} (${d})`,
      'score',
      c,
      [
        { value: c.control.value, n: c.control.n, low: cl, high: ch },
        { value: c.treatment.value, n: c.treatment.n, low: tl, high: th },
      ],
      params.satisfaction[d],
    );
  }

  const exposed: [number, number] = [results.arms[0].exposed, results.arms[1].exposed];
  same('exposed control', exposed[0], oc.exposed);
  same('exposed treatment', exposed[1], ot.exposed);
  const alpha = Object.fromEntries(results.satisfaction.map((s) => [s.dimension, s.alpha])) as Record<Dimension, (number | null)[]>;
  return { rows, exposed, srm: results.srm, alpha, oracleDiff, mismatches };
}

/** Whether the parameter lies inside [low, high]. */
export const inside = (param: number, low: number, high: number) => param >= low && param <= high;
