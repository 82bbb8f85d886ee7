// The satisfaction survey per arm: each dimension's mean on 100 for the control and one treatment
// arm, Welch's p, and Cronbach's alpha of the dimension's items in each arm (how consistently
// its items were answered; below about 0.7 the dimension's score is shaky).
import type { Comparison, ExperimentResults } from '@core/contracts/experiments';
import { DIMENSION_NAMES } from '@core/experiments/survey';
import { Text, View } from '@tarojs/components';
import { dimensionOf, formatAlpha, formatP, formatValue, significant } from './format';

export function SatisfactionTable({
  rows,
  satisfaction,
  arm,
  controlName,
  treatmentName,
}: {
  rows: Comparison[];
  satisfaction: ExperimentResults['satisfaction'];
  arm: number;
  controlName: string;
  treatmentName: string;
}) {
  const answered = satisfaction.some((s) => (s.n[0] ?? 0) + (s.n[arm] ?? 0) > 0);
  if (!answered) return <Text className='xs-empty'>还没有同学答问卷：进入实验满一周的抽样同学会在“我的”里看到问卷。</Text>;
  const nOf = (i: number) => Math.max(0, ...satisfaction.map((s) => s.n[i] ?? 0));
  return (
    <View className='xs-table' data-testid='satisfaction-table'>
      <View className='xs-tr xs-th'>
        <Text className='xs-dim'>维度</Text>
        <View className='xs-num'>
          <Text className='xs-arm'>{controlName}</Text>
          <Text className='xs-arm-n'>n={nOf(0)}</Text>
        </View>
        <View className='xs-num'>
          <Text className='xs-arm'>{treatmentName}</Text>
          <Text className='xs-arm-n'>n={nOf(arm)}</Text>
        </View>
        <Text className='xs-p'>p</Text>
        <Text className='xs-alpha'>α 对照/实验</Text>
      </View>
      {rows.map((c) => {
        const d = dimensionOf(c);
        if (!d) return null;
        const s = satisfaction.find((x) => x.dimension === d);
        return (
          <View key={d} className={`xs-tr${significant(c) ? ' xs-sig' : ''}`} data-testid='satisfaction-row'>
            <Text className='xs-dim'>{DIMENSION_NAMES[d]}</Text>
            <Text className='xs-num'>{c.control.n ? formatValue('score', c.control.value) : '—'}</Text>
            <Text className='xs-num'>{c.treatment.n ? formatValue('score', c.treatment.value) : '—'}</Text>
            <Text className='xs-p'>{formatP(c.p).replace(/^p\s*=?\s*/, '')}</Text>
            <Text className='xs-alpha'>
              {formatAlpha(s?.alpha[0] ?? null)}/{formatAlpha(s?.alpha[arm] ?? null)}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
