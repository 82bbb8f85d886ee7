// 我的订单: 拼多多's tabs (全部/待付款/待成团/待发货/待收货/售后), a page at a time as the list
// scrolls, each card with its state and the buttons the server allows.
import type { OrderTab, OrderView } from '@core/contracts/groupbuy';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { orderPage } from '../../api/shop';
import { OrderCard } from '../../components/OrderCard';
import { useOrderActions } from '../../components/OrderCard/actions';
import { Empty, Tabs } from '../../components/ui';
import { safeDecode } from '../../utils/query';
import './index.css';

const TABS = [
  { key: 'all', label: '全部' },
  { key: 'unpaid', label: '待付款' },
  { key: 'grouping', label: '待成团' },
  { key: 'to_ship', label: '待发货' },
  { key: 'to_receive', label: '待收货' },
  { key: 'after_sales', label: '售后' },
] as const satisfies readonly { key: OrderTab; label: string }[];

const EMPTY_HINT: Record<OrderTab, string> = {
  all: '去首页看看同学们在买什么',
  unpaid: '没有待付款的订单',
  grouping: '没有等待成团的订单',
  to_ship: '没有等待发货的订单',
  to_receive: '没有待收货的订单',
  after_sales: '没有退款或售后',
};

export default function Orders() {
  const [tab, setTab] = useState<OrderTab>('all');
  const [items, setItems] = useState<OrderView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const generation = useRef(0);
  const loaded = useRef(false);

  const fetchPage = async (t: OrderTab, from: string | null, replace: boolean) => {
    const gen = ++generation.current;
    setLoading(true);
    setError('');
    const res = await orderPage(t, from ?? undefined);
    if (gen !== generation.current) return; // another tab won
    setLoading(false);
    if (!res.ok) return setError(res.message);
    // Older servers answered a plain list; treat it as one page.
    const page = Array.isArray(res.data) ? { items: res.data as OrderView[], nextCursor: null } : res.data;
    setItems((prev) => (replace ? page.items : [...prev, ...page.items]));
    setCursor(page.nextCursor);
    setDone(page.nextCursor === null);
  };
  const reload = (t: OrderTab = tab) => fetchPage(t, null, true);
  const more = () => {
    if (!loading && !done && !error) void fetchPage(tab, cursor, false);
  };
  const { buttons, overlays } = useOrderActions(() => reload());

  useLoad((p) => {
    const t = safeDecode(p.tab) as OrderTab | null;
    const start = TABS.some((x) => x.key === t) ? (t as OrderTab) : 'all';
    setTab(start);
    loaded.current = true;
    void reload(start);
  });
  // Back from an order's page: its state may have changed.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && loaded.current) void reload();
    shown.current = true;
  });
  usePullDownRefresh(async () => {
    await reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(more);

  const change = (t: OrderTab) => {
    setTab(t);
    setItems([]);
    setDone(false);
    void reload(t);
  };

  return (
    <View className='page ol-page'>
      <View className='ol-tabs'>
        <Tabs items={[...TABS]} value={tab} onChange={change} testId='order-tabs' />
      </View>
      {items.map((o) => (
        <OrderCard key={o.id} order={o} actions={buttons(o)} />
      ))}
      {error ? <Empty title='订单没有加载出来' hint={error} actionText='重试' onAction={() => (items.length ? more() : reload())} /> : null}
      {!error && done && items.length === 0 ? (
        <Empty title='还没有订单' hint={EMPTY_HINT[tab]} actionText='去逛逛' onAction={() => Taro.switchTab({ url: '/pages/index/index' })} />
      ) : null}
      {loading ? <Text className='ol-foot'>加载中…</Text> : null}
      {!loading && done && items.length > 0 ? <Text className='ol-foot'>没有更多了</Text> : null}
      {overlays}
    </View>
  );
}
