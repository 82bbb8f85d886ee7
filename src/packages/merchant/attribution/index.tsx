// The merchant chooses how customers are bound to the students who shared (first or last
// touch, the window, new customers only) and sees the share -> open -> bind funnel per channel.
import type { AttributionRules } from '@core/contracts/share';
import { Input, Switch, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { type FunnelRow, getRules, setRules, shareFunnel } from '../../../api/merchant';
import { Button, Empty, toast } from '../../../components/ui';
import './index.css';

const CHANNELS: Record<string, string> = { chat: '聊天卡片', group: '群聊卡片', moments: '朋友圈', poster: '海报' };
const DEFAULT_DAYS = { first_touch: 30, last_touch: 7 };

export default function Attribution() {
  const [rules, setLocal] = useState<AttributionRules | null>(null);
  const [funnel, setFunnel] = useState<FunnelRow[]>([]);
  const [error, setError] = useState('');

  const load = async () => {
    setError('');
    const [r, f] = await Promise.all([getRules(), shareFunnel(30)]);
    if (!r.ok) return setError(r.message);
    setLocal(r.data);
    if (f.ok) setFunnel(f.data);
  };
  useDidShow(() => void load());

  if (!rules)
    return (
      <View className='page'>
        {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={load} /> : <Text className='at-loading muted'>加载中…</Text>}
      </View>
    );
  const save = async () => {
    const res = await setRules(rules);
    toast(res.ok ? '已保存，之后的绑定按新规则' : res.message);
  };
  const pick = (model: AttributionRules['model']) => setLocal({ ...rules, model, windowDays: DEFAULT_DAYS[model] });

  return (
    <View className='page'>
      <View className='section'>
        <Text className='section-title'>推荐绑定规则</Text>
        <View>
          <Text className={`chip ${rules.model === 'first_touch' ? 'chip-on' : ''}`} onClick={() => pick('first_touch')}>
            首次触达
          </Text>
          <Text className={`chip ${rules.model === 'last_touch' ? 'chip-on' : ''}`} onClick={() => pick('last_touch')}>
            最后触达
          </Text>
        </View>
        <Text className='muted'>
          {rules.model === 'first_touch' ? '第一个分享给顾客的同学在有效期内保持推荐关系。' : '以顾客有效期内最后打开的分享卡片为准。'}
        </Text>
        <View className='at-row'>
          <Text>有效期（天）</Text>
          <Input
            className='ui-input at-input'
            type='number'
            value={String(rules.windowDays)}
            onInput={(e) => setLocal({ ...rules, windowDays: Math.max(1, Math.min(90, Number(e.detail.value) || 1)) })}
          />
        </View>
        <View className='at-row'>
          <Text>只为新顾客记录推荐</Text>
          <Switch checked={rules.newCustomersOnly} color='#16a34a' onChange={(e) => setLocal({ ...rules, newCustomersOnly: e.detail.value })} />
        </View>
        <Text className='muted'>只有一级推荐：佣金只给直接分享的同学，分享和打开本身没有奖励。</Text>
        <View className='at-save'>
          <Button type='primary' block testId='attribution-save' onClick={save}>
            保存规则
          </Button>
        </View>
      </View>
      <View className='section'>
        <Text className='section-title'>近 30 天分享漏斗</Text>
        <View className='at-table at-head'>
          <Text>渠道</Text>
          <Text>分享码</Text>
          <Text>打开</Text>
          <Text>新绑定</Text>
        </View>
        {funnel.map((r) => (
          <View key={r.channel} className='at-table'>
            <Text>{CHANNELS[r.channel]}</Text>
            <Text>{r.created}</Text>
            <Text>{r.opens}</Text>
            <Text>{r.binds}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
