import { formatFen } from '@core/money';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { confirmReceipt, listOrders } from '../../api/groupbuy';
import { StateView } from '../../components/StateView';
import { useRemote } from '../../stores/use-remote';
import './index.css';

export default function Orders() {
  const { data: orders, error, loading, reload: load } = useRemote(listOrders);
  const confirm = async (id: string) => {
    const res = await confirmReceipt(id);
    Taro.showToast({ title: res.ok ? '已确认收货' : res.message, icon: res.ok ? 'success' : 'none' });
    void load();
  };
  return (
    <View className='page'>
      {(orders ?? []).map((o) => (
        <View key={o.id} className='section od' data-testid='order'>
          <View className='od-row' onClick={() => o.groupId && Taro.navigateTo({ url: `/pages/group/index?id=${o.groupId}` })}>
            <Image className='od-img' src={o.image} mode='aspectFill' />
            <View className='od-info'>
              <Text className='od-title'>{o.title}</Text>
              <Text className='od-amount'>
                {formatFen(o.amountFen)}
                {o.refundedFen > 0 ? ` · 已退 ${formatFen(o.refundedFen)}` : ''}
              </Text>
            </View>
            <Text className='od-state' data-testid='order-state'>
              {o.label}
            </Text>
          </View>
          {o.state === 'shipped' || o.state === 'ready_for_pickup' ? (
            <Button className='btn-plain od-btn' size='mini' onClick={() => void confirm(o.id)}>
              确认收货
            </Button>
          ) : null}
        </View>
      ))}
      <StateView
        loading={loading}
        error={error}
        onRetry={() => void load()}
        empty={orders?.length === 0 ? '还没有订单' : undefined}
        emptyHint='去拼团页看看同学们在拼什么'
      />
    </View>
  );
}
