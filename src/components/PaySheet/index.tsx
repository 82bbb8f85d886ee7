// H5 only: the local cloud's stand-in for WeChat Pay's sheet. Confirming asks the local cloud
// to deliver the payment result to payCallback, exactly as WeChat Pay would.
import { formatFen } from '@core/money';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { simulatePayment } from '../../api/transport';
import { Button } from '../ui';
import { useMaskedNavBar } from '../ui/mask';
import './index.css';

export function PaySheet({ outTradeNo, totalFen, onDone, onCancel }: { outTradeNo: string; totalFen: number; onDone: () => void; onCancel: () => void }) {
  const [error, setError] = useState('');
  useMaskedNavBar();
  const pay = async (result: 'success' | 'fail') => {
    setError('');
    try {
      await simulatePayment(outTradeNo, result);
      onDone();
    } catch {
      setError('支付没有完成，请重试');
    }
  };
  return (
    <View className='pay-mask'>
      <View className='pay-sheet' data-testid='pay-sheet'>
        <Text className='pay-brand'>微信支付 · 本地模拟</Text>
        <Text className='pay-amount'>{formatFen(totalFen)}</Text>
        <Text className='pay-no'>订单号 {outTradeNo}</Text>
        {error ? <Text className='pay-error'>{error}</Text> : null}
        <View className='pay-actions'>
          <Button type='primary' size='large' block testId='pay-confirm' onClick={() => pay('success')}>
            确认支付
          </Button>
          <Button size='large' block onClick={onCancel}>
            取消
          </Button>
        </View>
      </View>
    </View>
  );
}
