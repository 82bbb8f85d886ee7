// The shop's group-buy orders: confirmed ones to ship or to hand over at pickup.
import { formatFen } from '@core/money';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { approveRefund, merchantOrders, readyForPickup, shipOrder } from '../../../api/merchant';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../stores/use-remote';
import './index.css';

export default function MerchantOrders() {
  const { data: orders, error, loading, reload: load } = useRemote(() => merchantOrders('all'));
  const act = async (fn: typeof shipOrder, id: string, done: string) => {
    const res = await fn(id);
    Taro.showToast({ title: res.ok ? done : res.message, icon: res.ok ? 'success' : 'none' });
    void load();
  };
  const confirmed = (orders ?? []).filter((o) => o.state === 'confirmed').length;
  return (
    <View className='page'>
      {orders && orders.length > 0 ? (
        <Text className='mo-summary' data-testid='confirmed-count'>
          待发货 {confirmed} 单
        </Text>
      ) : null}
      {(orders ?? []).map((o) => (
        <View key={o.id} className='section mo' data-testid='merchant-order'>
          <View className='mo-row'>
            <Text className='mo-title'>{o.title}</Text>
            <Text className='mo-state' data-testid='merchant-order-state'>
              {o.label}
            </Text>
          </View>
          <Text className='muted'>
            {o.buyerNickname} · {formatFen(o.amountFen)}
          </Text>
          {o.refundRequest ? (
            <View className='mo-refund' data-testid='refund-request'>
              <Text>
                买家申请退款 {formatFen(o.refundRequest.amountFen)}：{o.refundRequest.reason}
              </Text>
              <Button className='btn-primary' size='mini' data-testid='approve-refund' onClick={() => void act(approveRefund, o.id, '已同意，退款会原路返回')}>
                同意退款
              </Button>
            </View>
          ) : null}
          {o.state === 'confirmed' ? (
            <View className='mo-actions'>
              <Button className='btn-primary' size='mini' data-testid='ship-button' onClick={() => void act(shipOrder, o.id, '已发货')}>
                发货
              </Button>
              <Button className='btn-plain' size='mini' onClick={() => void act(readyForPickup, o.id, '已通知自提')}>
                通知自提
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      <StateView loading={loading} error={error} onRetry={() => void load()} empty={orders?.length === 0 ? '还没有拼团订单' : undefined} />
    </View>
  );
}
