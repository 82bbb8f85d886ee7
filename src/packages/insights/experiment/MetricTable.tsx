// One treatment arm against the control on every metric: the primary metric first and
// highlighted, guardrails next (flagged when they move the wrong way significantly), then the
// rest; each row with both values and n, the relative lift, its 95% interval drawn as a bar
// around zero, and p. ⓘ opens the metric's definition.
import type { Comparison } from '@core/contracts/experiments';
import type { ExperimentMetric } from '@core/metrics';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Tag } from '../../../components/ui';
import { axisOf, barOf, formatInterval, formatLift, formatP, formatValue, type MetricRow, metricRows } from './format';

export function IntervalBar({ c, axis }: { c: Pick<Comparison, 'low' | 'high' | 'lift'>; axis: number }) {
  const bar = barOf(c, axis);
  return (
    <View className='xr-track'>
      <View className='xr-zero' />
      {bar ? (
        <>
          <View
            className={`xr-span${c.low !== null && c.low > 0 ? ' xr-span-up' : c.high !== null && c.high < 0 ? ' xr-span-down' : ''}`}
            style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
          />
          <View className='xr-mark' style={{ left: `${bar.mark}%` }} />
        </>
      ) : null}
    </View>
  );
}

function Row({ row, axis, controlName, treatmentName }: { row: MetricRow; axis: number; controlName: string; treatmentName: string }) {
  const [help, setHelp] = useState(false);
  const c = row.comparison;
  const cls = ['xr-row', row.role === 'primary' ? 'xr-primary' : '', row.alarm ? 'xr-alarm' : ''].filter(Boolean).join(' ');
  const interval = formatInterval(c.low, c.high);
  return (
    <View className={cls} data-testid='metric-row' data-metric={row.metric} data-significant={row.significant ? 'yes' : 'no'}>
      <View className='xr-head'>
        <Text className='xr-name'>{row.def.name}</Text>
        <Text className='xr-info' data-testid='metric-info' onClick={() => setHelp(!help)}>
          ⓘ
        </Text>
        <View className='xr-tags'>
          {row.role === 'primary' ? <Tag tone='success'>主要指标</Tag> : row.role === 'guardrail' ? <Tag tone='neutral'>护栏</Tag> : null}
          {row.alarm ? (
            <Tag tone='danger' testId='metric-alarm'>
              明显变差
            </Tag>
          ) : row.significant ? (
            <Tag tone={row.verdict === 'worse' ? 'danger' : 'info'} testId='metric-significant'>
              显著
            </Tag>
          ) : null}
          {c.lowData ? <Tag tone='warning'>数据少</Tag> : null}
        </View>
      </View>
      {help ? (
        <Text className='xr-help' data-testid='metric-help'>
          {row.def.help}
        </Text>
      ) : null}
      <View className='xr-values'>
        <View className='xr-val'>
          <Text className='xr-val-label'>{controlName}</Text>
          <Text className='xr-val-num' data-testid='metric-control'>
            {formatValue(row.def.format, c.control.value)}
          </Text>
          <Text className='xr-n'>n={c.control.n}</Text>
        </View>
        <View className='xr-val'>
          <Text className='xr-val-label'>{treatmentName}</Text>
          <Text className='xr-val-num' data-testid='metric-treatment'>
            {formatValue(row.def.format, c.treatment.value)}
          </Text>
          <Text className='xr-n'>n={c.treatment.n}</Text>
        </View>
        <View className='xr-val xr-val-lift'>
          <Text className='xr-val-label'>相对提升</Text>
          <Text className={`xr-lift${row.verdict === 'better' ? ' xr-good' : row.verdict === 'worse' ? ' xr-bad' : ''}`} data-testid='metric-lift'>
            {formatLift(c.lift)}
          </Text>
          <Text className='xr-n' data-testid='metric-p'>
            {formatP(c.p)}
          </Text>
        </View>
      </View>
      <View className='xr-ci-row'>
        <IntervalBar c={c} axis={axis} />
        <Text className='xr-ci' data-testid='metric-interval'>
          {interval ? `95% 区间 ${interval}` : '对照为 0，算不出提升'}
        </Text>
      </View>
    </View>
  );
}

export function MetricTable({
  metrics,
  primary,
  guardrails,
  controlName,
  treatmentName,
}: {
  metrics: Comparison[];
  primary: ExperimentMetric;
  guardrails: ExperimentMetric[];
  controlName: string;
  treatmentName: string;
}) {
  const rows = metricRows(metrics, primary, guardrails);
  const axis = axisOf(metrics);
  return (
    <View data-testid='metric-table'>
      {rows.map((r) => (
        <Row key={r.metric} row={r} axis={axis} controlName={controlName} treatmentName={treatmentName} />
      ))}
      <Text className='xr-axis'>条形是提升的 95% 区间，中线为 0（±{Math.round(axis * 100)}%）；区间不跨过 0、p &lt; 0.05 时标“显著”。</Text>
    </View>
  );
}
