// The shop's products by status: price, stock and sales at a glance, taken off sale or put back
// with one tap, and the way into the create and edit form.
import type { MerchantProductRow } from '@core/contracts/catalog';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { listMyProducts, type ProductStatusFilter, setProductStatus } from '../../../api/merchant-shop';
import { Button, Empty, Price, Tabs, Tag, toast } from '../../../components/ui';
import './index.css';

const TABS: { key: ProductStatusFilter; label: string }[] = [
  { key: 'on_sale', label: '在售' },
  { key: 'off_sale', label: '已下架' },
  { key: 'all', label: '全部' },
];

const openEditor = (productId?: string) =>
  Taro.navigateTo({ url: `/packages/merchant/product-edit/index${productId ? `?id=${encodeURIComponent(productId)}` : ''}` });

export default function Products() {
  const [tab, setTab] = useState<ProductStatusFilter>('on_sale');
  const [items, setItems] = useState<MerchantProductRow[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [more, setMore] = useState(false);
  // A slow first page of an old tab must not land on the new one.
  const seq = useRef(0);

  const load = async (status = tab) => {
    const mine = ++seq.current;
    setError('');
    const res = await listMyProducts(status);
    if (mine !== seq.current) return;
    if (!res.ok) return setError(res.message);
    setItems(res.data.items);
    setCursor(res.data.nextCursor);
  };
  const loadMore = async () => {
    if (!cursor || more) return;
    setMore(true);
    const mine = seq.current;
    const res = await listMyProducts(tab, cursor);
    setMore(false);
    if (mine !== seq.current) return;
    if (!res.ok) return toast(res.message, 'error');
    setItems((prev) => [...(prev ?? []), ...res.data.items]);
    setCursor(res.data.nextCursor);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void loadMore());

  const switchTab = (key: string) => {
    const next = key as ProductStatusFilter;
    setTab(next);
    setItems(null);
    void load(next);
  };
  const toggle = async (p: MerchantProductRow) => {
    const status = p.status === 'on_sale' ? 'off_sale' : 'on_sale';
    const res = await setProductStatus(p.id, status);
    if (!res.ok) return toast(res.message, 'error');
    toast(status === 'on_sale' ? '已上架' : '已下架', 'success');
    await load();
  };

  return (
    <View className='page mp'>
      <Tabs items={TABS} value={tab} onChange={switchTab} testId='product-tabs' />
      <View className='mp-head'>
        <Text className='muted'>{items ? `共 ${items.length}${cursor ? '+' : ''} 件` : ''}</Text>
        <Button type='primary' size='small' testId='product-new' onClick={() => openEditor()}>
          新建商品
        </Button>
      </View>
      {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={() => void load()} /> : null}
      {!error && items === null ? <Text className='mp-loading muted'>加载中…</Text> : null}
      {items?.length === 0 ? (
        <Empty
          title={tab === 'off_sale' ? '没有已下架的商品' : '还没有商品'}
          hint={tab === 'off_sale' ? undefined : '新建一件商品，同学就能在首页看到'}
          actionText={tab === 'off_sale' ? undefined : '新建商品'}
          onAction={tab === 'off_sale' ? undefined : () => openEditor()}
        />
      ) : null}
      {(items ?? []).map((p) => (
        <View key={p.id} className='section mp-card' data-testid='merchant-product'>
          <View className='mp-main'>
            <Image className='mp-image' src={p.image} mode='aspectFill' />
            <View className='mp-info'>
              <View className='mp-title-row'>
                <Text className='mp-title'>{p.title}</Text>
                <Tag tone={p.status === 'on_sale' ? 'success' : 'neutral'}>{p.status === 'on_sale' ? '在售' : '已下架'}</Tag>
              </View>
              <Price fen={p.priceFen} originalFen={p.originalPriceFen} />
              <Text className='muted'>
                {p.category} · 库存 {p.stock} · 已售 {p.sold}
              </Text>
            </View>
          </View>
          <View className='mp-actions'>
            <Button size='small' testId='product-edit' onClick={() => openEditor(p.id)}>
              编辑
            </Button>
            <Button size='small' type={p.status === 'on_sale' ? 'default' : 'primary'} testId='product-toggle' onClick={() => toggle(p)}>
              {p.status === 'on_sale' ? '下架' : '上架'}
            </Button>
          </View>
        </View>
      ))}
      {cursor ? (
        <Text className='mp-more muted' onClick={() => void loadMore()}>
          {more ? '加载中…' : '加载更多'}
        </Text>
      ) : null}
    </View>
  );
}
