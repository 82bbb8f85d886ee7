// 核销: the buyer shows a 6-digit pickup code; the merchant types it (or scans it on WeChat)
// and the server checks it. A wrong code is said next to the field, the dialog stays open.
import { merchantInput } from '@core/contracts/groupbuy';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { verifyPickup } from '../../../api/merchant-shop';
import { Button, Dialog, TextField, toast } from '../../../components/ui';
import { check } from '../shared/form';

const CAN_SCAN = process.env.TARO_ENV === 'weapp';

export function VerifyDialog({
  orderId,
  title,
  onClose,
  onVerified,
}: {
  orderId: string | null;
  title: string;
  onClose: () => void;
  onVerified: () => unknown;
}) {
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    setCode('');
    setError('');
  }, [orderId]);

  const scan = async () => {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] }).catch(() => null);
    const digits = res ? /\d{6}/.exec(res.result)?.[0] : undefined;
    if (digits) {
      setCode(digits);
      setError('');
    } else if (res) setError('没有识别到取货码，请手动输入');
  };
  const confirm = async () => {
    if (!orderId) return false;
    const bad = check(merchantInput.verifyPickup, { orderId, code }, { code: '取货码是 6 位数字' });
    if (bad.errors) {
      setError(bad.errors.code ?? '取货码是 6 位数字');
      return false;
    }
    const res = await verifyPickup(orderId, code.trim());
    if (!res.ok) {
      // The server's words: how many tries are left, or that the order takes no more.
      if (res.code === 'WRONG_CODE') setError(res.message);
      else if (res.code === 'INVALID_INPUT') setError('取货码是 6 位数字');
      else toast(res.message);
      return false;
    }
    toast('已核销', 'success');
    await onVerified();
    return true;
  };

  return (
    <Dialog open={orderId !== null} title='核销取货码' confirmText='核销' onConfirm={confirm} onCancel={onClose} testId='verify'>
      <Text className='mo-dialog-sub'>{title}</Text>
      <TextField
        label='买家出示的 6 位取货码'
        required
        type='number'
        maxlength={6}
        value={code}
        placeholder='例如 123456'
        error={error}
        onInput={(v) => {
          setCode(v);
          setError('');
        }}
        testId='verify-code'
      />
      {CAN_SCAN ? (
        <View className='mo-scan'>
          <Button size='small' type='ghost' testId='verify-scan' onClick={scan}>
            扫码
          </Button>
        </View>
      ) : null}
    </Dialog>
  );
}
