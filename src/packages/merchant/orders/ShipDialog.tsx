// 发货: a carrier from the fixed list and the tracking number (not needed when the shop
// delivers itself). Also used for one order in a batch.
import { CARRIERS } from '@core/contracts/fulfilment';
import { merchantInput } from '@core/contracts/groupbuy';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { type Carrier, shipOrder } from '../../../api/merchant-shop';
import { Dialog, Field, TextField, toast } from '../../../components/ui';
import { check, type FieldErrors, serverErrors } from '../shared/form';

export const SELF_DELIVERY: Carrier = '商家配送';

/** Checks a carrier and tracking number the way the server will; '' when fine. */
export function trackingError(carrier: Carrier | '', trackingNo: string): FieldErrors {
  if (!carrier) return { carrier: '请选择配送方式' };
  if (carrier !== SELF_DELIVERY && !trackingNo.trim()) return { trackingNo: '请填写运单号' };
  const res = check(merchantInput.ship, { orderId: 'x', carrier, trackingNo });
  return res.errors ?? {};
}

export function CarrierChips({ value, onChange, testId }: { value: Carrier | ''; onChange: (c: Carrier) => void; testId: string }) {
  return (
    <View className='mo-chips' data-testid={testId}>
      {CARRIERS.map((c) => (
        <Text key={c} className={`chip mo-chip${c === value ? ' chip-on' : ''}`} data-testid={`${testId}-option`} onClick={() => onChange(c)}>
          {c}
        </Text>
      ))}
    </View>
  );
}

export function ShipDialog({ orderId, title, onClose, onShipped }: { orderId: string | null; title: string; onClose: () => void; onShipped: () => unknown }) {
  const [carrier, setCarrier] = useState<Carrier | ''>('');
  const [trackingNo, setTrackingNo] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    setCarrier('');
    setTrackingNo('');
    setErrors({});
  }, [orderId]);

  const confirm = async () => {
    if (!orderId) return false;
    const bad = trackingError(carrier, trackingNo);
    if (Object.keys(bad).length || !carrier) {
      setErrors(bad);
      return false;
    }
    const res = await shipOrder(orderId, carrier, trackingNo.trim());
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT') setErrors(serverErrors(res.message, ['carrier', 'trackingNo']));
      else toast(res.message);
      return false;
    }
    toast('已发货', 'success');
    await onShipped();
    return true;
  };

  return (
    <Dialog open={orderId !== null} title='发货' confirmText='确认发货' onConfirm={confirm} onCancel={onClose} testId='ship'>
      <Text className='mo-dialog-sub'>{title}</Text>
      <Field label='配送方式' required error={errors.carrier}>
        <CarrierChips
          value={carrier}
          testId='ship-carrier'
          onChange={(c) => {
            setCarrier(c);
            setErrors({});
          }}
        />
      </Field>
      {carrier !== SELF_DELIVERY ? (
        <TextField
          label='运单号'
          required
          value={trackingNo}
          maxlength={32}
          placeholder='字母、数字和 -'
          error={errors.trackingNo}
          onInput={(v) => {
            setTrackingNo(v);
            setErrors({});
          }}
          testId='ship-tracking'
        />
      ) : (
        <Text className='muted'>商家自己送到买家手里，不需要运单号。</Text>
      )}
    </Dialog>
  );
}
