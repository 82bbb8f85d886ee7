// What the merchant can do with an experiment in its state: a draft is edited or started (its
// design is fixed from then on), a running one gets new weights (assigned students keep their
// arm) or is stopped. Each asks first, saying what follows.
import type { ExperimentView } from '@core/contracts/experiments';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { setExperimentWeights, startExperiment, stopExperiment } from '../../../api/experiments';
import { Button, Dialog, toast } from '../../../components/ui';
import { formatShortDateTime } from '../../../utils/time';
import { checkWeights } from '../experiments/experiment-form';

type Open = 'start' | 'stop' | 'weights' | null;

export function Controls({ e, onChanged, onEdit }: { e: ExperimentView; onChanged: () => unknown; onEdit: () => void }) {
  const [open, setOpen] = useState<Open>(null);
  const [weights, setWeights] = useState<string[]>([]);
  const [weightError, setWeightError] = useState('');
  const close = () => setOpen(null);
  /** Runs an action; a refusal stays in the dialog as a toast, a success reloads the page. */
  const run = async (act: () => Promise<{ ok: boolean; message?: string }>, done: string) => {
    const res = await act();
    if (!res.ok) {
      toast(res.message ?? '操作失败，请重试');
      return false;
    }
    toast(done, 'success');
    await onChanged();
    return true;
  };
  const saveWeights = async () => {
    const checked = checkWeights(weights);
    if (!checked.weights) {
      setWeightError(checked.error);
      return false;
    }
    return run(() => setExperimentWeights(e.id, checked.weights as number[]), '比例已调整');
  };
  return (
    <View className='xc' data-testid='experiment-controls'>
      {e.status === 'draft' ? (
        <>
          <Button testId='experiment-edit' onClick={onEdit}>
            编辑设计
          </Button>
          <Button type='primary' testId='experiment-start' onClick={() => setOpen('start')}>
            开始实验
          </Button>
        </>
      ) : null}
      {e.status === 'running' ? (
        <>
          <Button
            testId='experiment-weights'
            onClick={() => {
              setWeights(e.arms.map((a) => String(a.weight)));
              setWeightError('');
              setOpen('weights');
            }}
          >
            调整比例
          </Button>
          <Button type='danger' testId='experiment-stop' onClick={() => setOpen('stop')}>
            结束实验
          </Button>
        </>
      ) : null}
      {e.status === 'stopped' ? <Text className='xc-note'>实验已结束，不再有同学进入；结果保留。</Text> : null}

      <Dialog
        open={open === 'start'}
        title='开始实验？'
        confirmText='开始'
        testId='start-dialog'
        onCancel={close}
        onConfirm={() => run(() => startExperiment(e.id), '实验已开始')}
      >
        <Text>
          开始后设计就固定了：分组、覆盖范围、主要指标和护栏指标、观察期和时间都不能再改，只能调整比例或结束实验。
          {e.startAt > Date.now() ? `到 ${formatShortDateTime(e.startAt)} 才开始分组。` : ''}
        </Text>
      </Dialog>
      <Dialog
        open={open === 'stop'}
        title='结束实验？'
        confirmText='结束'
        confirmType='danger'
        testId='stop-dialog'
        onCancel={close}
        onConfirm={() => run(() => stopExperiment(e.id), '实验已结束')}
      >
        <Text>结束后不再有新同学进入，对照组的同学也会恢复看到这些功能；已有的数据和结果保留。结束后不能重新开始。</Text>
      </Dialog>
      <Dialog open={open === 'weights'} title='调整比例' confirmText='保存' testId='weights-dialog' onCancel={close} onConfirm={saveWeights}>
        <Text className='xc-explain'>已经分好组的同学留在原来的组，不会换组；新比例只用于之后第一次进入实验的同学。样本比例检查从调整后重新计算。</Text>
        {e.arms.map((a, i) => (
          <View key={a.name} className='xc-weight'>
            <Text className='xc-weight-name'>{a.name}</Text>
            <Input
              className='ui-input xc-weight-input'
              type='number'
              maxlength={2}
              value={weights[i] ?? ''}
              data-testid={`weights-input-${i}`}
              onInput={(ev) => {
                const next = [...weights];
                next[i] = ev.detail.value;
                setWeights(next);
                setWeightError('');
              }}
            />
            <Text className='xc-pct'>%</Text>
          </View>
        ))}
        {weightError ? (
          <Text className='xc-error' data-testid='weights-error'>
            {weightError}
          </Text>
        ) : null}
      </Dialog>
    </View>
  );
}
