// One application as its applicant sees it: the state and the next step, a rejection's reason
// and when to apply again, the interview slots to pick from, the trial (products, end, goals)
// with its progress from trialMetrics, and 撤回申请 while it is open.
import type { ApplicationView, KocResults } from '@core/contracts/koc';
import { OPEN_STATES, PIPELINE_NAMES } from '@core/koc-pipeline';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { getProduct } from '../../../api/catalog';
import { pickInterviewSlot, trialMetrics, withdrawKocApplication } from '../../../api/koc';
import { Button, Dialog, Tag, toast } from '../../../components/ui';
import { formatDate, formatDateTime } from '../../../utils/time';
import { STATE_TONES } from '../centre/tones';

type Metrics = KocResults['trialMetrics'];

export function ApplicationCard({ app, onChanged, onReapply }: { app: ApplicationView; onChanged: () => void; onReapply: () => void }) {
  const [withdrawing, setWithdrawing] = useState(false);
  const [metrics, setMetrics] = useState<Metrics | null>(null);
  const [metricsError, setMetricsError] = useState('');
  const [titles, setTitles] = useState<Record<string, string>>({});
  const trial = app.trial;

  useEffect(() => {
    if (!trial) return;
    void trialMetrics(app.id).then((r) => (r.ok ? setMetrics(r.data) : setMetricsError(r.message)));
    void Promise.all(trial.productIds.map((id) => getProduct(id))).then((rs) =>
      setTitles(Object.fromEntries(rs.flatMap((r, i) => (r.ok ? [[trial.productIds[i], r.data.title]] : [])))),
    );
  }, [app.id, trial]);

  const pick = async (slot: number) => {
    const res = await pickInterviewSlot(app.id, slot);
    if (!res.ok) return toast(res.message);
    toast('已选好面试时间', 'success');
    onChanged();
  };
  const withdraw = async () => {
    const res = await withdrawKocApplication(app.id);
    if (!res.ok) throw new Error(res.message);
    toast('已撤回');
    onChanged();
  };

  const now = Date.now();
  const canReapply = app.state === 'withdrawn' || (app.state === 'rejected' && (app.reapplyAt ?? 0) <= now);
  return (
    <View>
      <View className='section'>
        <View className='ka-state-row'>
          <Text className='ka-state-label'>申请状态</Text>
          <Tag tone={STATE_TONES[app.state]} testId='app-state'>
            {PIPELINE_NAMES[app.state]}
          </Tag>
        </View>
        <Text className='ka-next' data-testid='app-next'>
          {app.next}
        </Text>
        <Text className='muted'>提交于 {formatDateTime(app.createdAt)}</Text>
        {app.state === 'rejected' ? (
          <View className='ka-rejected' data-testid='app-reject'>
            <Text className='ka-line'>原因：{app.rejectReason || '商家没有写原因'}</Text>
            {app.reapplyAt && app.reapplyAt > now ? <Text className='ka-line'>{formatDate(app.reapplyAt)} 之后可以重新申请</Text> : null}
          </View>
        ) : null}
        {canReapply ? (
          <Button type='primary' size='small' className='ka-reapply' onClick={onReapply} testId='app-reapply'>
            重新申请
          </Button>
        ) : null}
      </View>

      {app.state === 'screened' && app.slots.length > 0 ? (
        <View className='section'>
          <Text className='section-title'>选一个面试时间</Text>
          {app.slots.map((s, i) => (
            // The server's clock decides whether a slot has passed (the local cloud's can be moved).
            <View key={s} className='ka-slot' data-testid={`slot-${i}`} onClick={() => pick(s)}>
              <Text>{formatDateTime(s)}</Text>
              <Text className='ka-slot-go'>选这个</Text>
            </View>
          ))}
          <Text className='muted'>北京时间；选好后商家按这个时间联系你。</Text>
        </View>
      ) : null}
      {app.pickedSlot ? (
        <View className='section'>
          <Text className='section-title'>面试时间</Text>
          <Text data-testid='app-picked-slot'>{formatDateTime(app.pickedSlot)}</Text>
        </View>
      ) : null}

      {trial ? (
        <View className='section' data-testid='trial-metrics'>
          <Text className='section-title'>试用</Text>
          <Text className='ka-line'>试用商品：{trial.productIds.map((id) => titles[id] ?? '试用商品').join('、')}（¥0 订单，在我的订单里查看和取货）</Text>
          <Text className='ka-line'>截止：{formatDateTime(trial.endsAt)}</Text>
          <Text className='ka-line'>
            目标：{trial.goals.notes > 0 ? `${trial.goals.notes} 篇笔记、` : ''}通过你的分享成交 {trial.goals.orders} 单
          </Text>
          {metrics ? (
            <View className='ka-figures'>
              <Figure label='卡片浏览' n={metrics.figures.cardViews} />
              <Figure label='访客' n={metrics.figures.uniqueVisitors} />
              <Figure label='成交' n={metrics.figures.orders} />
              <Figure label='综合得分' n={metrics.score} testId='trial-score' />
            </View>
          ) : (
            <Text className='muted'>{metricsError || '试用数据加载中…'}</Text>
          )}
          {metrics && !metrics.notesCounted ? <Text className='muted'>笔记数据在笔记功能上线后统计。</Text> : null}
        </View>
      ) : null}

      {OPEN_STATES.includes(app.state) ? (
        <View className='ka-withdraw'>
          <Button type='ghost' size='small' onClick={() => setWithdrawing(true)} testId='app-withdraw'>
            撤回申请
          </Button>
        </View>
      ) : null}
      <Dialog
        open={withdrawing}
        title='撤回这份申请？'
        confirmText='撤回'
        confirmType='danger'
        onConfirm={withdraw}
        onCancel={() => setWithdrawing(false)}
        testId='withdraw-confirm'
      >
        <Text>撤回后这次申请就结束了，之后可以重新申请。</Text>
      </Dialog>
    </View>
  );
}

function Figure({ label, n, testId }: { label: string; n: number; testId?: string }) {
  return (
    <View className='ka-figure'>
      <Text className='ka-figure-n' data-testid={testId}>
        {n}
      </Text>
      <Text className='muted'>{label}</Text>
    </View>
  );
}
