// A sharer's cards and what each brought: opens, unique visitors and new customers bound.
// Orders and revenue join here when orders exist (events and orders share the card's code).
import { formatFen } from '@core/money';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { shareStats } from '../../../api/share';
import { Empty } from '../../../components/ui';
import { useRemote } from '../../../stores/use-remote';
import './index.css';

const CHANNELS: Record<string, string> = { chat: '聊天', group: '群聊', moments: '朋友圈', poster: '海报' };

export default function ShareStats() {
  const { data: cards, error, loading, reload: load } = useRemote(shareStats);

  const total = (k: 'opens' | 'uniqueVisitors' | 'newCustomers') => (cards ?? []).reduce((s, c) => s + c[k], 0);
  return (
    <View className='page'>
      {cards && cards.length > 0 ? (
        <View className='section ss-summary'>
          <View className='ss-figure'>
            <Text className='ss-n' data-testid='total-opens'>
              {total('opens')}
            </Text>
            <Text className='muted'>打开</Text>
          </View>
          <View className='ss-figure'>
            <Text className='ss-n'>{total('uniqueVisitors')}</Text>
            <Text className='muted'>访客</Text>
          </View>
          <View className='ss-figure'>
            <Text className='ss-n' data-testid='total-new'>
              {total('newCustomers')}
            </Text>
            <Text className='muted'>新绑定顾客</Text>
          </View>
        </View>
      ) : null}
      {(cards ?? []).map((c) => (
        <View key={c.code} className='section ss-card' data-testid='share-card'>
          <Text className='ss-title'>{c.title}</Text>
          <Text className='muted'>
            {CHANNELS[c.channel] ?? c.channel}卡片 · 分享码 {c.code}
          </Text>
          <View className='ss-row'>
            <Text>打开 {c.opens}</Text>
            <Text>访客 {c.uniqueVisitors}</Text>
            <Text>新顾客 {c.newCustomers}</Text>
          </View>
          <Text className='muted'>
            带来订单 {c.orders} 笔 · 成交 {formatFen(c.revenueFen)}
          </Text>
        </View>
      ))}
      {loading ? <Text className='ss-loading'>加载中…</Text> : null}
      {error ? <Empty title='分享数据没有加载出来' hint={error} actionText='重试' onAction={load} /> : null}
      {cards?.length === 0 ? (
        <Empty
          title='还没有分享过'
          hint='在商品页点“分享给同学”，这里会显示每张卡片带来的访问和新顾客。分享本身没有奖励，同学通过你的推荐下单后才有佣金。'
          actionText='去逛逛'
          onAction={() => Taro.switchTab({ url: '/pages/index/index' })}
        />
      ) : null}
    </View>
  );
}
