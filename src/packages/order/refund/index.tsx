// 申请退款: how much (all by default, at most what can still come back), why (the contract's
// list), up to 3 photos and a note. Errors sit under their fields; after sending, the order's
// page shows 退款申请中 and later the merchant's answer.
import type { OrderView } from '@core/contracts/groupbuy';
import { formatFen } from '@core/money';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { getOrder, requestRefund } from '../../../api/shop';
import { PrivacySheet } from '../../../components/PrivacySheet';
import { ActionBar, Button, Empty, Field, ImageUpload, TextAreaField, TextField, toast } from '../../../components/ui';
import { safeDecode } from '../../../utils/query';
import { checkRefund, REASONS, type RefundErrors, type RefundForm } from './form';
import './index.css';

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Back to the order's page: the one below when we came from it (it reloads on show), else open it. */
const backToOrder = (orderId: string) =>
  Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.redirectTo({ url: `/packages/order/detail/index?id=${orderId}` });

export default function RefundRequest() {
  const [o, setO] = useState<OrderView | null>(null);
  const [error, setError] = useState('');
  const [form, setForm] = useState<RefundForm>({ amount: '', reason: '', note: '', photos: [] });
  const [errors, setErrors] = useState<RefundErrors>({});
  const [sendError, setSendError] = useState('');

  const load = async (orderId: string) => {
    setError('');
    const res = await getOrder(orderId);
    if (!res.ok) return setError(res.message);
    setO(res.data);
    setForm((f) => ({ ...f, amount: yuan(res.data.refundableFen) }));
  };
  useLoad((p) => {
    const oid = safeDecode(p.id);
    if (!oid) return setError('链接已失效');
    void load(oid);
  });
  const set =
    <K extends keyof RefundForm>(k: K) =>
    (v: RefundForm[K]) => {
      setForm((f) => ({ ...f, [k]: v }));
      setErrors((e) => ({ ...e, [k]: undefined }));
    };

  const submit = async () => {
    if (!o) return;
    setSendError('');
    const checked = checkRefund(o.id, o.refundableFen, form);
    if (!checked.ok) return setErrors(checked.errors);
    const res = await requestRefund(checked.value);
    if (!res.ok) return setSendError(res.message);
    toast('已提交，等待商家处理', 'success');
    setTimeout(() => backToOrder(o.id), 800);
  };

  if (!o)
    return (
      <View className='page'>
        {error ? (
          <Empty title={error} actionText='我的订单' onAction={() => Taro.redirectTo({ url: '/pages/orders/index' })} />
        ) : (
          <Text className='rf-loading'>加载中…</Text>
        )}
      </View>
    );
  if (!o.actions.includes('requestRefund'))
    return (
      <View className='page'>
        <Empty
          title='这笔订单现在不能申请退款'
          hint={o.refund?.state === 'requested' ? '已有一个退款申请在等商家处理' : undefined}
          actionText='查看订单'
          onAction={() => Taro.navigateBack()}
        />
      </View>
    );
  return (
    <View className='page rf-page'>
      <View className='section rf-item'>
        <Image className='rf-img' src={o.image} mode='aspectFill' />
        <View className='rf-item-main'>
          <Text className='rf-title'>{o.title}</Text>
          <Text className='rf-sub'>
            实付 {formatFen(o.amountFen)} · 最多可退 {formatFen(o.refundableFen)}
          </Text>
        </View>
      </View>
      <View className='section'>
        <TextField
          label='退款金额（元）'
          required
          type='digit'
          value={form.amount}
          onInput={set('amount')}
          error={errors.amount}
          hint={`默认全部退回，最多 ${formatFen(o.refundableFen)}`}
          testId='refund-amount'
        />
        <Field label='退款原因' required error={errors.reason} testId='refund-reason'>
          <View className='rf-reasons'>
            {REASONS.map((r) => (
              <Text key={r} className={`chip${form.reason === r ? ' chip-on' : ''}`} onClick={() => set('reason')(r)}>
                {r}
              </Text>
            ))}
          </View>
        </Field>
        <Field label='照片（选填，最多 3 张）' error={errors.photos} hint='商品问题请拍清楚，商家处理更快'>
          <ImageUpload value={form.photos} max={3} folder='refunds' onChange={set('photos')} testId='refund-photos' />
        </Field>
        <TextAreaField
          label='补充说明（选填）'
          value={form.note}
          onInput={set('note')}
          error={errors.note}
          placeholder='说说遇到的问题'
          maxlength={200}
          testId='refund-note'
        />
      </View>
      {sendError ? <Text className='rf-error'>{sendError}</Text> : null}
      {/* Choosing photos is a privacy API (album, camera): consent first, through our sheet. */}
      <PrivacySheet />
      <ActionBar>
        <Button type='primary' size='large' block testId='refund-submit' onClick={submit}>
          提交申请
        </Button>
      </ActionBar>
    </View>
  );
}
