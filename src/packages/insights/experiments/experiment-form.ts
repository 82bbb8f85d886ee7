// The experiment editor's form: text as typed, mapped to the contract's `save` input and checked
// by its schema, so the messages next to each field are the server's own. The schema's
// cross-field rules (weights sum to 100, stop after start, primary not a guardrail) only run
// once every field parses; the form says them at once, with the same words.
import { type ExperimentView, experimentInput, type Treatment } from '@core/contracts/experiments';
import type { ExperimentMetric } from '@core/metrics';
import type { Grade } from '@core/profile';
import type { ExperimentSaveInput } from '../../../api/experiments';
import { campusInstant, pickerValues } from '../../merchant/shared/campus';
import { check, type FieldErrors, intOf } from '../../merchant/shared/form';

export const EXPERIMENT_FIELDS = [
  'name',
  'hypothesis',
  'treatments',
  'arms',
  'coverage',
  'grades',
  'primaryMetric',
  'guardrails',
  'windowDays',
  'startAt',
  'stopAt',
  'surveyPercent',
] as const;

const FALLBACK: Record<string, string> = {
  coverage: '覆盖比例填 1-100 的整数',
  windowDays: '观察期填 7-120 的整数天',
  startAt: '请选择开始时间',
  stopAt: '请选择结束时间',
  surveyPercent: '问卷抽样填 0-100 的整数',
  primaryMetric: '请选择主要指标',
  arms: '请检查分组',
};
const WEIGHT_FALLBACK = '比例填 1-99 的整数';
const CJK = /[\u4e00-\u9fff]/;

export const MAX_ARMS = 4;
const DAY = 86_400_000;
/** A new experiment runs eight weeks: long enough for a 28-day window after most students enter. */
const DEFAULT_RUN_DAYS = 56;

export interface ArmRow {
  name: string;
  weight: string;
}

export interface ExperimentForm {
  name: string;
  hypothesis: string;
  treatments: Treatment[];
  arms: ArmRow[];
  coverage: string;
  grades: Grade[];
  primaryMetric: ExperimentMetric | '';
  guardrails: ExperimentMetric[];
  windowDays: string;
  startDay: string;
  startClock: string;
  stopDay: string;
  stopClock: string;
  surveyPercent: string;
}

/** A new design: the timetable treatment, 对照组 50 / 实验组 50, repurchase guarded by refunds, from now for eight weeks. */
export function freshExperimentForm(now: number): ExperimentForm {
  const start = pickerValues(now);
  const stop = pickerValues(now + DEFAULT_RUN_DAYS * DAY);
  return {
    name: '',
    hypothesis: '',
    treatments: ['timetable'],
    arms: [
      { name: '对照组', weight: '50' },
      { name: '实验组', weight: '50' },
    ],
    coverage: '100',
    grades: [],
    primaryMetric: 'repurchase',
    guardrails: ['refunds'],
    windowDays: '28',
    startDay: start.day,
    startClock: start.clock,
    stopDay: stop.day,
    stopClock: stop.clock,
    surveyPercent: '20',
  };
}

/** A saved draft back in the form, to edit it. */
export function formOf(e: ExperimentView): ExperimentForm {
  const start = pickerValues(e.startAt);
  const stop = pickerValues(e.stopAt);
  return {
    name: e.name,
    hypothesis: e.hypothesis,
    treatments: [...e.treatments],
    arms: e.arms.map((a) => ({ name: a.name, weight: String(a.weight) })),
    coverage: String(e.coverage),
    grades: e.grades as Grade[],
    primaryMetric: e.primaryMetric,
    guardrails: [...e.guardrails],
    windowDays: String(e.windowDays),
    startDay: start.day,
    startClock: start.clock,
    stopDay: stop.day,
    stopClock: stop.clock,
    surveyPercent: String(e.surveyPercent),
  };
}

/** The weights typed so far and their sum (NaN while one does not parse). */
export function weightSum(arms: readonly ArmRow[]): number {
  return arms.reduce((s, a) => s + intOf(a.weight), 0);
}

/** The form as the contract's input (numbers as typed: NaN where a field does not parse). */
export function inputOf(form: ExperimentForm, requestId: string, experimentId?: string): ExperimentSaveInput {
  return {
    requestId,
    ...(experimentId ? { experimentId } : {}),
    name: form.name,
    hypothesis: form.hypothesis,
    treatments: form.treatments,
    arms: form.arms.map((a) => ({ name: a.name, weight: intOf(a.weight) })),
    coverage: intOf(form.coverage),
    grades: form.grades,
    campusId: null,
    primaryMetric: form.primaryMetric as ExperimentMetric,
    guardrails: form.guardrails.filter((g) => g !== form.primaryMetric),
    windowDays: intOf(form.windowDays),
    startAt: campusInstant(form.startDay, form.startClock),
    stopAt: campusInstant(form.stopDay, form.stopClock),
    surveyPercent: intOf(form.surveyPercent),
  };
}

/**
 * The input for save, or one message per field. Arm rows get their own keys (`arms.0`, `arms.1`)
 * so a missing name or a bad weight shows on its row; `arms` holds what is wrong with the set.
 */
export function checkExperiment(form: ExperimentForm, requestId: string, experimentId?: string): { input: ExperimentSaveInput | null; errors: FieldErrors } {
  const raw = inputOf(form, requestId, experimentId);
  const res = check(experimentInput.save, raw, FALLBACK);
  const errors: FieldErrors = { ...(res.errors ?? {}) };
  if (res.errors) {
    // check() keeps one message per top-level field; arms get one per row and one for the set.
    delete errors.arms;
    const parsed = experimentInput.save.safeParse(raw);
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const [field, row, part] = issue.path;
      if (field !== 'arms') continue;
      const key = typeof row === 'number' ? `arms.${row}` : 'arms';
      if (errors[key]) continue;
      errors[key] = CJK.test(issue.message) ? issue.message : part === 'weight' ? WEIGHT_FALLBACK : FALLBACK.arms;
    }
  }
  // The cross-field rules, said as soon as their fields parse.
  const sum = weightSum(form.arms);
  if (!errors.arms && !Object.keys(errors).some((k) => k.startsWith('arms.')) && Number.isFinite(sum) && sum !== 100) errors.arms = '各组比例加起来要等于 100%';
  if (!errors.startAt && !errors.stopAt && Number.isFinite(raw.startAt) && Number.isFinite(raw.stopAt) && raw.stopAt <= raw.startAt)
    errors.stopAt = '结束时间要晚于开始时间';
  if (Object.keys(errors).length > 0 || !res.data) return { input: null, errors };
  return { input: raw, errors: {} };
}

/** One field's message, for checking it when it loses focus ('' when it is fine). */
export function fieldError(form: ExperimentForm, field: string, requestId: string): string {
  return checkExperiment(form, requestId).errors[field] ?? '';
}

/** The weights typed in 调整比例, or the reason they cannot be used. */
export function checkWeights(texts: readonly string[]): { weights: number[] | null; error: string } {
  const weights = texts.map(intOf);
  if (weights.some((w) => !Number.isFinite(w) || w < 1 || w > 99)) return { weights: null, error: '每组比例填 1-99 的整数' };
  if (weights.reduce((s, w) => s + w, 0) !== 100) return { weights: null, error: '各组比例加起来要等于 100%' };
  return { weights, error: '' };
}

/** Toggles one value in a list (checkbox chips). */
export function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
