// An experiment's results: a handful of reads whatever the number of events (the experiment, its
// arm counters, the rollup's position), then each treatment arm against the control on every
// metric and survey dimension (core/experiments/analysis.ts), with the sample-ratio check.
import type { Comparison, ExperimentResults } from '../../core/contracts/experiments';
import { type Aggregate, cronbachAlpha, proportionLift, relativeLift, summarize, welchFromSummaries } from '../../core/experiments/analysis';
import { DIMENSIONS, type Dimension, ITEMS } from '../../core/experiments/survey';
import { EXPERIMENT_METRICS, type ExperimentMetric, LOW_DATA_BUYERS, METRIC_DEFINITIONS, SRM_P } from '../../core/metrics';
import { ok, type Result } from '../../core/result';
import { likertTo100, srmTest } from '../../core/stats';
import type { ArmDoc, SumPair } from '../analytics/experiments-fold';
import { readState } from '../analytics/rollup';
import type { Ctx } from '../context';
import { ownExperiment } from './design';
import { type ExperimentDoc, toView } from './store';

const finite = (x: number | undefined | null) => (x === undefined || x === null || !Number.isFinite(x) ? null : x);
const agg = (n: number, p: SumPair | undefined): Aggregate => ({ n, sum: p?.s ?? 0, sumSq: p?.ss ?? 0 });

/** A rate's numerator and denominator in an arm. */
function rate(metric: 'repurchase' | 'conversion', a: ArmDoc) {
  return metric === 'repurchase' ? { x: a.repeaters ?? 0, n: a.buyers ?? 0 } : { x: a.buyers ?? 0, n: a.exposed ?? 0 };
}

function compareMetric(metric: ExperimentMetric, c: ArmDoc, t: ArmDoc): Comparison {
  const def = METRIC_DEFINITIONS[metric];
  if (def.kind === 'rate') {
    const rc = rate(metric as 'repurchase' | 'conversion', c);
    const rt = rate(metric as 'repurchase' | 'conversion', t);
    const l = rc.n > 0 && rt.n > 0 ? proportionLift(rc.x, rc.n, rt.x, rt.n) : null;
    return {
      metric,
      control: { n: rc.n, value: rc.n ? rc.x / rc.n : 0 },
      treatment: { n: rt.n, value: rt.n ? rt.x / rt.n : 0 },
      lift: finite(l?.lift),
      low: finite(l?.low),
      high: finite(l?.high),
      p: finite(l?.p),
      lowData: Math.min(c.buyers ?? 0, t.buyers ?? 0) < LOW_DATA_BUYERS,
    };
  }
  const f = metric as keyof NonNullable<ArmDoc['figures']>;
  return compareMeans(metric, agg(c.exposed ?? 0, c.figures?.[f]), agg(t.exposed ?? 0, t.figures?.[f]));
}

function compareMeans(metric: Comparison['metric'], ca: Aggregate, ta: Aggregate): Comparison {
  const [cs, ts] = [summarize(ca), summarize(ta)];
  const l = relativeLift(ca, ta);
  return {
    metric,
    control: { n: ca.n, value: finite(cs.mean) ?? 0 },
    treatment: { n: ta.n, value: finite(ts.mean) ?? 0 },
    lift: finite(l?.lift),
    low: finite(l?.low),
    high: finite(l?.high),
    p: finite(welchFromSummaries(ts, cs).p),
    lowData: false,
  };
}

/**
 * A dimension's score on 100 per respondent is likertTo100(total / k) = α·total + β, so the sums
 * of scores follow from the sums of totals: Σscore = αΣt + nβ, Σscore² = α²Σt² + 2αβΣt + nβ².
 */
function satisfaction(d: Dimension, a: ArmDoc): Aggregate {
  const s = a.survey?.[d];
  const n = s?.n ?? 0;
  const [t, tt] = [s?.total?.s ?? 0, s?.total?.ss ?? 0];
  const step = likertTo100(2) - likertTo100(1);
  const alpha = step / ITEMS[d].length;
  const beta = likertTo100(1) - step;
  return { n, sum: alpha * t + n * beta, sumSq: alpha * alpha * tt + 2 * alpha * beta * t + n * beta * beta };
}

function alpha(d: Dimension, a: ArmDoc): number | null {
  const s = a.survey?.[d];
  const k = ITEMS[d].length;
  if (!s?.n) return null;
  const items = Array.from({ length: k }, (_, i) => s.items?.[`i${i}`]);
  return finite(
    cronbachAlpha({
      k,
      n: s.n,
      itemSums: items.map((x) => x?.s ?? 0),
      itemSumSqs: items.map((x) => x?.ss ?? 0),
      totalSum: s.total?.s ?? 0,
      totalSumSq: s.total?.ss ?? 0,
    }),
  );
}

/** Pure: the results from the experiment and its arm documents (the study report uses this too). */
export function resultsOf(e: ExperimentDoc, docs: readonly ArmDoc[], asOf: number): ExperimentResults {
  const arms = e.arms.map((_, i) => docs.find((d) => d.arm === i) ?? ({ _id: '', experimentId: e._id, arm: i, seq: 0 } as ArmDoc));
  const [control, ...treated] = arms;
  // Sample ratio on the current phase: the students assigned with the weights now in force.
  const phaseCounts = arms.map((a) => a.phases?.[String(e.phase)] ?? 0);
  const total = phaseCounts.reduce((s, n) => s + n, 0);
  const srm =
    total > 0
      ? srmTest(
          phaseCounts,
          e.arms.map((a) => a.weight),
        )
      : null;
  return {
    experiment: toView(e),
    arms: arms.map((a, i) => ({ name: e.arms[i].name, weight: e.arms[i].weight, exposed: a.exposed ?? 0, buyers: a.buyers ?? 0 })),
    comparisons: treated.map((t, i) => ({
      arm: i + 1,
      metrics: EXPERIMENT_METRICS.map((m) => compareMetric(m, control, t)),
      satisfaction: DIMENSIONS.map((d) => compareMeans(`satisfaction.${d}`, satisfaction(d, control), satisfaction(d, t))),
    })),
    satisfaction: DIMENSIONS.map((d) => ({ dimension: d, alpha: arms.map((a) => alpha(d, a)), n: arms.map((a) => a.survey?.[d]?.n ?? 0) })),
    srm: srm && Number.isFinite(srm.p) ? { chi2: srm.chi2, p: srm.p, mismatch: srm.p < SRM_P } : null,
    asOf,
  };
}

export async function experimentResults(ctx: Ctx, experimentId: string): Promise<Result<ExperimentResults>> {
  const own = await ownExperiment(ctx, experimentId);
  if (!own.ok) return own;
  const [{ data }, state] = await Promise.all([ctx.db.collection<ArmDoc>('exp_arms').where({ experimentId }).limit(10).get(), readState(ctx)]);
  return ok(resultsOf(own.data, data as ArmDoc[], new Date(state.at).getTime()));
}
