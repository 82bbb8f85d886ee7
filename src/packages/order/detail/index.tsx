// One order for its buyer: where it is (a pickup code big enough to show at the counter), how it
// reaches them, tracking, the after-sales request and what the merchant said, the history as a
// timeline, and the buttons the server allows.
import type { OrderView } from '@core/contracts/groupbuy';
import { formatFen } from '@core/money';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { getOrder } from '../../../api/shop';
import { ContactButton } from '../../../components/ContactButton';
import { useOrderActions } from '../../../components/OrderCard/actions';
import { orderStatus, REFUND_STATE_TEXT, stepName } from '../../../components/OrderCard/status';
import { ActionBar, Button, Cell, CellGroup, Empty, Tag, toast } from '../../../components/ui';
import { useOpenedRef } from '../../../services/opened';
import { askReminder, prepareReminders } from '../../../services/reminders';
import { type Reviewed, reviewedOrder } from '../../../services/reviewed';
import { safeDecode } from '../../../utils/query';
import { formatDateTime } from '../../../utils/time';
import './index.css';

const copy = (data: string, what: string) =>
  Taro.setClipboardData({ data })
    .then(() => toast(`${what}已复制`, 'success'))
    .catch(() => toast('复制失败，请长按手动复制'));

const go = (url: string) => Taro.navigateTo({ url });

export default function OrderDetail() {
  const [id, setId] = useState('');
  const [o, setO] = useState<OrderView | null>(null);
  const [error, setError] = useState('');
  // 已评价 as this phone remembers it (read again on each show: the review page writes it).
  const [reviewed, setReviewed] = useState<Reviewed | null>(null);
  const load = async (orderId = id) => {
    setError('');
    const res = await getOrder(orderId);
    if (res.ok) setO(res.data);
    else setError(res.code === 'NOT_FOUND' ? '订单不存在' : res.message);
  };
  const { buttons, overlays } = useOrderActions(() => load());
  // A pickup or group-result reminder opens this page with ?ref=: counted once.
  useOpenedRef();
  useDidShow(prepareReminders);
  useLoad((p) => {
    const oid = safeDecode(p.id);
    if (!oid) return setError('链接已失效');
    setId(oid);
  });
  useDidShow(() => {
    if (!id) return;
    setReviewed(reviewedOrder(id));
    void load();
  });
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  if (!o)
    return (
      <View className='page'>
        {error ? (
          <Empty
            title={error}
            actionText='我的订单'
            onAction={() => Taro.redirectTo({ url: '/pages/orders/index' })}
            secondaryText={id ? '重试' : undefined}
            onSecondary={() => load()}
          />
        ) : (
          <Text className='odt-loading'>{id ? '加载中…' : ''}</Text>
        )}
      </View>
    );

  const status = orderStatus(o);
  const f = o.fulfilment;
  const refund = o.refund;
  const history = [...(o.history ?? [])].filter((h) => h.to !== 'reserving').reverse();
  return (
    <View className='page odt-page'>
      <View className={`odt-head odt-head-${status.tone}`}>
        <Text className='odt-state' data-testid='order-detail-state'>
          {status.text}
        </Text>
        {o.state === 'created' && o.seatExpiresAt ? (
          <Text className='odt-head-hint'>请在 {formatDateTime(o.seatExpiresAt)} 前付款，过时名额自动释放</Text>
        ) : null}
        {o.state === 'awaiting_group' ? <Text className='odt-head-hint'>邀请同学参团，人齐了就成团；没拼成自动全额退款</Text> : null}
        {o.state === 'confirmed' ? <Text className='odt-head-hint'>商家正在准备，发货或到自提点后会通知你</Text> : null}
      </View>

      {o.pickupCode && f?.type === 'pickup' ? (
        <View className='section odt-code' data-testid='pickup-code'>
          <Text className='odt-code-hint'>到 {f.point.name} 出示取货码</Text>
          <Text className='odt-code-value'>{o.pickupCode.replace(/(\d{3})(\d{3})/, '$1 $2')}</Text>
          <Text className='odt-code-sub'>
            {f.point.place} · {f.point.hours}
          </Text>
          {o.state === 'ready_for_pickup' ? (
            <Button size='small' testId='pickup-remind' onClick={() => askReminder({ kind: 'pickup', orderId: o.id }, '会在你不上课的时候提醒你来取')}>
              自提提醒
            </Button>
          ) : null}
        </View>
      ) : null}

      {refund ? (
        <CellGroup title='售后'>
          <Cell
            title='退款状态'
            label={refund.state === 'rejected' ? <Text className='odt-reject'>已驳回：{refund.rejectReason ?? '商家没有写原因'}</Text> : undefined}
            value={
              <View data-testid='refund-state'>
                <Tag tone={REFUND_STATE_TEXT[refund.state].tone}>{REFUND_STATE_TEXT[refund.state].text}</Tag>
              </View>
            }
          />
          <Cell title='退款金额' value={formatFen(refund.amountFen)} />
          <Cell title='退款原因' value={refund.reason} label={refund.note || undefined} />
          {refund.photos.length ? (
            <View className='odt-photos'>
              {refund.photos.map((src) => (
                <Image key={src} className='odt-photo' src={src} mode='aspectFill' onClick={() => Taro.previewImage({ urls: refund.photos, current: src })} />
              ))}
            </View>
          ) : null}
        </CellGroup>
      ) : null}

      <CellGroup title={f?.type === 'delivery' ? '送货上门' : '自提'}>
        {f?.type === 'pickup' ? <Cell title={f.point.name} label={`${f.point.place} · 营业时间 ${f.point.hours}`} /> : null}
        {f?.type === 'delivery' ? <Cell title={`${f.address.building} ${f.address.room}`} label={`${f.address.name} ${f.address.phone}`} /> : null}
        {!f ? <Cell title='到店自提' label='商家会告诉你取货地点' /> : null}
        {o.tracking ? (
          <Cell
            title={o.tracking.carrier}
            label={o.tracking.trackingNo ? `运单号 ${o.tracking.trackingNo}` : '商家自己送货'}
            value={o.tracking.trackingNo ? '复制' : undefined}
            onClick={o.tracking.trackingNo ? () => copy(o.tracking?.trackingNo ?? '', '运单号') : undefined}
            testId='tracking'
          />
        ) : null}
      </CellGroup>

      <View className='section odt-item'>
        <Image className='odt-img' src={o.image} mode='aspectFill' />
        <View className='odt-item-main'>
          <Text className='odt-title'>{o.title}</Text>
          <Text className='odt-sub'>
            {o.kind === 'group' ? '拼团' : '单独购买'} · {formatFen(o.unitPriceFen ?? o.amountFen)} × {o.quantity ?? 1}
          </Text>
        </View>
        <View className='odt-item-money'>
          <Text className='odt-amount'>{formatFen(o.amountFen)}</Text>
          {o.refundedFen > 0 ? <Text className='odt-refunded'>已退 {formatFen(o.refundedFen)}</Text> : null}
        </View>
      </View>

      {o.state === 'completed' ? (
        <View className='section odt-review' data-testid='order-review'>
          <Text className='odt-review-text'>{reviewed ? '已评价' : '用得怎么样？评价一下，帮同学们参考'}</Text>
          {reviewed ? (
            reviewed.noteId ? (
              <Button
                size='small'
                testId='order-review-note'
                onClick={() => go(`/packages/notes/detail/index?id=${encodeURIComponent(reviewed.noteId ?? '')}`)}
              >
                查看笔记
              </Button>
            ) : null
          ) : (
            <Button
              size='small'
              type='primary'
              testId='order-review-button'
              onClick={() => go(`/packages/notes/review/index?orderId=${encodeURIComponent(o.id)}`)}
            >
              评价
            </Button>
          )}
        </View>
      ) : null}

      <CellGroup title='订单信息'>
        <Cell title='订单号' label={o.id} value='复制' onClick={() => copy(o.id, '订单号')} testId='order-number' />
        <Cell title='下单时间' value={formatDateTime(o.createdAt)} />
        {o.paidAt ? <Cell title='付款时间' value={formatDateTime(o.paidAt)} /> : null}
        {o.groupId ? <Cell title='拼团详情' arrow onClick={() => Taro.navigateTo({ url: `/pages/group/index?id=${o.groupId}` })} /> : null}
        <Cell title='订单有问题？' label='问商家或看订单、退款、取货的常见问题' value={<ContactButton orderId={o.id} testId='order-contact-support' />} />
      </CellGroup>

      {history.length ? (
        <CellGroup title='订单进度'>
          <View className='odt-timeline' data-testid='order-timeline'>
            {history.map((h, i) => (
              <View key={`${h.at}-${h.to}`} className={`odt-step${i === 0 ? ' odt-step-now' : ''}`}>
                <View className='odt-dot' />
                <View className='odt-step-main'>
                  <Text className='odt-step-name'>{stepName(h.to, o.kind, h.from)}</Text>
                  <Text className='odt-step-at'>{formatDateTime(h.at)}</Text>
                </View>
              </View>
            ))}
          </View>
        </CellGroup>
      ) : null}

      {o.actions?.length ? <ActionBar>{buttons(o, 'large')}</ActionBar> : <View className='odt-end' />}
      {overlays}
    </View>
  );
}
