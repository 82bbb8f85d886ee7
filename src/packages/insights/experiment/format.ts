// How a result reads: values in their metric's format, the lift with its 95% interval, p, and
// whether a row is significant or a guardrail went the wrong way. Pure, so the page only lays out.
import type { Comparison } from '@core/contracts/experiments';
import { DIMENSION_NAMES, type Dimension } from '@core/experiments/survey';
import { type ExperimentMetric, type ExperimentMetricDefinition, METRIC_DEFINITIONS } from '@core/metrics';

/** Below this p a difference is called significant (two-tailed, as the tests are). */
export const ALPHA = 0.05;

const sign = (x: number, digits: number) => {
  const s = Math.abs(x).toFixed(digits);
  // -0.0% reads as a fall; a rounded zero is flat.
  if (Number(s) === 0) return s;
  return `${x < 0 ? '-' : '+'}${s}`;
};

/** A metric's value: 58.0% (percent, from 0.58), 1.25 (count), ¥12.30 (fen), 82.0 (satisfaction on 100). */
export function formatValue(format: ExperimentMetricDefinition['format'] | 'score', value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (format === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (format === 'fen') return `¥${(Math.round(value) / 100).toFixed(2)}`;
  if (format === 'score') return value.toFixed(1);
  return value.toFixed(2);
}

/** The relative lift: +32.0%, -5.1%, 0.0%, or — when there is none (control at 0). */
export function formatLift(lift: number | null): string {
  return lift === null || !Number.isFinite(lift) ? '—' : `${sign(lift * 100, 1)}%`;
}

/** The 95% interval of the lift: [+12.0%, +52.0%]. */
export function formatInterval(low: number | null, high: number | null): string {
  if (low === null || high === null || !Number.isFinite(low) || !Number.isFinite(high)) return '';
  return `[${sign(low * 100, 1)}%, ${sign(high * 100, 1)}%]`;
}

/** p < 0.001, p = 0.004, p = 0.048, p = 0.12; — when there is no test (an empty arm). Three decimals near 0.05, so 0.048 and 0.052 do not both read 0.05. */
export function formatP(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return 'p —';
  if (p < 0.001) return 'p < 0.001';
  if (p < 0.1) return `p = ${p.toFixed(3)}`;
  return `p = ${p.toFixed(2)}`;
}

/** The SRM test's p as the banner says it: p=0.0004, p<0.0001. */
export function formatSrmP(p: number): string {
  return p < 0.0001 ? 'p<0.0001' : `p=${p.toFixed(4)}`;
}

export const significant = (c: Pick<Comparison, 'p'>) => c.p !== null && Number.isFinite(c.p) && c.p < ALPHA;

/** Which way a significant difference went for the merchant: better, worse, or no call. */
export function verdict(c: Pick<Comparison, 'p' | 'lift' | 'control' | 'treatment'>, higherIsBetter: boolean): 'better' | 'worse' | 'none' {
  if (!significant(c)) return 'none';
  const up = c.lift !== null ? c.lift > 0 : c.treatment.value > c.control.value;
  return up === higherIsBetter ? 'better' : 'worse';
}

export type RowRole = 'primary' | 'guardrail' | 'secondary';

export interface MetricRow {
  comparison: Comparison;
  metric: ExperimentMetric;
  def: ExperimentMetricDefinition;
  role: RowRole;
  significant: boolean;
  /** A guardrail that moved the wrong way significantly. */
  alarm: boolean;
  verdict: 'better' | 'worse' | 'none';
}

/** The rows in reading order: the primary metric, then the guardrails as declared, then the rest. */
export function metricRows(metrics: readonly Comparison[], primary: ExperimentMetric, guardrails: readonly ExperimentMetric[]): MetricRow[] {
  const role = (m: ExperimentMetric): RowRole => (m === primary ? 'primary' : guardrails.includes(m) ? 'guardrail' : 'secondary');
  const rank = (m: ExperimentMetric) => (m === primary ? -1 : guardrails.includes(m) ? guardrails.indexOf(m) : guardrails.length);
  return metrics
    .filter((c): c is Comparison & { metric: ExperimentMetric } => c.metric in METRIC_DEFINITIONS)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c.metric) - rank(b.c.metric) || a.i - b.i)
    .map(({ c }) => {
      const def = METRIC_DEFINITIONS[c.metric];
      const v = verdict(c, def.higherIsBetter);
      const r = role(c.metric);
      return { comparison: c, metric: c.metric, def, role: r, significant: significant(c), alarm: r === 'guardrail' && v === 'worse', verdict: v };
    });
}

/** The dimension a satisfaction comparison is about ('satisfaction.price' → price). */
export function dimensionOf(c: Pick<Comparison, 'metric'>): Dimension | null {
  const d = c.metric.startsWith('satisfaction.') ? c.metric.slice('satisfaction.'.length) : '';
  return d in DIMENSION_NAMES ? (d as Dimension) : null;
}

/** Cronbach's alpha as read: 0.82, or — with too few answers. */
export const formatAlpha = (a: number | null) => (a === null || !Number.isFinite(a) ? '—' : a.toFixed(2));

/**
 * Where the interval bar sits on an axis symmetric around zero that fits every row (at least
 * ±10%, at most ±200%: one wild row must not flatten the others), in percent of the bar's width.
 */
export function axisOf(rows: readonly Pick<Comparison, 'low' | 'high'>[]): number {
  const ends = rows.flatMap((r) => [r.low, r.high]).filter((x): x is number => x !== null && Number.isFinite(x));
  const widest = ends.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  return Math.min(2, Math.max(0.1, widest * 1.1));
}

export interface BarGeometry {
  /** Left edge and width of the interval, and the point estimate, in % of the track. */
  left: number;
  width: number;
  mark: number;
  /** The interval runs past the axis on that side. */
  clippedLow: boolean;
  clippedHigh: boolean;
}

export function barOf(c: Pick<Comparison, 'low' | 'high' | 'lift'>, axis: number): BarGeometry | null {
  if (c.low === null || c.high === null || c.lift === null || ![c.low, c.high, c.lift].every(Number.isFinite)) return null;
  const at = (x: number) => Math.min(100, Math.max(0, 50 + (x / axis) * 50));
  const left = at(c.low);
  return {
    left,
    width: Math.max(0.8, at(c.high) - left),
    mark: at(c.lift),
    clippedLow: c.low < -axis,
    clippedHigh: c.high > axis,
  };
}

/** "数据截至 16:30" today, "数据截至 11-22 16:30" on another day (campus time from the caller's formatter). */
export function asOfLine(
  asOf: number,
  now: number,
  formatTime: (ms: number) => string,
  formatShort: (ms: number) => string,
  day: (ms: number) => string,
): string {
  if (!asOf || !Number.isFinite(asOf)) return '数据还在汇总';
  return `数据截至 ${day(asOf) === day(now) ? formatTime(asOf) : formatShort(asOf)}`;
}
