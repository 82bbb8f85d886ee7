import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { listCampaigns } from '../../api/groupbuy';
import { CampaignCard } from '../../components/CampaignCard';
import { Empty } from '../../components/ui';
import { useRemote } from '../../stores/use-remote';
import './index.css';

// Live campaigns with their real prices and sizes; no invented "X people joined".
export default function GroupBuy() {
  const { data: campaigns, error, loading, reload } = useRemote(listCampaigns);
  return (
    <View className='page'>
      <View className='gb-head'>
        <Text className='gb-title'>一起拼，更便宜</Text>
        <Text className='muted'>2–5 人成团；截止前没拼成，已付款的同学自动全额退款。</Text>
        <Text className='gb-orders' onClick={() => Taro.navigateTo({ url: '/pages/orders/index?tab=grouping' })}>
          我的订单 ›
        </Text>
      </View>
      {(campaigns ?? []).map((c) => (
        <CampaignCard key={c.id} campaign={c} />
      ))}
      {loading ? <Text className='gb-foot'>加载中…</Text> : null}
      {error ? <Empty title='拼团没有加载出来' hint={error} actionText='重试' onAction={reload} /> : null}
      {campaigns?.length === 0 ? (
        <Empty
          title='还没有进行中的拼团'
          hint='商家开团后会出现在这里'
          actionText='去首页逛逛'
          onAction={() => Taro.switchTab({ url: '/pages/index/index' })}
        />
      ) : null}
    </View>
  );
}
