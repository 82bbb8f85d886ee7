// One order in the merchant's list: who, what, how much, where it goes, its state, the
// after-sales request if any, and the actions its state allows.
import type { OrderView } from '@core/contracts/groupbuy';
import { formatFen } from '@core/money';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Tag } from '../../../components/ui';
import { formatDateTime } from '../../../utils/time';
import { canReady as readyable, canShip as shippable, stateTag, whereTo } from './labels';

export interface OrderActions {
  ship: (o: OrderView) => void;
  ready: (o: OrderView) => unknown;
  verify: (o: OrderView) => void;
  approve: (o: OrderView) => void;
  reject: (o: OrderView) => void;
}

export function OrderCard({
  order: o,
  actions,
  selecting,
  selected,
  onSelect,
}: {
  order: OrderView;
  actions: OrderActions;
  selecting: boolean;
  selected: boolean;
  onSelect: () => void;
}) {
  const tag = stateTag(o);
  const canShip = shippable(o);
  const canReady = readyable(o);
  const canVerify = o.state === 'ready_for_pickup';
  const request = o.refundRequest;
  const selectable = selecting && canShip;
  return (
    <View className={`section mo${selected ? ' mo-selected' : ''}`} data-testid='merchant-order' onClick={selectable ? onSelect : undefined}>
      <View className='mo-top'>
        {selecting ? <View className={`mo-check${selectable ? '' : ' mo-check-off'}${selected ? ' mo-check-on' : ''}`} data-testid='order-select' /> : null}
        <Text className='mo-no' data-testid='order-no'>
          订单 {o.id}
        </Text>
        <Tag tone={tag.tone} testId='merchant-order-state'>
          {tag.label}
        </Tag>
      </View>
      <Text className='muted mo-meta'>
        {formatDateTime(o.createdAt)} · 买家 {o.buyerNickname ?? '同学'}
      </Text>
      <View className='mo-item'>
        {o.image ? <Image className='mo-image' src={o.image} mode='aspectFill' /> : null}
        <View className='mo-item-main'>
          <Text className='mo-title'>{o.title}</Text>
          <Text className='muted'>
            {o.kind === 'group' ? '拼团' : '单独购买'} · {formatFen(o.unitPriceFen || o.amountFen)} × {o.quantity || 1}
          </Text>
        </View>
        <View className='mo-amount'>
          <Text className='mo-amount-n'>{formatFen(o.amountFen)}</Text>
          {o.refundedFen > 0 ? <Text className='mo-refunded'>已退 {formatFen(o.refundedFen)}</Text> : null}
        </View>
      </View>
      <Text className='mo-where' data-testid='order-fulfilment'>
        {whereTo(o)}
      </Text>
      {o.tracking ? (
        <Text className='muted mo-where'>
          {o.tracking.carrier}
          {o.tracking.trackingNo ? ` · ${o.tracking.trackingNo}` : ''}
        </Text>
      ) : null}
      {!request && o.refund?.state === 'rejected' ? (
        <Text className='muted mo-where' data-testid='refund-rejected'>
          已驳回售后申请（{formatFen(o.refund.amountFen)}）：{o.refund.rejectReason}
        </Text>
      ) : null}
      {!request && (o.refund?.state === 'refunding' || o.refund?.state === 'succeeded') ? (
        <Text className='muted mo-where'>
          {o.refund.state === 'refunding' ? '退款中' : '已退款'} {formatFen(o.refund.amountFen)}：{o.refund.reason}
        </Text>
      ) : null}
      {request ? (
        <View className='mo-refund' data-testid='refund-request'>
          <Text className='mo-refund-head'>
            买家申请退款 {formatFen(request.amountFen)}：{request.reason}
          </Text>
          {request.note ? <Text className='mo-refund-note'>说明：{request.note}</Text> : null}
          {request.photos.length ? (
            <View className='mo-photos'>
              {request.photos.map((src) => (
                <Image
                  key={src}
                  className='mo-photo'
                  src={src}
                  mode='aspectFill'
                  data-testid='refund-photo'
                  onClick={(e) => {
                    e.stopPropagation();
                    void Taro.previewImage({ urls: request.photos, current: src });
                  }}
                />
              ))}
            </View>
          ) : null}
          <View className='mo-actions'>
            <Button size='small' type='ghost' testId='refund-reject' onClick={() => actions.reject(o)}>
              驳回
            </Button>
            <Button size='small' type='primary' testId='approve-refund' onClick={() => actions.approve(o)}>
              同意退款
            </Button>
          </View>
        </View>
      ) : null}
      {!selecting && (canShip || canReady || canVerify) ? (
        <View className='mo-actions'>
          {canShip ? (
            <Button size='small' type='primary' testId='ship-button' onClick={() => actions.ship(o)}>
              发货
            </Button>
          ) : null}
          {canReady ? (
            <Button size='small' type='primary' testId='ready-button' onClick={() => actions.ready(o)}>
              备货完成（通知自提）
            </Button>
          ) : null}
          {canVerify ? (
            <Button size='small' type='primary' testId='verify-button' onClick={() => actions.verify(o)}>
              核销
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
