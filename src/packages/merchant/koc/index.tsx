// 达人招募: the shop's KOC applicants by state (待初筛 → 待约面试 → 面试 → 试用中 → 已入选 /
// 未通过). Each card shows the screening checklist and risk flags, the scorecard and the trial's
// figures, with the action its state allows. The server checks the caller runs the shop.
import type { MerchantApplicationView } from '@core/contracts/koc';
import type { PipelineState } from '@core/koc-pipeline';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { listKocApplications, screenApplication } from '../../../api/koc';
import { Empty, type TabItem, Tabs, toast } from '../../../components/ui';
import { ActionDialog } from './ActionDialogs';
import { ApplicantCard, type PipelineAction } from './ApplicantCard';
import './index.css';

type Tab = Exclude<PipelineState, 'withdrawn'>;
const TABS: TabItem<Tab>[] = [
  { key: 'applied', label: '待初筛' },
  { key: 'screened', label: '待约面试' },
  { key: 'interview', label: '面试' },
  { key: 'trial', label: '试用中' },
  { key: 'selected', label: '已入选' },
  { key: 'rejected', label: '未通过' },
];
const EMPTY: Record<Tab, string> = {
  applied: '没有等待初筛的申请',
  screened: '没有等待约面试的申请',
  interview: '没有面试中的申请',
  trial: '没有试用中的申请',
  selected: '还没有入选的达人',
  rejected: '没有未通过的申请',
};

export default function KocPipeline() {
  const [tab, setTab] = useState<Tab>('applied');
  const [items, setItems] = useState<MerchantApplicationView[] | null>(null);
  const [error, setError] = useState('');
  const [acting, setActing] = useState<{ action: PipelineAction; app: MerchantApplicationView } | null>(null);

  const load = async (state: Tab = tab) => {
    setError('');
    const res = await listKocApplications(state);
    if (!res.ok) return setError(res.message);
    setItems(res.data.items);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });
  const switchTab = (t: Tab) => {
    setTab(t);
    setItems(null);
    void load(t);
  };
  const pass = async (app: MerchantApplicationView) => {
    const res = await screenApplication(app.id, true);
    if (!res.ok) return toast(res.message);
    toast('已通过初筛，下一步给面试时间', 'success');
    await load();
  };
  const done = (message: string) => {
    setActing(null);
    toast(message, 'success');
    void load();
  };

  return (
    <View className='page kp-page'>
      <View className='kp-links'>
        <Text className='kp-link' data-testid='merchant-training-link' onClick={() => Taro.navigateTo({ url: '/packages/merchant/training/index' })}>
          达人培训 ›
        </Text>
        <Text className='kp-link' data-testid='merchant-badges-link' onClick={() => Taro.navigateTo({ url: '/packages/merchant/badges/index' })}>
          达人徽章 ›
        </Text>
        <Text className='kp-link' data-testid='merchant-career-link' onClick={() => Taro.navigateTo({ url: '/packages/merchant/career/index' })}>
          实习与推荐信 ›
        </Text>
        <Text className='kp-link' data-testid='merchant-events-link' onClick={() => Taro.navigateTo({ url: '/packages/merchant/events/index' })}>
          达人活动 ›
        </Text>
        <Text className='kp-link' data-testid='merchant-moderation-link' onClick={() => Taro.navigateTo({ url: '/packages/merchant/moderation/index' })}>
          笔记审核 ›
        </Text>
      </View>
      <Tabs items={TABS} value={tab} onChange={switchTab} testId='pipeline-tab' />
      <Text className='kp-note'>默认标准：粉丝 ≥ 500、平均互动 ≥ 50、擅长品类匹配。清单只作参考，由你决定是否通过。</Text>
      {items === null ? (
        error ? (
          <Empty title='加载失败' hint={error} actionText='重试' onAction={() => load()} />
        ) : (
          <Text className='kp-loading'>加载中…</Text>
        )
      ) : items.length === 0 ? (
        <Empty title={EMPTY[tab]} />
      ) : (
        items.map((a) => <ApplicantCard key={a.id} app={a} onAction={(action, app) => setActing({ action, app })} onPass={pass} />)
      )}
      {acting ? <ActionDialog action={acting.action} app={acting.app} onClose={() => setActing(null)} onDone={done} /> : null}
    </View>
  );
}
