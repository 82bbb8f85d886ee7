// 实验: the shop's A/B experiments, each with its state, what the treatment switches on, the
// primary metric, the arms and the dates (campus time). 新建实验 opens the editor; a saved draft
// opens on its own page, where it is started.
import { type ExperimentView, TREATMENT_NAMES } from '@core/contracts/experiments';
import { METRIC_DEFINITIONS } from '@core/metrics';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { listExperiments } from '../../../api/experiments';
import { Button, Empty, Tag } from '../../../components/ui';
import { formatDate, formatShortDateTime } from '../../../utils/time';
import { ExperimentEditor } from './ExperimentEditor';
import { armsLine, STATUS_NAMES, STATUS_TONES, waitingToStart } from './status';
import './index.css';

const open = (id: string) => Taro.navigateTo({ url: `/packages/insights/experiment/index?id=${encodeURIComponent(id)}` });

function ExperimentCard({ e }: { e: ExperimentView }) {
  return (
    <View className='section xl-card' data-testid='experiment-item' onClick={() => open(e.id)}>
      <View className='xl-row'>
        <Text className='xl-name'>{e.name}</Text>
        <Tag tone={STATUS_TONES[e.status]} testId='experiment-status'>
          {STATUS_NAMES[e.status]}
        </Tag>
      </View>
      <Text className='xl-line'>实验组打开：{e.treatments.map((t) => TREATMENT_NAMES[t]).join('；')}</Text>
      <Text className='xl-line'>主要指标：{METRIC_DEFINITIONS[e.primaryMetric].name}</Text>
      <Text className='xl-line xl-muted'>{armsLine(e)}</Text>
      <Text className='xl-line xl-muted'>
        {e.status === 'stopped' && e.stoppedAt
          ? `${formatDate(e.startAt)} 至 ${formatDate(e.stoppedAt)}（已提前结束）`
          : `${formatDate(e.startAt)} 至 ${formatDate(e.stopAt)}`}
      </Text>
      {waitingToStart(e, Date.now()) ? <Text className='xl-line xl-wait'>{formatShortDateTime(e.startAt)} 开始分组</Text> : null}
    </View>
  );
}

export default function Experiments() {
  const [items, setItems] = useState<ExperimentView[] | null>(null);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);
  const load = async () => {
    setError('');
    const res = await listExperiments();
    if (!res.ok) return setError(res.message);
    setItems(res.data);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  if (creating)
    return (
      <View className='page xl-page'>
        <ExperimentEditor
          onCancel={() => setCreating(false)}
          onDone={(id) => {
            setCreating(false);
            void load();
            void open(id);
          }}
        />
      </View>
    );
  if (!items)
    return (
      <View className='page'>
        {error ? (
          <Empty title='加载失败' hint={error} actionText='重试' onAction={load} testId='experiments-error' />
        ) : (
          <Text className='xl-loading'>加载中…</Text>
        )}
      </View>
    );
  return (
    <View className='page xl-page'>
      <Text className='xl-note'>把课表推荐、达人笔记和常规推广放在一起比：同学随机分到对照组和实验组，看复购、购买频次和满意度有没有真的变好。</Text>
      <View className='xl-top'>
        <Button type='primary' size='small' testId='experiment-new' onClick={() => setCreating(true)}>
          + 新建实验
        </Button>
      </View>
      {items.length === 0 ? (
        <Empty title='还没有实验' hint='新建一个实验：选好实验组打开的功能、分组和主要指标，保存后再开始' testId='experiments-empty' />
      ) : (
        items.map((e) => <ExperimentCard key={e.id} e={e} />)
      )}
    </View>
  );
}
