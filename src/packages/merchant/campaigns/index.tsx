// The merchant's group-buy campaigns: create one (2 to 5 seats, WeChat's cap for team
// activities) and close those that should stop taking new groups.

import { MAX_GROUP_SIZE, MIN_GROUP_SIZE } from '@core/groupbuy';
import { formatFen, parseYuan } from '@core/money';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { newRequestId } from '../../../api/groupbuy';
import { closeCampaign, createCampaign, type MerchantCampaign, merchantCampaigns, merchantProducts } from '../../../api/merchant';
import { StateView } from '../../../components/StateView';
import './index.css';
import { ActionButton } from '../../../components/ActionButton';

const SIZES = Array.from({ length: MAX_GROUP_SIZE - MIN_GROUP_SIZE + 1 }, (_, i) => MIN_GROUP_SIZE + i);

export default function Campaigns() {
  const [list, setList] = useState<MerchantCampaign[] | null>(null);
  const [products, setProducts] = useState<{ id: string; title: string; priceFen: number }[]>([]);
  const [error, setError] = useState('');
  const [form, setForm] = useState({ product: 0, price: '', size: 1, hours: '24', stock: '50', days: '14' });
  const [requestId, setRequestId] = useState(newRequestId);
  const [saving, setSaving] = useState(false);

  const load = async () => {
    const [c, p] = await Promise.all([merchantCampaigns(), merchantProducts()]);
    if (!c.ok) return setError(c.message);
    setList(c.data);
    if (p.ok) setProducts(p.data);
  };
  useDidShow(() => void load());

  const submit = async () => {
    const product = products[form.product];
    const priceFen = parseYuan(form.price);
    if (!product) return Taro.showToast({ title: '请选择商品', icon: 'none' });
    if (priceFen === null || priceFen <= 0) return Taro.showToast({ title: '拼团价格式不对，例如 29.90', icon: 'none' });
    setSaving(true);
    const now = Date.now();
    const res = await createCampaign({
      productId: product.id,
      requestId,
      groupPriceFen: priceFen,
      groupSize: SIZES[form.size],
      groupHours: Number(form.hours) || 24,
      stock: Number(form.stock) || 0,
      startAt: now,
      endAt: now + (Number(form.days) || 14) * 86_400_000,
    });
    setSaving(false);
    if (!res.ok) return Taro.showToast({ title: res.message, icon: 'none' });
    Taro.showToast({ title: '已开始', icon: 'success' });
    setRequestId(newRequestId());
    void load();
  };
  const close = async (id: string) => {
    const ok = await Taro.showModal({ title: '结束活动', content: '结束后不能再开新团；进行中的团照常到截止时间。' });
    if (!ok.confirm) return;
    await closeCampaign(id);
    void load();
  };

  if (!list)
    return (
      <View className='page'>
        <StateView loading={!error} error={error} onRetry={() => void load()} />
      </View>
    );
  const product = products[form.product];
  const set = (k: keyof typeof form) => (e: { detail: { value: string | number } }) => setForm({ ...form, [k]: e.detail.value });
  return (
    <View className='page'>
      <View className='section'>
        <Text className='section-title'>新建拼团</Text>
        <Picker
          mode='selector'
          range={products.map((p) => p.title)}
          value={form.product}
          onChange={(e) => setForm({ ...form, product: Number(e.detail.value) })}
        >
          <View className='mc-row'>
            <Text>商品</Text>
            <Text className='mc-value'>{product ? `${product.title}（原价 ${formatFen(product.priceFen)}）` : '选择商品'}</Text>
          </View>
        </Picker>
        <View className='mc-row'>
          <Text>拼团价（元）</Text>
          <Input className='mc-input' type='digit' value={form.price} placeholder='例如 29.90' onInput={set('price')} />
        </View>
        <Picker mode='selector' range={SIZES.map((n) => `${n} 人团`)} value={form.size} onChange={(e) => setForm({ ...form, size: Number(e.detail.value) })}>
          <View className='mc-row'>
            <Text>成团人数</Text>
            <Text className='mc-value'>{SIZES[form.size]} 人（含团长，最多 5 人）</Text>
          </View>
        </Picker>
        <View className='mc-row'>
          <Text>每团有效（小时）</Text>
          <Input className='mc-input' type='number' value={form.hours} onInput={set('hours')} />
        </View>
        <View className='mc-row'>
          <Text>库存（件）</Text>
          <Input className='mc-input' type='number' value={form.stock} onInput={set('stock')} />
        </View>
        <View className='mc-row'>
          <Text>活动天数</Text>
          <Input className='mc-input' type='number' value={form.days} onInput={set('days')} />
        </View>
        <ActionButton className='btn-primary mc-save' loading={saving} disabled={saving} onClick={() => submit()}>
          开始拼团
        </ActionButton>
      </View>
      {list.map((c) => (
        <View key={c.id} className='section mc-item'>
          <Text className='mc-title'>{c.title}</Text>
          <Text className='muted'>
            {formatFen(c.groupPriceFen)} · {c.groupSize} 人团 · 库存 {c.stock} · {c.status === 'live' ? '进行中' : '已结束'}
          </Text>
          {c.status === 'live' ? (
            <Button className='btn-plain mc-close' size='mini' onClick={() => void close(c.id)}>
              结束活动
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
