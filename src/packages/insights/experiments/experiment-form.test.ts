import type { ExperimentView } from '@core/contracts/experiments';
import { checkExperiment, checkWeights, type ExperimentForm, fieldError, formOf, freshExperimentForm, inputOf, toggled, weightSum } from './experiment-form';

const NOW = Date.UTC(2026, 10, 23, 1, 50); // 2026-11-23 09:50 campus time
const REQ = 'req-12345678';
const named = (over: Partial<ExperimentForm> = {}): ExperimentForm => ({ ...freshExperimentForm(NOW), name: '课表推荐对比', ...over });

test('a fresh form with a name is a valid draft: 50/50, from now for eight weeks, in campus time', () => {
  const { input, errors } = checkExperiment(named(), REQ);
  expect(errors).toEqual({});
  expect(input).toMatchObject({
    requestId: REQ,
    name: '课表推荐对比',
    treatments: ['timetable'],
    arms: [
      { name: '对照组', weight: 50 },
      { name: '实验组', weight: 50 },
    ],
    coverage: 100,
    grades: [],
    campusId: null,
    primaryMetric: 'repurchase',
    guardrails: ['refunds'],
    windowDays: 28,
    startAt: NOW,
    stopAt: NOW + 56 * 86_400_000,
    surveyPercent: 20,
  });
  expect(input).not.toHaveProperty('experimentId');
});

test('errors land on their fields, arm errors on their row', () => {
  const f = named({
    name: ' ',
    treatments: [],
    arms: [
      { name: '对照组', weight: '50' },
      { name: '', weight: 'abc' },
    ],
    coverage: '0',
    windowDays: '3',
    surveyPercent: '101',
  });
  const { input, errors } = checkExperiment(f, REQ);
  expect(input).toBeNull();
  expect(errors).toMatchObject({
    name: '请填写实验名称',
    treatments: '请选择实验组打开的功能',
    'arms.1': '请填写分组名称',
    coverage: '覆盖比例至少 1%',
    windowDays: '观察期至少 7 天',
    surveyPercent: '问卷抽样填 0-100 的整数',
  });
  expect(errors.arms).toBeUndefined();
  expect(
    checkExperiment(
      named({
        arms: [
          { name: '对照组', weight: '50' },
          { name: '实验组', weight: '5.5' },
        ],
      }),
      REQ,
    ).errors['arms.1'],
  ).toBe('比例填 1-99 的整数');
});

test('the cross-field rules are said at once, with the contract words', () => {
  const uneven = named({
    name: '',
    arms: [
      { name: '对照组', weight: '50' },
      { name: '实验组', weight: '40' },
    ],
  });
  expect(checkExperiment(uneven, REQ).errors).toMatchObject({ name: '请填写实验名称', arms: '各组比例加起来要等于 100%' });
  const backwards = named({ stopDay: '2026-11-01' });
  expect(checkExperiment(backwards, REQ).errors.stopAt).toBe('结束时间要晚于开始时间');
  expect(checkExperiment(named({ arms: [{ name: '对照组', weight: '100' }] }), REQ).errors.arms).toBe('至少两组');
  expect(fieldError(named({ windowDays: '' }), 'windowDays', REQ)).toBe('观察期填 7-120 的整数天');
  expect(fieldError(named(), 'windowDays', REQ)).toBe('');
});

test('the primary metric is never sent as a guardrail too', () => {
  expect(inputOf(named({ primaryMetric: 'refunds', guardrails: ['refunds', 'spend'] }), REQ).guardrails).toEqual(['spend']);
  expect(checkExperiment(named({ primaryMetric: '' }), REQ).errors.primaryMetric).toBe('请选择主要指标');
});

test('a saved draft comes back into the form as it was saved, and saves under its id', () => {
  const view: ExperimentView = {
    id: 'X1',
    name: '达人笔记',
    hypothesis: '笔记带来互动',
    treatments: ['koc_notes'],
    arms: [
      { name: 'A', weight: 30 },
      { name: 'B', weight: 70 },
    ],
    coverage: 60,
    grades: ['大一'],
    campusId: null,
    primaryMetric: 'likes',
    guardrails: [],
    windowDays: 14,
    startAt: NOW,
    stopAt: NOW + 30 * 86_400_000,
    surveyPercent: 0,
    status: 'draft',
    startedAt: null,
    stoppedAt: null,
    phase: 0,
  };
  const { input } = checkExperiment(formOf(view), REQ, 'X1');
  expect(input).toMatchObject({
    experimentId: 'X1',
    arms: view.arms,
    coverage: 60,
    grades: ['大一'],
    primaryMetric: 'likes',
    startAt: NOW,
    stopAt: view.stopAt,
  });
});

test('weights for 调整比例 and the chips', () => {
  expect(checkWeights(['30', '70'])).toEqual({ weights: [30, 70], error: '' });
  expect(checkWeights(['30', '60']).error).toBe('各组比例加起来要等于 100%');
  expect(checkWeights(['0', '100']).error).toBe('每组比例填 1-99 的整数');
  expect(
    weightSum([
      { name: 'a', weight: '20' },
      { name: 'b', weight: '' },
    ]),
  ).toBeNaN();
  expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
  expect(toggled(['a'], 'b')).toEqual(['a', 'b']);
});
