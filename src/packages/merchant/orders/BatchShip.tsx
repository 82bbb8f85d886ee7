// 批量发货: one carrier for every selected delivery order and a tracking number each.

import type { OrderView } from '@core/contracts/groupbuy';
import { merchantInput } from '@core/contracts/groupbuy';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { type Carrier, shipMany } from '../../../api/merchant-shop';
import { Button, Field, Sheet, TextField, toast } from '../../../components/ui';
import { check, type FieldErrors } from '../shared/form';
import { CarrierChips, SELF_DELIVERY } from './ShipDialog';

export function BatchShip({ orders, open, onClose, onShipped }: { orders: OrderView[]; open: boolean; onClose: () => void; onShipped: () => unknown }) {
  const [carrier, setCarrier] = useState<Carrier | ''>('');
  const [numbers, setNumbers] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (open) {
      setNumbers({});
      setErrors({});
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
    toast(`已发货 ${orders.length} 单`, 'success');
    await onShipped();
  };

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
          <Text key={o.id} className='mo-batch-row'>
            {o.buyerNickname ?? '同学'} · {o.title}
          </Text>
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
      {errors._ ? <Text className='mo-error'>{errors._}</Text> : null}
      <View className='mo-batch-gap' />
    </Sheet>
  );
}
