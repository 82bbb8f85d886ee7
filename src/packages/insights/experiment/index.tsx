// 实验详情: the design, what can be done with it now (start a draft, adjust or stop a running
// one), and the results the rollup has counted so far: per arm who entered and bought; per
// treatment arm every metric against the control with lift, 95% interval and p (the primary
// metric first, guardrails flagged); satisfaction per dimension with Cronbach's alpha; a red
// banner when the arms' sizes do not match their weights (SRM); and what each metric means.
import type { ExperimentResults } from '@core/contracts/experiments';
import { EXPERIMENT_METRICS, LOW_DATA_BUYERS, METRIC_DEFINITIONS, SATISFACTION_HELP } from '@core/metrics';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { experimentResults } from '../../../api/experiments';
import { Empty, Tag } from '../../../components/ui';
import { formatDate, formatShortDateTime, formatTime } from '../../../utils/time';
import { ExperimentEditor } from '../experiments/ExperimentEditor';
import { STATUS_NAMES, STATUS_TONES, waitingToStart } from '../experiments/status';
import { Controls } from './Controls';
import { Design } from './Design';
import { asOfLine, formatSrmP } from './format';
import { MetricTable } from './MetricTable';
import { SatisfactionTable } from './SatisfactionTable';
import './index.css';

function Arms({ r }: { r: ExperimentResults }) {
  return (
    <View className='xa' data-testid='arms'>
      <View className='xa-tr xa-th'>
        <Text className='xa-name'>分组</Text>
        <Text className='xa-num'>比例</Text>
        <Text className='xa-num'>进入实验</Text>
        <Text className='xa-num'>购买人数</Text>
      </View>
      {r.arms.map((a, i) => (
        <View key={a.name} className='xa-tr' data-testid='arm-row'>
          <Text className='xa-name'>
            {a.name}
            {i === 0 && !a.name.includes('对照') ? <Text className='xa-control'>（对照）</Text> : null}
          </Text>
          <Text className='xa-num'>{a.weight}%</Text>
          <Text className='xa-num' data-testid='arm-exposed'>
            {a.exposed}
          </Text>
          <Text className='xa-num' data-testid='arm-buyers'>
            {a.buyers}
          </Text>
        </View>
      ))}
    </View>
  );
}

function Results({ r }: { r: ExperimentResults }) {
  const e = r.experiment;
  const control = r.arms[0]?.name ?? '对照组';
  const exposed = r.arms.reduce((s, a) => s + a.exposed, 0);
  const lowData = r.comparisons.some((c) => c.metrics.some((m) => m.lowData));
  return (
    <>
      {r.srm?.mismatch ? (
        <View className='xr-srm' data-testid='srm-banner'>
          <Text>样本比例异常：分组人数与设定比例不符（{formatSrmP(r.srm.p)}），结果可能不可信，请检查分组和埋点</Text>
        </View>
      ) : null}
      <View className='section'>
        <Text className='section-title'>分组人数</Text>
        <Arms r={r} />
        {exposed === 0 ? <Text className='xr-empty'>还没有同学进入实验：同学第一次遇到实验的功能（比如首页的课间推荐）时分组。</Text> : null}
      </View>
      {exposed > 0 && lowData ? (
        <Text className='xr-lowdata' data-testid='low-data-note'>
          数据还少：每组购买人数不到 {LOW_DATA_BUYERS} 人时，复购率和购买转化率的区间很宽，先别下结论。
        </Text>
      ) : null}
      {exposed > 0
        ? r.comparisons.map((c) => (
            <View key={c.arm} className='section' data-testid='comparison'>
              <Text className='section-title'>
                {r.arms[c.arm]?.name} 对比 {control}
              </Text>
              <MetricTable
                metrics={c.metrics}
                primary={e.primaryMetric}
                guardrails={e.guardrails}
                controlName={control}
                treatmentName={r.arms[c.arm]?.name ?? `组${c.arm}`}
              />
            </View>
          ))
        : null}
      {exposed > 0 ? (
        <View className='section' data-testid='satisfaction'>
          <Text className='section-title'>满意度（百分制）</Text>
          {r.comparisons.map((c) => (
            <View key={c.arm} className='xs-block'>
              {r.comparisons.length > 1 ? (
                <Text className='xs-title'>
                  {r.arms[c.arm]?.name} 对比 {control}
                </Text>
              ) : null}
              <SatisfactionTable
                rows={c.satisfaction}
                satisfaction={r.satisfaction}
                arm={c.arm}
                controlName={control}
                treatmentName={r.arms[c.arm]?.name ?? ''}
              />
            </View>
          ))}
          <Text className='xr-foot'>{SATISFACTION_HELP} p 来自两组的 Welch t 检验；α 是 Cronbach's α，低于 0.7 时这个维度的题目答得不一致，分数仅供参考。</Text>
        </View>
      ) : null}
    </>
  );
}

function Help() {
  return (
    <View className='section' data-testid='metric-help-section'>
      <Text className='section-title'>指标说明</Text>
      {EXPERIMENT_METRICS.map((m) => (
        <View key={m} className='xh'>
          <Text className='xh-name'>{METRIC_DEFINITIONS[m].name}</Text>
          <Text className='xh-text'>{METRIC_DEFINITIONS[m].help}</Text>
        </View>
      ))}
      <View className='xh'>
        <Text className='xh-name'>满意度</Text>
        <Text className='xh-text'>{SATISFACTION_HELP}</Text>
      </View>
      <View className='xh'>
        <Text className='xh-name'>提升、区间和 p</Text>
        <Text className='xh-text'>
          相对提升 =（实验组 − 对照组）÷ 对照组；95% 区间是提升可能的范围，跨过 0 说明还分不出高低；p 小于 0.05 标为显著。只在观察期内、只算本店的订单。
        </Text>
      </View>
      <View className='xh'>
        <Text className='xh-name'>样本比例检查</Text>
        <Text className='xh-text'>各组进入实验的人数应当接近设定比例；卡方检验 p 小于 0.001 时出现红色提示，通常是分组或埋点出了问题。</Text>
      </View>
    </View>
  );
}

export default function ExperimentPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const [r, setR] = useState<ExperimentResults | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState(false);
  const load = async () => {
    if (!id) return setError('没有指定实验');
    setError('');
    const res = await experimentResults(id);
    if (!res.ok) return setError(res.message);
    setR(res.data);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  if (!r)
    return (
      <View className='page'>
        {error ? (
          <Empty
            title='加载失败'
            hint={error}
            actionText='重试'
            onAction={load}
            secondaryText='返回'
            onSecondary={() => Taro.navigateBack()}
            testId='experiment-error'
          />
        ) : (
          <Text className='xr-loading'>加载中…</Text>
        )}
      </View>
    );
  const e = r.experiment;
  if (editing)
    return (
      <View className='page xr-page'>
        <ExperimentEditor
          draft={e}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            void load();
          }}
        />
      </View>
    );
  const now = Date.now();
  return (
    <View className='page xr-page' data-testid='experiment-page'>
      <View className='section'>
        <View className='xr-title-row'>
          <Text className='xr-title'>{e.name}</Text>
          <Tag tone={STATUS_TONES[e.status]} testId='experiment-status'>
            {STATUS_NAMES[e.status]}
          </Tag>
        </View>
        <Text className='xr-sub' data-testid='experiment-asof'>
          {e.status === 'draft'
            ? `草稿 · 计划 ${formatDate(e.startAt)} 开始`
            : waitingToStart(e, now)
              ? `${formatShortDateTime(e.startAt)} 开始分组`
              : asOfLine(r.asOf, now, formatTime, formatShortDateTime, formatDate)}
        </Text>
        <Controls e={e} onChanged={load} onEdit={() => setEditing(true)} />
      </View>
      {e.status === 'draft' ? <Text className='xr-lowdata'>开始实验后，这里显示各组人数和结果。</Text> : <Results r={r} />}
      <View className='section'>
        <Text className='section-title'>实验设计</Text>
        <Design e={e} />
      </View>
      <Help />
    </View>
  );
}
