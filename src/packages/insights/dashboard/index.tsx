// 数据看板: what the shop's last 7, 30 or 90 campus days came to, in one call (analytics.dashboard
// reads the rollup's counters only). Every figure has its definition one tap away (core/metrics.ts);
// reminders and precision cards by segment leave out segments of fewer than 5 students; the
// whole window exports as CSV.
import { DASHBOARD_DAYS, type DashboardDays, type DashboardView } from '@core/contracts/analytics';
import { DASHBOARD_METRICS, type DashboardMetric, formatMetric } from '@core/metrics';
import { formatFen } from '@core/money';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useMemo, useRef, useState } from 'react';
import { dashboard } from '../../../api/analytics';
import { Button, Dialog, Empty, Tabs, toast } from '../../../components/ui';
import { formatShortDateTime } from '../../../utils/time';
import { Chart } from './Chart';
import { type ChartSpec, shortDay } from './chart';
import { csvFileName, dashboardCsv } from './csv';
import { CHANNEL_LABELS } from './labels';
import { saveCsv } from './save-csv';
import { MetricTile, Table, TouchSection } from './sections';
import './index.css';

const RANGES = DASHBOARD_DAYS.map((d) => ({ key: String(d) as `${DashboardDays}`, label: `近 ${d} 天` }));

function charts(v: DashboardView): Record<'sales' | 'orders' | 'funnel' | 'notes', ChartSpec> {
  const categories = v.series.map((d) => shortDay(d.day));
  const yuan = (fen: number) => Math.round(fen) / 100;
  return {
    sales: {
      type: 'line',
      categories,
      series: [
        { name: '付款金额（元）', data: v.series.map((d) => yuan(d.paidFen)) },
        { name: '退款金额（元）', data: v.series.map((d) => yuan(d.refundedFen)) },
      ],
    },
    orders: {
      type: v.days <= 7 ? 'column' : 'line',
      counts: true,
      categories,
      series: [
        { name: '付款订单', data: v.series.map((d) => d.orders) },
        { name: '拼成的团', data: v.series.map((d) => d.groupsSucceeded) },
      ],
    },
    funnel: {
      type: 'column',
      counts: true,
      categories: v.funnel.map((f) => CHANNEL_LABELS[f.channel]),
      series: [
        { name: '分享', data: v.funnel.map((f) => f.created) },
        { name: '打开', data: v.funnel.map((f) => f.opens) },
        { name: '绑定', data: v.funnel.map((f) => f.binds) },
        { name: '成交', data: v.funnel.map((f) => f.orders) },
      ],
    },
    notes: {
      type: 'line',
      counts: true,
      categories,
      series: [
        { name: '点赞', data: v.series.map((d) => d.likes) },
        { name: '评论', data: v.series.map((d) => d.comments) },
        { name: '收藏', data: v.series.map((d) => d.collects) },
      ],
    },
  };
}

const hasData = (v: DashboardView) =>
  v.totals.orders + v.totals.refundedFen + v.totals.groupsSucceeded + v.totals.groupsFailed > 0 ||
  v.funnel.some((f) => f.created + f.opens > 0) ||
  v.notes.likes + v.notes.comments + v.notes.collects > 0 ||
  v.touches.length + v.touchesHidden > 0;

export default function Dashboard() {
  const [days, setDays] = useState<DashboardDays>(30);
  const [view, setView] = useState<DashboardView | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const [help, setHelp] = useState<DashboardMetric | null>(null);
  const latest = useRef(0);

  const load = async (d: DashboardDays = days) => {
    const ticket = ++latest.current;
    setLoading(true);
    setError('');
    const res = await dashboard(d);
    if (ticket !== latest.current) return; // a later range was asked for meanwhile
    setLoading(false);
    if (!res.ok) return setError(res.message);
    setView(res.data);
  };
  useDidShow(() => void load());
  const pick = (key: string) => {
    const d = Number(key) as DashboardDays;
    setDays(d);
    void load(d);
  };
  const specs = useMemo(() => (view ? charts(view) : null), [view]);

  const exportCsv = async () => {
    if (!view) return;
    try {
      toast(await saveCsv(csvFileName(view), dashboardCsv(view)));
    } catch {
      toast('导出失败，请重试', 'error');
    }
  };

  const header = (
    <View className='db-head'>
      <Tabs items={RANGES} value={String(days) as `${DashboardDays}`} onChange={pick} testId='dashboard-range' />
      {view ? (
        <Text className='muted db-asof' data-testid='dashboard-asof'>
          {shortDay(view.from)} 至 {shortDay(view.to)} ·{' '}
          {view.countedUntil > 0 ? `统计到 ${formatShortDateTime(view.countedUntil)}（每分钟汇总）` : '还没有汇总过数据（每分钟汇总）'}
        </Text>
      ) : null}
    </View>
  );

  if (!view || !specs)
    return (
      <View className='page'>
        {header}
        {error ? (
          <Empty title='加载失败' hint={error} actionText='重试' onAction={() => load()} testId='dashboard-error' />
        ) : (
          <Text className='db-loading muted'>加载中…</Text>
        )}
      </View>
    );

  const t = view.totals;
  const tile = (k: DashboardMetric, value: string, sub?: string) => <MetricTile k={k} value={value} sub={sub} onHelp={setHelp} />;
  return (
    <View className={`page${loading ? ' db-busy' : ''}`} data-testid='dashboard'>
      {header}
      {error ? <Text className='db-error'>{error}</Text> : null}
      {!hasData(view) ? (
        <Empty title='这段时间还没有数据' hint='同学下单、分享和互动后，这里每分钟更新一次。' testId='dashboard-empty' />
      ) : (
        <>
          <View className='section db-tiles'>
            {tile('netFen', formatFen(t.netFen), `付款 ${formatFen(t.paidFen)} · 退款 ${formatFen(t.refundedFen)}`)}
            {tile('orders', String(t.orders))}
            {tile('groupSuccessRate', formatMetric(t.groupSuccessRate, 'percent'), `拼成 ${t.groupsSucceeded} · 未拼成 ${t.groupsFailed}`)}
            {tile(
              'repurchaseRate',
              formatMetric(view.repurchase.repurchaseRate, 'percent'),
              `${view.repurchase.repeatBuyers} / ${view.repurchase.buyers} 位同学`,
            )}
            {tile(
              'purchaseFrequency',
              formatMetric(view.repurchase.purchaseFrequency, 'ratio'),
              `${view.repurchase.netOrders} 笔 · ${view.repurchase.buyers} 人`,
            )}
            {tile(
              'kFactor',
              formatMetric(view.growth.kFactor, 'ratio'),
              `人均邀请 ${formatMetric(view.growth.invitesPerSharer, 'ratio')} × ${formatMetric(view.growth.inviteConversion, 'percent')}`,
            )}
          </View>
          <View className='section'>
            <Text className='section-title'>销售额</Text>
            <Chart id='sales' spec={specs.sales} />
            <Text className='section-title db-sub'>订单与拼团</Text>
            <Chart id='orders' spec={specs.orders} height={170} />
          </View>
          <View className='section'>
            <Text className='section-title'>分享漏斗 · 渠道</Text>
            <Chart id='funnel' spec={specs.funnel} height={180} />
            <Table
              head={['渠道', '分享', '打开', '绑定', '成交']}
              rows={view.funnel.map((f) => [CHANNEL_LABELS[f.channel], f.created, f.opens, f.binds, f.orders])}
              testId='dashboard-funnel'
            />
          </View>
          <View className='section'>
            <Text className='section-title'>分享漏斗 · 同学</Text>
            {view.kocs.length ? (
              <Table
                head={['同学', '分享', '打开', '绑定', '成交', '金额']}
                rows={view.kocs.map((k) => [k.nickname, k.created, k.opens, k.binds, k.orders, formatFen(k.paidFen)])}
                testId='dashboard-kocs'
              />
            ) : (
              <Text className='muted'>这段时间没有同学分享本店的卡片。</Text>
            )}
            {view.kocsMore ? <Text className='muted db-note'>另有 {view.kocsMore} 位同学</Text> : null}
            <Text className='muted db-note'>
              分享同学 {view.growth.sharers} 位 · 打开 {view.growth.opens} · 新顾客 {view.growth.binds}
            </Text>
          </View>
          <TouchSection view={view} onHelp={setHelp} />
          <View className='section'>
            <Text className='section-title'>笔记互动 · {view.campus?.name ?? '本校'}</Text>
            <Text className='muted db-note' onClick={() => setHelp('likes')}>
              点赞 {view.notes.likes} · 评论 {view.notes.comments} · 收藏 {view.notes.collects} ⓘ
            </Text>
            <Chart id='notes' spec={specs.notes} height={160} />
          </View>
        </>
      )}
      <View className='db-export'>
        <Button block onClick={exportCsv} testId='dashboard-export'>
          导出 CSV
        </Button>
      </View>
      <Dialog
        open={help !== null}
        title={help ? DASHBOARD_METRICS[help].label : ''}
        cancelText=''
        confirmText='知道了'
        onConfirm={() => undefined}
        onCancel={() => setHelp(null)}
        testId='dashboard-help'
      >
        <Text>{help ? DASHBOARD_METRICS[help].definition : ''}</Text>
      </Dialog>
    </View>
  );
}
