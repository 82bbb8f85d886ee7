// The merchant's commission program: default rate, tier rates and thresholds, the after-sales
// hold and whether a KOC's own purchases earn anything. One level only: rates, never depth.
import type { ProgramSettings } from '@core/contracts/commission';
import { formatFen, parseYuan } from '@core/money';
import { TIER_NAMES } from '@core/tiers';
import { Button, Input, Switch, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { getProgram, setProgram } from '../../../api/commission';
import { StateView } from '../../../components/StateView';
import './index.css';

const pct = (bp: number) => String(bp / 100);
const bpOf = (text: string) => Math.round(Number(text) * 100);

export default function CommissionSettings() {
  const [p, setP] = useState<ProgramSettings | null>(null);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  useDidShow(async () => {
    const res = await getProgram();
    if (res.ok) setP(res.data);
    else setError(res.message);
  });
  if (!p)
    return (
      <View className='page'>
        <StateView loading={!error} error={error} />
      </View>
    );
  const setTier = (i: number, patch: Partial<ProgramSettings['tiers'][number]>) =>
    setP({ ...p, tiers: p.tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)) });
  const save = async () => {
    setSaving(true);
    const res = await setProgram(p);
    setSaving(false);
    Taro.showToast({ title: res.ok ? '已保存，之后的订单按新设置' : res.message, icon: res.ok ? 'success' : 'none' });
  };
  return (
    <View className='page'>
      <View className='section'>
        <Text className='section-title'>基础</Text>
        <View className='cs-row'>
          <Text>默认佣金比例（%）</Text>
          <Input className='cs-input' type='digit' value={pct(p.defaultRateBp)} onInput={(e) => setP({ ...p, defaultRateBp: bpOf(e.detail.value) })} />
        </View>
        <View className='cs-row'>
          <Text>售后期（天，完成后再等）</Text>
          <Input className='cs-input' type='number' value={String(p.holdDays)} onInput={(e) => setP({ ...p, holdDays: Number(e.detail.value) || 0 })} />
        </View>
        <View className='cs-row'>
          <Text>KOC 自购也有佣金</Text>
          <Switch checked={p.selfPurchaseRebates} color='#16a34a' onChange={(e) => setP({ ...p, selfPurchaseRebates: e.detail.value })} />
        </View>
      </View>
      <View className='section'>
        <Text className='section-title'>达人等级（近 90 天自己的成交）</Text>
        {p.tiers.map((t, i) => (
          <View key={t.tier} className='cs-tier'>
            <Text className='cs-tier-name'>{TIER_NAMES[t.tier]}</Text>
            <View className='cs-row'>
              <Text>佣金比例（%）</Text>
              <Input className='cs-input' type='digit' value={pct(t.rateBp)} onInput={(e) => setTier(i, { rateBp: bpOf(e.detail.value) })} />
            </View>
            {i > 0 ? (
              <>
                <View className='cs-row'>
                  <Text>成交额门槛（元）</Text>
                  <Input
                    className='cs-input'
                    type='digit'
                    value={formatFen(t.minRevenueFen).replace(/[¥,]/g, '')}
                    onInput={(e) => setTier(i, { minRevenueFen: parseYuan(e.detail.value) ?? t.minRevenueFen })}
                  />
                </View>
                <View className='cs-row'>
                  <Text>订单数门槛</Text>
                  <Input
                    className='cs-input'
                    type='number'
                    value={String(t.minOrders)}
                    onInput={(e) => setTier(i, { minOrders: Number(e.detail.value) || 0 })}
                  />
                </View>
              </>
            ) : null}
          </View>
        ))}
        <Text className='muted'>只有一级佣金：只给直接分享的同学，不因推荐其他达人获得任何收益。</Text>
      </View>
      <View className='cs-actions'>
        <Button className='btn-primary' loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  );
}
