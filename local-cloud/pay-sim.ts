// The local stand-in for WeChat Pay's notification: delivers the result of a payment to the
// payCallback function with SOURCE wx_paycallback, as many times as asked (WeChat does retry).
import type { LocalCloud } from './host';

export async function simulatePayment(cloud: LocalCloud, outTradeNo: string, result: 'success' | 'fail', repeat: number): Promise<unknown[] | null> {
  const { data } = await cloud.db.collection<{ totalFen: number }>('orders').where({ _id: outTradeNo }).limit(1).get();
  const order = data[0];
  if (!order) return null;
  const notification = {
    returnCode: 'SUCCESS',
    resultCode: result === 'success' ? 'SUCCESS' : 'FAIL',
    outTradeNo,
    totalFee: order.totalFen,
    transactionId: `local_${outTradeNo}`,
  };
  const out = [];
  for (let i = 0; i < repeat; i++) out.push(await cloud.invoke('payCallback', notification, { source: 'wx_paycallback' }));
  return out;
}
