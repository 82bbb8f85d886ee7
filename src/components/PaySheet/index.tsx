// H5 only: the local cloud's stand-in for WeChat Pay's sheet. Confirming asks the local cloud
// to deliver the payment result to payCallback, exactly as WeChat Pay would.
import { formatFen } from '@core/money';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { simulatePayment } from '../../api/transport';
import './index.css';
import { ActionButton } from '../ActionButton';

export function PaySheet({ outTradeNo, totalFen, onDone, onCancel }: { outTradeNo: string; totalFen: number; onDone: () => void; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const pay = async (result: 'success' | 'fail') => {
    setBusy(true);
    setError('');
    try {
      await simulatePayment(outTradeNo, result);
      onDone();
    } catch {
      setError('支付没有完成，请重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='pay-mask'>
      <View className='pay-sheet' data-testid='pay-sheet'>
        <Text className='pay-brand'>微信支付 · 本地模拟</Text>
        <Text className='pay-amount'>{formatFen(totalFen)}</Text>
        <Text className='pay-no'>订单号 {outTradeNo}</Text>
        {error ? <Text className='pay-error'>{error}</Text> : null}
        <ActionButton className='btn-primary pay-btn' data-testid='pay-confirm' loading={busy} disabled={busy} onClick={() => pay('success')}>
          确认支付
        </ActionButton>
        <ActionButton className='btn-plain pay-btn' disabled={busy} onClick={onCancel}>
          取消
        </ActionButton>
      </View>
    </View>
  );
}
