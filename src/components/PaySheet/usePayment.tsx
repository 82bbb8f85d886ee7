// Paying for an order, the same on every page: order.pay, then WeChat's sheet on weapp or the
// local cloud's simulated sheet on H5. pay() resolves true once the payment went through (the
// server learns it from the callback, so pages reload the order afterwards either way).
import type { PayResult } from '@core/contracts/groupbuy';
import Taro from '@tarojs/taro';
import { type ReactNode, useRef, useState } from 'react';
import { payOrder } from '../../api/groupbuy';
import { toast } from '../ui/toast';
import { PaySheet } from '.';

export function usePayment(): { pay: (orderId: string) => Promise<boolean>; sheet: ReactNode } {
  const [paying, setPaying] = useState<PayResult | null>(null);
  const settle = useRef<((paid: boolean) => void) | null>(null);
  const pay = async (orderId: string): Promise<boolean> => {
    const res = await payOrder(orderId);
    if (!res.ok) {
      toast(res.message, 'error');
      return false;
    }
    if (process.env.TARO_ENV === 'weapp') {
      try {
        await Taro.requestPayment({ ...res.data.payment, signType: res.data.payment.signType as 'RSA' });
        return true;
      } catch {
        toast('支付未完成，可以稍后在订单里继续付款');
        return false;
      }
    }
    setPaying(res.data);
    return new Promise<boolean>((resolve) => {
      settle.current = resolve;
    });
  };
  const finish = (paid: boolean) => {
    setPaying(null);
    settle.current?.(paid);
    settle.current = null;
  };
  const sheet = paying ? (
    <PaySheet outTradeNo={paying.outTradeNo} totalFen={paying.totalFen} onCancel={() => finish(false)} onDone={() => finish(true)} />
  ) : null;
  return { pay, sheet };
}
