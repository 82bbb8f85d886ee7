import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { listCampaigns } from '../../api/groupbuy';
import { CampaignCard } from '../../components/CampaignCard';
import { StateView } from '../../components/StateView';
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
        <Text className='gb-orders' onClick={() => Taro.navigateTo({ url: '/pages/orders/index' })}>
          我的订单 ›
        </Text>
      </View>
      {(campaigns ?? []).map((c) => (
        <CampaignCard key={c.id} campaign={c} />
      ))}
      <StateView
        loading={loading}
        error={error}
        onRetry={() => void reload()}
        empty={campaigns?.length === 0 ? '还没有进行中的拼团' : undefined}
        emptyHint='商家开团后会出现在这里'
      />
    </View>
  );
}
