// The one checkout: 单独购买 (quantity within what the student may buy) or a group seat (开团 /
// 参团, one unit a seat), and how the order reaches them: a pickup point of the shop or delivery
// to their dormitory. Errors sit next to their fields; the parent pays for the order it gets.
import type { Address } from '@core/contracts/fulfilment';
import type { Checkout } from '@core/contracts/groupbuy';
import { formatFen } from '@core/money';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { newRequestId } from '../../api/groupbuy';
import { buy, checkout, joinGroupWith, openGroupWith } from '../../api/shop';
import { PrivacySheet } from '../PrivacySheet';
import { Button, Empty, Sheet, Stepper, TextField, toast } from '../ui';
import { type AddressErrors, fulfilmentOf } from './fulfilment-form';
import './index.css';

export type CheckoutMode =
  | { kind: 'solo'; productId: string }
  | { kind: 'open'; productId: string; campaignId: string; groupPriceFen: number; groupSize: number; perStudentLimit: number }
  | { kind: 'join'; productId: string; groupId: string; groupPriceFen: number; perStudentLimit: number; leaderNickname: string };

export interface Ordered {
  orderId: string;
  groupId?: string;
}

const ADDRESS_KEY = 'sprout.lastAddress';
const emptyAddress: Address = { building: '', room: '', name: '', phone: '' };

function lastAddress(): Address {
  try {
    const saved = Taro.getStorageSync(ADDRESS_KEY) as Address | '';
    return saved ? { ...emptyAddress, ...saved } : emptyAddress;
  } catch {
    return emptyAddress;
  }
}

export function CheckoutSheet({
  mode,
  title,
  onClose,
  onOrdered,
}: {
  mode: CheckoutMode;
  title: string;
  onClose: () => void;
  onOrdered: (o: Ordered) => unknown;
}) {
  const [info, setInfo] = useState<Checkout | null>(null);
  const [loadError, setLoadError] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [choice, setChoice] = useState('');
  const [address, setAddress] = useState<Address>(lastAddress);
  const [errors, setErrors] = useState<AddressErrors>({});
  const [formError, setFormError] = useState('');
  // One id per attempt; kept across a NETWORK failure so a retry cannot order twice.
  const requestId = useRef(newRequestId());

  const load = async () => {
    setLoadError('');
    const res = await checkout(mode.productId);
    if (!res.ok) return setLoadError(res.message);
    setInfo(res.data);
    const points = res.data.shop.pickupPoints;
    setChoice((c) => c || (points[0]?.id ?? (res.data.shop.delivery.enabled ? 'delivery' : '')));
  };
  // Loads once per sheet (the sheet is mounted for one checkout).
  useEffect(() => {
    void load();
  }, []);

  const solo = mode.kind === 'solo';
  const unitFen = solo ? (info?.priceFen ?? 0) : mode.groupPriceFen;
  const maxQuantity = solo ? Math.max(0, info?.maxQuantity ?? 0) : 1;
  const setField = (k: keyof Address) => (v: string) => {
    setAddress((a) => ({ ...a, [k]: v }));
    if (errors[k]) setErrors((e) => ({ ...e, [k]: undefined }));
  };

  const useWechatAddress = async () => {
    const picked = await Taro.chooseAddress().catch(() => null);
    if (!picked) return;
    setAddress((a) => ({ ...a, name: picked.userName || a.name, phone: picked.telNumber || a.phone, building: a.building || picked.detailInfo || '' }));
    setErrors({});
  };

  const submit = async () => {
    setFormError('');
    const f = fulfilmentOf(choice, address);
    if (!f.ok) {
      setErrors(f.errors);
      if (f.message) setFormError(f.message);
      return;
    }
    setErrors({});
    if (f.value.type === 'delivery') Taro.setStorageSync(ADDRESS_KEY, f.value.address);
    const rid = requestId.current;
    const res =
      mode.kind === 'solo'
        ? await buy({ productId: mode.productId, quantity, fulfilment: f.value, requestId: rid })
        : mode.kind === 'open'
          ? await openGroupWith(mode.campaignId, rid, f.value)
          : await joinGroupWith(mode.groupId, rid, f.value);
    if (!res.ok) {
      if (res.code !== 'NETWORK') requestId.current = newRequestId();
      setFormError(res.message);
      toast(res.message, 'error');
      return;
    }
    await onOrdered(res.data);
  };

  const action = mode.kind === 'solo' ? '立即购买' : mode.kind === 'open' ? '开团' : '参团';
  const footer = info ? (
    <View className='co-foot'>
      <View className='co-total'>
        <Text className='co-total-label'>合计</Text>
        <Text className='co-total-fen' data-testid='checkout-total'>
          {formatFen(unitFen * quantity)}
        </Text>
      </View>
      <Button type='primary' size='large' testId='checkout-submit' disabled={maxQuantity < 1} onClick={submit}>
        {maxQuantity < 1 ? '暂时买不了' : `${action} ${formatFen(unitFen * quantity)}`}
      </Button>
    </View>
  ) : null;

  return (
    <Sheet open title={title} onClose={onClose} footer={footer} testId='checkout-sheet'>
      {!info ? (
        loadError ? (
          <Empty title='没能打开结算' hint={loadError} actionText='重试' onAction={load} />
        ) : (
          <Text className='co-muted'>加载中…</Text>
        )
      ) : (
        <View>
          <View className='co-row'>
            <View className='co-row-main'>
              <Text className='co-label'>数量</Text>
              <Text className='co-hint'>
                {solo
                  ? info.maxQuantity > 0
                    ? `单价 ${formatFen(unitFen)} · 最多可买 ${maxQuantity} 件`
                    : info.stock > 0
                      ? '已达到你的购买上限'
                      : '已售罄'
                  : `拼团每个名额 1 件 · 本活动每人限 ${mode.perStudentLimit} 件（可在不同的团里各买 1 件）`}
              </Text>
            </View>
            {solo ? (
              <Stepper value={quantity} min={1} max={Math.max(1, maxQuantity)} onChange={setQuantity} testId='checkout-quantity' />
            ) : (
              <Text className='co-one'>× 1</Text>
            )}
          </View>

          <Text className='co-section'>取货方式</Text>
          {info.shop.pickupPoints.map((p) => (
            <View key={p.id} className={`co-option${choice === p.id ? ' co-option-on' : ''}`} data-testid='pickup-option' onClick={() => setChoice(p.id)}>
              <View className='co-radio' />
              <View className='co-option-main'>
                <Text className='co-option-title'>自提 · {p.name}</Text>
                <Text className='co-option-sub'>{p.place}</Text>
                <Text className='co-option-sub'>营业时间 {p.hours}</Text>
              </View>
            </View>
          ))}
          {info.shop.delivery.enabled ? (
            <View className={`co-option${choice === 'delivery' ? ' co-option-on' : ''}`} data-testid='delivery-option' onClick={() => setChoice('delivery')}>
              <View className='co-radio' />
              <View className='co-option-main'>
                <Text className='co-option-title'>送到宿舍</Text>
                {info.shop.delivery.note ? <Text className='co-option-sub'>{info.shop.delivery.note}</Text> : null}
              </View>
            </View>
          ) : null}
          {info.shop.pickupPoints.length === 0 && !info.shop.delivery.enabled ? <Text className='co-error'>商家还没有设置取货方式，暂时不能下单</Text> : null}

          {choice === 'delivery' ? (
            <View className='co-address'>
              {process.env.TARO_ENV === 'weapp' ? (
                <View className='co-wx'>
                  <Button size='small' type='ghost' onClick={useWechatAddress}>
                    使用微信收货地址
                  </Button>
                </View>
              ) : null}
              <TextField
                label='楼栋'
                required
                value={address.building}
                onInput={setField('building')}
                placeholder='如 7 号楼、桃园 3 栋'
                error={errors.building}
                maxlength={40}
                testId='address-building'
              />
              <TextField
                label='房间号'
                required
                value={address.room}
                onInput={setField('room')}
                placeholder='如 302'
                error={errors.room}
                maxlength={20}
                testId='address-room'
              />
              <TextField
                label='收货人'
                required
                value={address.name}
                onInput={setField('name')}
                placeholder='你的名字'
                error={errors.name}
                maxlength={20}
                testId='address-name'
              />
              <TextField
                label='手机号'
                required
                type='number'
                value={address.phone}
                onInput={setField('phone')}
                placeholder='11 位手机号'
                error={errors.phone}
                maxlength={11}
                testId='address-phone'
              />
            </View>
          ) : null}
          {/* 使用微信收货地址 is a privacy API: WeChat asks for consent through our sheet first. */}
          {process.env.TARO_ENV === 'weapp' ? <PrivacySheet /> : null}
          {formError ? (
            <Text className='co-error' data-testid='checkout-error'>
              {formError}
            </Text>
          ) : null}
        </View>
      )}
    </Sheet>
  );
}
