// 批量发货: one carrier for every selected delivery order and a tracking number each. Each
// order ships or not on its own: the sheet reports how many shipped, and the ones that did not
// stay selected with the server's reason by each (onShipped gets their ids).

import type { OrderView } from '@core/contracts/groupbuy';
import { merchantInput } from '@core/contracts/groupbuy';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { type Carrier, shipMany } from '../../../api/merchant-shop';
import { Button, Field, Sheet, TextField, toast } from '../../../components/ui';
import { check, type FieldErrors } from '../shared/form';
import { batchOutcome } from './batch';
import { CarrierChips, SELF_DELIVERY } from './ShipDialog';

export function BatchShip({
  orders,
  open,
  onClose,
  onShipped,
}: {
  orders: OrderView[];
  open: boolean;
  onClose: () => void;
  /** After a shipment: the ids of the orders that did not ship (empty when all did). */
  onShipped: (failed: string[]) => unknown;
}) {
  const [carrier, setCarrier] = useState<Carrier | ''>('');
  const [numbers, setNumbers] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  /** Orders the last shipment refused, with why (kept even if the list no longer offers them). */
  const [refused, setRefused] = useState<{ orderId: string; title: string; message: string }[]>([]);
  useEffect(() => {
    if (open) {
      setNumbers({});
      setErrors({});
      setRefused([]);
    }
  }, [open]);

  const submit = async () => {
    const next: FieldErrors = {};
    if (!carrier) next.carrier = '请选择配送方式';
    for (const o of orders) {
      const no = (numbers[o.id] ?? '').trim();
      if (carrier && carrier !== SELF_DELIVERY && !no) next[o.id] = '请填写运单号';
      else if (no && !/^[0-9A-Za-z-]{1,32}$/.test(no)) next[o.id] = '运单号只含字母、数字和 -';
    }
    if (Object.keys(next).length || !carrier) return setErrors(next);
    const input = { carrier, orders: orders.map((o) => ({ orderId: o.id, trackingNo: carrier === SELF_DELIVERY ? '' : (numbers[o.id] ?? '').trim() })) };
    const checked = check(merchantInput.shipMany, input, { orders: '一次最多发 20 单' });
    if (checked.errors) return setErrors({ _: checked.errors.orders ?? checked.errors.carrier ?? '请检查后再发货' });
    const res = await shipMany(carrier, input.orders);
    if (!res.ok) {
      setErrors({ _: res.message });
      return;
    }
    const outcome = batchOutcome(res.data);
    if (outcome.failed.length === 0) {
      toast(outcome.summary, 'success');
      await onShipped([]);
      return;
    }
    toast(outcome.summary);
    const why: FieldErrors = { _: outcome.summary };
    for (const f of outcome.failed) why[f.orderId] = f.message;
    setErrors(why);
    const titles = new Map(orders.map((o) => [o.id, `${o.buyerNickname ?? '同学'} · ${o.title}`]));
    setRefused(outcome.failed.map((f) => ({ ...f, title: titles.get(f.orderId) ?? `订单 ${f.orderId}` })));
    await onShipped(outcome.failed.map((f) => f.orderId));
  };
  const listed = new Set(orders.map((o) => o.id));

  return (
    <Sheet
      open={open}
      title={`批量发货（${orders.length} 单）`}
      onClose={onClose}
      testId='batch-ship-sheet'
      footer={
        <Button type='primary' block testId='batch-ship-confirm' onClick={submit}>
          确认发货
        </Button>
      }
    >
      <Field label='配送方式（这几单相同）' required error={errors.carrier}>
        <CarrierChips
          value={carrier}
          testId='batch-carrier'
          onChange={(c) => {
            setCarrier(c);
            setErrors({});
          }}
        />
      </Field>
      {orders.map((o) =>
        carrier === SELF_DELIVERY ? (
          <View key={o.id} className='mo-batch-row'>
            <Text>
              {o.buyerNickname ?? '同学'} · {o.title}
            </Text>
            {errors[o.id] ? <Text className='mo-error'>{errors[o.id]}</Text> : null}
          </View>
        ) : (
          <TextField
            key={o.id}
            label={`${o.buyerNickname ?? '同学'} · ${o.title}`}
            required
            value={numbers[o.id] ?? ''}
            maxlength={32}
            placeholder='运单号'
            error={errors[o.id]}
            onInput={(v) => {
              setNumbers({ ...numbers, [o.id]: v });
              setErrors({ ...errors, [o.id]: '' });
            }}
            testId='batch-tracking'
          />
        ),
      )}
      {errors._ ? (
        <Text className='mo-error' data-testid='batch-ship-result'>
          {errors._}
        </Text>
      ) : null}
      {refused
        .filter((f) => !listed.has(f.orderId))
        .map((f) => (
          <Text key={f.orderId} className='mo-error'>
            {f.title}：{f.message}
          </Text>
        ))}
      <View className='mo-batch-gap' />
    </Sheet>
  );
}
