// The dashboard's building blocks: a figure with its definition one tap away, a plain table,
// and reminders and precision cards by scene and segment.
import type { DashboardView, TouchDimension, TouchFamily } from '@core/contracts/analytics';
import { DASHBOARD_METRICS, type DashboardMetric, formatMetric, MIN_SEGMENT_STUDENTS, ratio } from '@core/metrics';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { DIMENSION_LABELS, FAMILY_LABELS } from './labels';

export function MetricTile({ k, value, sub, onHelp }: { k: DashboardMetric; value: string; sub?: string; onHelp: (k: DashboardMetric) => void }) {
  return (
    <View className='db-tile' data-testid={`metric-${k}`} onClick={() => onHelp(k)}>
      <Text className='db-tile-label'>{DASHBOARD_METRICS[k].label} ⓘ</Text>
      <Text className='db-tile-value'>{value}</Text>
      {sub ? <Text className='db-tile-sub'>{sub}</Text> : null}
    </View>
  );
}

export function Table({ head, rows, testId }: { head: string[]; rows: (string | number)[][]; testId?: string }) {
  return (
    <View className='db-table' data-testid={testId}>
      <View className='db-row db-row-head'>
        {head.map((h) => (
          <Text key={h}>{h}</Text>
        ))}
      </View>
      {rows.map((r) => (
        <View key={String(r[0])} className='db-row'>
          {r.map((c, i) => (
            <Text key={i}>{c}</Text>
          ))}
        </View>
      ))}
    </View>
  );
}

const FAMILIES: TouchFamily[] = ['card', 'reminder'];
const DIMENSIONS: TouchDimension[] = ['scene', 'grade', 'major', 'campus'];

export function TouchSection({ view, onHelp }: { view: DashboardView; onHelp: (k: DashboardMetric) => void }) {
  const [family, setFamily] = useState<TouchFamily>('card');
  const [dimension, setDimension] = useState<TouchDimension>('scene');
  const rows = view.touches.filter((r) => r.family === family && r.dimension === dimension);
  const pct = (n: number, d: number) => formatMetric(ratio(n, d), 'percent');
  return (
    <View className='section' data-testid='dashboard-touches'>
      <Text className='section-title'>提醒与精准卡片 · {view.campus?.name ?? '本校'}</Text>
      <View>
        {FAMILIES.map((f) => (
          <Text key={f} className={`chip ${family === f ? 'chip-on' : ''}`} onClick={() => setFamily(f)} data-testid={`touch-family-${f}`}>
            {FAMILY_LABELS[f]}
          </Text>
        ))}
      </View>
      <View>
        {DIMENSIONS.map((d) => (
          <Text key={d} className={`chip ${dimension === d ? 'chip-on' : ''}`} onClick={() => setDimension(d)} data-testid={`touch-dimension-${d}`}>
            {DIMENSION_LABELS[d]}
          </Text>
        ))}
      </View>
      {rows.length ? (
        <Table
          head={[DIMENSION_LABELS[dimension], '同学', '送达', '打开率', '转化率']}
          rows={rows.map((r) => [r.label, r.students, r.delivered, pct(r.opened, r.delivered), pct(r.converted, r.opened)])}
          testId='dashboard-touch-rows'
        />
      ) : (
        <Text className='muted'>这段时间没有可显示的分组。</Text>
      )}
      {view.touchesHidden ? (
        <Text className='muted db-note' data-testid='dashboard-touch-hidden'>
          {view.touchesHidden} 个分组不足 {MIN_SEGMENT_STUDENTS} 位同学，未显示，以免认出个人。
        </Text>
      ) : null}
      <Text className='muted db-note' onClick={() => onHelp('conversionRate')}>
        打开率 = 打开 ÷ 送达；转化率 = 24 小时内付款的打开 ÷ 打开 ⓘ
      </Text>
    </View>
  );
}
