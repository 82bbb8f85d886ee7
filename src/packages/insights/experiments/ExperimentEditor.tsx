// 新建实验 / 编辑草稿: what the treatment arms switch on, the arms and their weights, who is
// covered, the primary and guardrail metrics (declared before start), the window and dates, and
// the survey sample. Errors beside each field, from the contract's schema; the server's
// INVALID_INPUT split back onto the same fields.
import { type ExperimentView, TREATMENT_NAMES, TREATMENTS } from '@core/contracts/experiments';
import { EXPERIMENT_METRICS, METRIC_DEFINITIONS } from '@core/metrics';
import { GRADES } from '@core/profile';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { saveExperiment } from '../../../api/experiments';
import { newRequestId } from '../../../api/groupbuy';
import { Button, Field, TextAreaField, TextField, toast } from '../../../components/ui';
import { DateTimeField } from '../../merchant/shared/DateTimeField';
import { type FieldErrors, serverErrors } from '../../merchant/shared/form';
import {
  checkExperiment,
  EXPERIMENT_FIELDS,
  type ExperimentForm,
  fieldError,
  formOf,
  freshExperimentForm,
  MAX_ARMS,
  toggled,
  weightSum,
} from './experiment-form';
import './editor.css';

const ERROR_SELECTOR = '.ui-field-bad, .xe-arm-bad, .xe-error';

export function ExperimentEditor({ draft, onDone, onCancel }: { draft?: ExperimentView; onDone: (experimentId: string) => void; onCancel: () => void }) {
  const [form, setForm] = useState<ExperimentForm>(() => (draft ? formOf(draft) : freshExperimentForm(Date.now())));
  const [errors, setErrors] = useState<FieldErrors>({});
  // One id per new experiment: a retry after a lost answer makes the same draft, not a second.
  const [requestId] = useState(newRequestId);
  const set = (patch: Partial<ExperimentForm>, ...fields: string[]) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(fields.map((k) => [k, ''])), _: '' }));
  };
  const blur = (field: string) => () => setErrors((e) => ({ ...e, [field]: fieldError(form, field, requestId) }));
  const setArm = (i: number, patch: Partial<ExperimentForm['arms'][number]>) =>
    set({ arms: form.arms.map((a, j) => (j === i ? { ...a, ...patch } : a)) }, `arms.${i}`, 'arms');
  const save = async () => {
    const checked = checkExperiment(form, requestId, draft?.id);
    if (!checked.input) {
      setErrors(checked.errors);
      // The first error may sit a few screens up: bring it into view once it is drawn.
      setTimeout(() => void Taro.pageScrollTo({ selector: ERROR_SELECTOR, duration: 200 }).catch(() => undefined), 50);
      return;
    }
    const res = await saveExperiment(checked.input);
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT') {
        const e = serverErrors(res.message, EXPERIMENT_FIELDS);
        // 结束时间要晚于现在 names no field: it is the stop time's.
        if (e._ && /结束时间/.test(e._)) return setErrors({ stopAt: e._ });
        return setErrors(e);
      }
      return toast(res.message);
    }
    toast('已保存草稿', 'success');
    onDone(res.data.experimentId);
  };
  const sum = weightSum(form.arms);
  const primary = form.primaryMetric ? METRIC_DEFINITIONS[form.primaryMetric] : null;
  return (
    <View data-testid='experiment-editor'>
      <View className='section'>
        <Text className='section-title'>{draft ? '编辑实验' : '新建实验'}</Text>
        <TextField
          label='实验名称'
          required
          maxlength={30}
          value={form.name}
          error={errors.name}
          placeholder='例如：课表推荐 vs 常规推广'
          onInput={(name) => set({ name }, 'name')}
          onBlur={blur('name')}
          testId='exp-name'
        />
        <TextAreaField
          label='假设'
          maxlength={200}
          value={form.hypothesis}
          error={errors.hypothesis}
          placeholder='例如：课间按课表推荐，同学在需要时看到合适的商品，复购率会更高'
          onInput={(hypothesis) => set({ hypothesis }, 'hypothesis')}
          testId='exp-hypothesis'
        />
        <Field label='实验组打开的功能' required error={errors.treatments} hint='对照组保持常规推广，不打开这些功能' testId='exp-treatments'>
          {TREATMENTS.map((t) => (
            <View
              key={t}
              className={`xe-check${form.treatments.includes(t) ? ' xe-check-on' : ''}`}
              data-testid={`exp-treatment-${t}`}
              onClick={() => set({ treatments: toggled(form.treatments, t) }, 'treatments')}
            >
              <View className='xe-box'>{form.treatments.includes(t) ? '✓' : ''}</View>
              <Text className='xe-check-text'>{TREATMENT_NAMES[t]}</Text>
            </View>
          ))}
        </Field>
      </View>

      <View className='section'>
        <Text className='section-title'>分组</Text>
        <Text className='xe-note'>第一组是对照组。同学按微信身份稳定分组：同一个人每次都在同一组，以后调整比例也不会换组。</Text>
        {form.arms.map((a, i) => (
          <View key={i} className={`xe-arm${errors[`arms.${i}`] ? ' xe-arm-bad' : ''}`} data-testid='exp-arm'>
            <View className='xe-arm-row'>
              <Text className='xe-arm-tag'>{i === 0 ? '对照' : `实验${form.arms.length > 2 ? i : ''}`}</Text>
              <Input
                className={`ui-input xe-arm-name${errors[`arms.${i}`] ? ' xe-input-bad' : ''}`}
                value={a.name}
                maxlength={12}
                placeholder='分组名称'
                placeholderClass='ui-placeholder'
                data-testid={`exp-arm-name-${i}`}
                onInput={(e) => setArm(i, { name: e.detail.value })}
              />
              <Input
                className={`ui-input xe-arm-weight${errors[`arms.${i}`] ? ' xe-input-bad' : ''}`}
                type='number'
                value={a.weight}
                maxlength={2}
                data-testid={`exp-arm-weight-${i}`}
                onInput={(e) => setArm(i, { weight: e.detail.value })}
              />
              <Text className='xe-pct'>%</Text>
              {form.arms.length > 2 && i > 0 ? (
                <Text className='xe-arm-del' data-testid={`exp-arm-del-${i}`} onClick={() => set({ arms: form.arms.filter((_, j) => j !== i) }, 'arms')}>
                  删除
                </Text>
              ) : null}
            </View>
            {errors[`arms.${i}`] ? (
              <Text className='xe-error' data-testid={`exp-arm-error-${i}`}>
                {errors[`arms.${i}`]}
              </Text>
            ) : null}
          </View>
        ))}
        <View className='xe-arm-foot'>
          <Text className={`xe-sum${Number.isFinite(sum) && sum !== 100 ? ' xe-sum-bad' : ''}`} data-testid='exp-arm-sum'>
            合计 {Number.isFinite(sum) ? sum : '—'}%
          </Text>
          {form.arms.length < MAX_ARMS ? (
            <Button size='small' testId='exp-arm-add' onClick={() => set({ arms: [...form.arms, { name: `实验组${form.arms.length}`, weight: '' }] }, 'arms')}>
              + 添加分组
            </Button>
          ) : null}
        </View>
        {errors.arms ? (
          <Text className='xe-error' data-testid='exp-arms-error'>
            {errors.arms}
          </Text>
        ) : null}
      </View>

      <View className='section'>
        <Text className='section-title'>覆盖哪些同学</Text>
        <TextField
          label='覆盖比例（%）'
          type='number'
          required
          maxlength={3}
          value={form.coverage}
          error={errors.coverage}
          hint='符合条件的同学里有多少进入实验，其余同学不受影响'
          onInput={(coverage) => set({ coverage }, 'coverage')}
          onBlur={blur('coverage')}
          testId='exp-coverage'
        />
        <Field label='年级' error={errors.grades} hint='不选表示所有年级' testId='exp-grades'>
          <View className='xe-chips'>
            {GRADES.map((g) => (
              <Text
                key={g}
                className={`chip${form.grades.includes(g) ? ' chip-on' : ''}`}
                data-testid={`exp-grade-${g}`}
                onClick={() => set({ grades: toggled(form.grades, g) }, 'grades')}
              >
                {g}
              </Text>
            ))}
          </View>
        </Field>
      </View>

      <View className='section'>
        <Text className='section-title'>指标</Text>
        <Text className='xe-note xe-note-strong' data-testid='exp-metrics-note'>
          主要指标和护栏指标要在开始前定好，开始后不能再改：看到数据再挑指标，结论就不可信了。
        </Text>
        <Field label='主要指标' required error={errors.primaryMetric} testId='exp-primary'>
          <View className='xe-chips'>
            {EXPERIMENT_METRICS.map((m) => (
              <Text
                key={m}
                className={`chip${form.primaryMetric === m ? ' chip-on' : ''}`}
                data-testid={`exp-primary-${m}`}
                onClick={() => set({ primaryMetric: m, guardrails: form.guardrails.filter((g) => g !== m) }, 'primaryMetric', 'guardrails')}
              >
                {METRIC_DEFINITIONS[m].name}
              </Text>
            ))}
          </View>
          {primary ? <Text className='xe-help'>{primary.help}</Text> : null}
        </Field>
        <Field label='护栏指标' error={errors.guardrails} hint='不希望变差的指标，最多 4 个；明显变差时结果页会标出' testId='exp-guardrails'>
          <View className='xe-chips'>
            {EXPERIMENT_METRICS.filter((m) => m !== form.primaryMetric).map((m) => (
              <Text
                key={m}
                className={`chip${form.guardrails.includes(m) ? ' chip-on' : ''}`}
                data-testid={`exp-guardrail-${m}`}
                onClick={() => set({ guardrails: toggled(form.guardrails, m) }, 'guardrails')}
              >
                {METRIC_DEFINITIONS[m].name}
              </Text>
            ))}
          </View>
        </Field>
        <TextField
          label='观察期（天）'
          type='number'
          required
          maxlength={3}
          value={form.windowDays}
          error={errors.windowDays}
          hint='每位同学从进入实验起算这么多天的行为，7-120 天'
          onInput={(windowDays) => set({ windowDays }, 'windowDays')}
          onBlur={blur('windowDays')}
          testId='exp-window'
        />
      </View>

      <View className='section'>
        <Text className='section-title'>时间与问卷</Text>
        <DateTimeField
          label='开始时间'
          required
          day={form.startDay}
          clock={form.startClock}
          error={errors.startAt}
          hint='北京时间；点“开始实验”后、到这个时间才开始分组'
          onChange={(startDay, startClock) => set({ startDay, startClock }, 'startAt', 'stopAt')}
          testId='exp-start'
        />
        <DateTimeField
          label='结束时间'
          required
          day={form.stopDay}
          clock={form.stopClock}
          error={errors.stopAt}
          onChange={(stopDay, stopClock) => set({ stopDay, stopClock }, 'stopAt')}
          testId='exp-stop'
        />
        <TextField
          label='问卷抽样（%）'
          type='number'
          maxlength={3}
          value={form.surveyPercent}
          error={errors.surveyPercent}
          hint='每组抽这么多同学，进入实验一周后请他们填满意度问卷（匿名，不送任何奖励）；0 表示不发'
          onInput={(surveyPercent) => set({ surveyPercent }, 'surveyPercent')}
          onBlur={blur('surveyPercent')}
          testId='exp-survey'
        />
      </View>
      {errors._ ? <Text className='xe-form-error'>{errors._}</Text> : null}
      <View className='xe-actions'>
        <Button onClick={onCancel} testId='exp-cancel'>
          取消
        </Button>
        <Button type='primary' testId='exp-save' onClick={save}>
          保存草稿
        </Button>
      </View>
    </View>
  );
}
