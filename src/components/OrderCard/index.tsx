import type { OrderView } from '@core/contracts/groupbuy';
import { formatFen } from '@core/money';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { formatShortDateTime } from '../../utils/time';
import { Tag } from '../ui';
import { orderStatus } from './status';
import './index.css';

/** One order in the list: time, number, state, the item and what was paid, and its buttons. */
export function OrderCard({ order: o, actions }: { order: OrderView; actions: ReactNode }) {
  const status = orderStatus(o);
  const open = () => Taro.navigateTo({ url: `/packages/order/detail/index?id=${o.id}` });
  return (
    <View className='oc' data-testid='order'>
      <View className='oc-head' onClick={open}>
        <Text className='oc-time'>
          {formatShortDateTime(o.createdAt)} · {o.kind === 'group' ? '拼团' : '单独购买'}
        </Text>
        <View data-testid='order-state'>
          <Tag tone={status.tone}>{status.text}</Tag>
        </View>
      </View>
      <View className='oc-body' onClick={open}>
        <Image className='oc-img' src={o.image} mode='aspectFill' />
        <View className='oc-info'>
          <Text className='oc-title'>{o.title}</Text>
          <Text className='oc-no'>订单号 {o.id}</Text>
        </View>
        <View className='oc-money'>
          <Text className='oc-amount'>{formatFen(o.amountFen)}</Text>
          <Text className='oc-qty'>共 {o.quantity ?? 1} 件</Text>
        </View>
      </View>
      {o.refundedFen > 0 ? <Text className='oc-refunded'>已退 {formatFen(o.refundedFen)}</Text> : null}
      {o.actions?.length ? <View className='oc-actions'>{actions}</View> : null}
    </View>
  );
}
