// The shop's orders by state, searchable by order number or buyer: ship (one or several at a
// time), get pickup orders ready and hand them over against the buyer's code, and answer
// after-sales requests.
import type { OrderView } from '@core/contracts/groupbuy';
import { formatFen } from '@core/money';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { approveRefundRequest, listShopOrders, type MerchantOrderState, markReadyForPickup } from '../../../api/merchant-shop';
import { Button, Dialog, Empty, Tabs, toast } from '../../../components/ui';
import { BatchShip } from './BatchShip';
import { canShip, ORDER_TABS } from './labels';
import { type OrderActions, OrderCard } from './OrderCard';
import { RejectDialog } from './RejectDialog';
import { ShipDialog } from './ShipDialog';
import { VerifyDialog } from './VerifyDialog';
import './index.css';

export default function MerchantOrders() {
  const [tab, setTab] = useState<MerchantOrderState>('all');
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [items, setItems] = useState<OrderView[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [more, setMore] = useState(false);
  const [toShip, setToShip] = useState<{ n: number; more: boolean } | null>(null);
  const [shipping, setShipping] = useState<OrderView | null>(null);
  const [verifying, setVerifying] = useState<OrderView | null>(null);
  const [rejecting, setRejecting] = useState<OrderView | null>(null);
  const [approving, setApproving] = useState<OrderView | null>(null);
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [batchOpen, setBatchOpen] = useState(false);
  // A slow answer for an earlier tab or search must not land on the current one.
  const seq = useRef(0);

  const load = async (state = tab, q = searched) => {
    const mine = ++seq.current;
    setError('');
    const [page, confirmed] = await Promise.all([listShopOrders({ state, q }), listShopOrders({ state: 'confirmed' })]);
    if (mine !== seq.current) return;
    if (confirmed.ok) setToShip({ n: confirmed.data.items.length, more: confirmed.data.nextCursor !== null });
    if (!page.ok) return setError(page.message);
    setItems(page.data.items);
    setCursor(page.data.nextCursor);
  };
  const loadMore = async () => {
    if (!cursor || more) return;
    setMore(true);
    const mine = seq.current;
    const res = await listShopOrders({ state: tab, q: searched, cursor });
    setMore(false);
    if (mine !== seq.current) return;
    if (!res.ok) return toast(res.message);
    setItems((prev) => [...(prev ?? []), ...res.data.items]);
    setCursor(res.data.nextCursor);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void loadMore());

  const switchTab = (key: MerchantOrderState) => {
    setTab(key);
    setItems(null);
    setSelecting(false);
    setSelected([]);
    void load(key);
  };
  const search = (q = query.trim()) => {
    setSearched(q);
    setItems(null);
    void load(tab, q);
  };

  const actions: OrderActions = {
    ship: setShipping,
    ready: async (o) => {
      const res = await markReadyForPickup(o.id);
      if (!res.ok) return toast(res.message);
      toast('已通知买家自提', 'success');
      await load();
    },
    verify: setVerifying,
    approve: setApproving,
    reject: setRejecting,
  };
  const approve = async () => {
    if (!approving?.refundRequest) return false;
    const res = await approveRefundRequest(approving.id, approving.refundRequest.id);
    if (!res.ok) throw new Error(res.message);
    toast('已同意，退款会原路返回');
    await load();
    return true;
  };

  const shippable = (items ?? []).filter(canShip);
  const chosen = shippable.filter((o) => selected.includes(o.id));
  const toggle = (id: string) => setSelected(selected.includes(id) ? selected.filter((x) => x !== id) : selected.length >= 20 ? selected : [...selected, id]);
  const reload = () => load();
  const tabs = ORDER_TABS.map((t) => (t.key === 'confirmed' && toShip?.n ? { ...t, badge: toShip.more ? `${toShip.n}+` : toShip.n } : t));

  return (
    <View className='page mo-page'>
      <Tabs items={tabs} value={tab} onChange={switchTab} testId='order-tabs' />
      <View className='mo-search'>
        <Input
          className='ui-input mo-search-input'
          value={query}
          confirmType='search'
          placeholder='订单号或买家昵称'
          placeholderClass='ui-placeholder'
          maxlength={40}
          data-testid='order-search'
          onInput={(e) => setQuery(e.detail.value)}
          onConfirm={() => search()}
        />
        <Button size='small' testId='order-search-button' onClick={() => search()}>
          搜索
        </Button>
      </View>
      <View className='mo-bar'>
        {toShip ? (
          <Text className='mo-summary' data-testid='confirmed-count'>
            待发货 {toShip.n}
            {toShip.more ? '+' : ''} 单
          </Text>
        ) : (
          <Text />
        )}
        {shippable.length > 1 || selecting ? (
          <Button
            size='small'
            type={selecting ? 'default' : 'ghost'}
            testId='batch-ship'
            onClick={() => {
              setSelecting(!selecting);
              setSelected([]);
            }}
          >
            {selecting ? '取消批量' : '批量发货'}
          </Button>
        ) : null}
      </View>
      {searched ? (
        <View className='mo-searched'>
          <Text className='muted'>“{searched}”的结果</Text>
          <Text
            className='mo-clear'
            onClick={() => {
              setQuery('');
              search('');
            }}
          >
            清除
          </Text>
        </View>
      ) : null}
      {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={reload} /> : null}
      {!error && items === null ? <Text className='mo-loading muted'>加载中…</Text> : null}
      {items?.length === 0 ? <Empty title={searched ? '没有找到订单' : '这里还没有订单'} hint={searched ? '试试完整的订单号或买家昵称' : undefined} /> : null}
      {(items ?? []).map((o) => (
        <OrderCard key={o.id} order={o} actions={actions} selecting={selecting} selected={selected.includes(o.id)} onSelect={() => toggle(o.id)} />
      ))}
      {cursor ? (
        <Text className='mo-loading muted' onClick={() => void loadMore()}>
          {more ? '加载中…' : '加载更多'}
        </Text>
      ) : null}
      {selecting ? (
        <View className='mo-batch-bar'>
          <Text>已选 {chosen.length} 单（最多 20）</Text>
          <Button type='primary' disabled={chosen.length === 0} testId='batch-ship-open' onClick={() => setBatchOpen(true)}>
            发货
          </Button>
        </View>
      ) : null}
      <ShipDialog
        orderId={shipping?.id ?? null}
        title={shipping ? `${shipping.title} × ${shipping.quantity || 1}` : ''}
        onClose={() => setShipping(null)}
        onShipped={reload}
      />
      <VerifyDialog
        orderId={verifying?.id ?? null}
        title={verifying ? `${verifying.buyerNickname ?? ''} · ${verifying.title}` : ''}
        onClose={() => setVerifying(null)}
        onVerified={reload}
      />
      <RejectDialog
        request={rejecting?.refundRequest ? { orderId: rejecting.id, refundId: rejecting.refundRequest.id } : null}
        onClose={() => setRejecting(null)}
        onRejected={reload}
      />
      <Dialog open={approving !== null} title='同意退款' confirmText='同意退款' onConfirm={approve} onCancel={() => setApproving(null)} testId='approve'>
        <Text>{approving?.refundRequest ? `退给买家 ${formatFen(approving.refundRequest.amountFen)}，钱会原路返回，不能撤回。` : ''}</Text>
      </Dialog>
      <BatchShip
        orders={chosen}
        open={batchOpen}
        onClose={() => setBatchOpen(false)}
        onShipped={async (failed) => {
          // The ones that did not ship stay selected, the sheet open with their reasons.
          if (failed.length === 0) {
            setBatchOpen(false);
            setSelecting(false);
          }
          setSelected(failed);
          await load();
        }}
      />
    </View>
  );
}
