// The `experiments` function: a merchant declares an experiment (arms, who it covers, start and
// stop, primary and guardrail metrics) before it starts; students are assigned by a
// GrowthBook-compatible hash (core/experiments/assign.ts) at their first exposure; results per
// arm come from rollups (server/analytics/experiments-fold.ts) through core/experiments/analysis.ts.
import * as z from 'zod';
import { type Answers, DIMENSIONS, type Dimension, ITEMS, SCALE } from '../experiments/survey';
import { EXPERIMENT_METRICS, type ExperimentMetric } from '../metrics';
import { GRADES } from '../profile';

const id = z.string().min(1).max(64);
const requestId = z.string().min(8).max(64);

/** What the treatment arms switch on; the control arm keeps conventional promotion. */
export const TREATMENTS = ['timetable', 'koc_notes'] as const;
export type Treatment = (typeof TREATMENTS)[number];
export const TREATMENT_NAMES: Record<Treatment, string> = {
  timetable: '课表推荐：空闲时段的精准推荐卡片',
  koc_notes: '达人笔记：发现页里本店达人的种草笔记',
};

export const EXPERIMENT_STATUSES = ['draft', 'running', 'stopped'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

const arm = z.strictObject({
  name: z.string().trim().min(1, '请填写分组名称').max(12, '分组名称最多 12 个字'),
  weight: z.number().int('比例要是整数').min(1, '每组至少 1%').max(99, '每组最多 99%'),
});

const answer = z.number().int().min(SCALE.min).max(SCALE.max);
const answers = z.strictObject(
  Object.fromEntries(DIMENSIONS.map((d) => [d, z.array(answer).length(ITEMS[d].length, '请答完每一题')])) as Record<Dimension, z.ZodArray<typeof answer>>,
);

export const experimentInput = {
  save: z
    .strictObject({
      /** Names a new experiment, so a repeated save makes one. */
      requestId,
      /** Given: edits that draft (a running experiment's design is fixed). */
      experimentId: id.optional(),
      name: z.string().trim().min(1, '请填写实验名称').max(30, '实验名称最多 30 个字'),
      hypothesis: z.string().trim().max(200, '假设最多 200 个字').default(''),
      treatments: z.array(z.enum(TREATMENTS)).min(1, '请选择实验组打开的功能').max(TREATMENTS.length),
      /** The first arm is the control. */
      arms: z.array(arm).min(2, '至少两组').max(4, '最多四组'),
      /** Percent of the covered students who enter at all. */
      coverage: z.number().int().min(1, '覆盖比例至少 1%').max(100),
      /** Empty: every grade. */
      grades: z.array(z.enum(GRADES)).max(GRADES.length).default([]),
      campusId: id.nullable().default(null),
      primaryMetric: z.enum(EXPERIMENT_METRICS, '请选择主要指标'),
      guardrails: z.array(z.enum(EXPERIMENT_METRICS)).max(4, '护栏指标最多 4 个').default([]),
      windowDays: z.number().int('观察期要是整数天').min(7, '观察期至少 7 天').max(120, '观察期最多 120 天'),
      startAt: z.number().int().positive('请选择开始时间'),
      stopAt: z.number().int().positive('请选择结束时间'),
      /** Percent of each arm asked the satisfaction survey (0: none). */
      surveyPercent: z.number().int().min(0).max(100).default(0),
    })
    .refine((e) => e.arms.reduce((s, a) => s + a.weight, 0) === 100, { message: '各组比例加起来要等于 100%', path: ['arms'] })
    .refine((e) => e.stopAt > e.startAt, { message: '结束时间要晚于开始时间', path: ['stopAt'] })
    .refine((e) => !e.guardrails.includes(e.primaryMetric), { message: '主要指标不用再选作护栏', path: ['guardrails'] }),
  /** Draft → running: from now on the design is fixed. */
  start: z.strictObject({ experimentId: id }),
  stop: z.strictObject({ experimentId: id }),
  /** Running: new weights for students not yet assigned (assigned ones keep their arm). */
  setWeights: z.strictObject({ experimentId: id, weights: z.array(z.number().int().min(1).max(99)).min(2).max(4) }),
  list: z.strictObject({}),
  results: z.strictObject({ experimentId: id }),
  /** Student: the survey waiting for them, if any. */
  survey: z.strictObject({}),
  answerSurvey: z.strictObject({ experimentId: id, answers }),
};

export type ExperimentInput = z.infer<typeof experimentInput.save>;

export interface ExperimentView {
  id: string;
  name: string;
  hypothesis: string;
  treatments: Treatment[];
  arms: { name: string; weight: number }[];
  coverage: number;
  grades: string[];
  campusId: string | null;
  primaryMetric: ExperimentMetric;
  guardrails: ExperimentMetric[];
  windowDays: number;
  startAt: number;
  stopAt: number;
  surveyPercent: number;
  status: ExperimentStatus;
  startedAt: number | null;
  stoppedAt: number | null;
  phase: number;
}

/** One metric of one treatment arm against the control. */
export interface Comparison {
  metric: ExperimentMetric | `satisfaction.${Dimension}`;
  control: { n: number; value: number };
  treatment: { n: number; value: number };
  /** Relative lift (0.32 = +32%) with its 95% interval; null when the control is 0. */
  lift: number | null;
  low: number | null;
  high: number | null;
  p: number | null;
  /** Few buyers for a rate: the interval is wide (about 150 per arm show a 16-point difference). */
  lowData: boolean;
}

export interface ArmResult {
  name: string;
  weight: number;
  exposed: number;
  buyers: number;
}

export interface ExperimentResults {
  experiment: ExperimentView;
  arms: ArmResult[];
  /** Per treatment arm (index 1…), its comparisons with the control. */
  comparisons: { arm: number; metrics: Comparison[]; satisfaction: Comparison[] }[];
  satisfaction: { dimension: Dimension; alpha: (number | null)[]; n: number[] }[];
  srm: { chi2: number; p: number; mismatch: boolean } | null;
  /** Events up to here are counted (the rollup's position). */
  asOf: number;
}

export interface SurveyView {
  experimentId: string;
  merchantName: string;
  items: { dimension: Dimension; name: string; questions: readonly string[] }[];
}

export interface ExperimentResultsByAction {
  save: { experimentId: string };
  start: ExperimentView;
  stop: ExperimentView;
  setWeights: ExperimentView;
  list: ExperimentView[];
  results: ExperimentResults;
  survey: { survey: SurveyView | null };
  answerSurvey: { recorded: boolean };
}

export type { Answers };
