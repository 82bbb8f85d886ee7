// The design as declared: what it tests, who it covers, what it measures, when.
import { type ExperimentView, TREATMENT_NAMES } from '@core/contracts/experiments';
import { METRIC_DEFINITIONS } from '@core/metrics';
import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../../../utils/time';
import { armsLine } from '../experiments/status';

function Line({ label, children }: { label: string; children: string }) {
  return (
    <View className='xd-line'>
      <Text className='xd-label'>{label}</Text>
      <Text className='xd-value'>{children}</Text>
    </View>
  );
}

export function Design({ e }: { e: ExperimentView }) {
  return (
    <View data-testid='experiment-design'>
      {e.hypothesis ? <Line label='假设'>{e.hypothesis}</Line> : null}
      <Line label='实验组打开'>{e.treatments.map((t) => TREATMENT_NAMES[t]).join('；')}</Line>
      <Line label='分组'>{armsLine(e)}</Line>
      <Line label='覆盖'>{`${e.coverage}% 的${e.grades.length ? e.grades.join('、') : '所有年级'}同学`}</Line>
      <Line label='主要指标'>{METRIC_DEFINITIONS[e.primaryMetric].name}</Line>
      <Line label='护栏指标'>{e.guardrails.length ? e.guardrails.map((g) => METRIC_DEFINITIONS[g].name).join('、') : '无'}</Line>
      <Line label='观察期'>{`每位同学进入实验后 ${e.windowDays} 天`}</Line>
      <Line label='时间'>{`${formatDateTime(e.startAt)} 至 ${formatDateTime(e.stoppedAt ?? e.stopAt)}`}</Line>
      <Line label='问卷抽样'>{e.surveyPercent ? `每组 ${e.surveyPercent}%，进入实验一周后` : '不发问卷'}</Line>
    </View>
  );
}
