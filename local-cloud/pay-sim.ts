// The local stand-in for WeChat Pay's notifications: delivers the result of a payment, or of a
// refund, to the payCallback function with SOURCE wx_paycallback (the shapes cloudPay uses), as
// many times as asked (WeChat does retry).
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

/** The refund result notice for a refund the stand-in accepted (null if it never did), after settling it. */
export async function simulateRefundNotice(cloud: LocalCloud, outRefundNo: string, repeat: number): Promise<unknown[] | null> {
  const refundFen = cloud.pay.refunds.get(outRefundNo);
  if (refundFen === undefined) return null;
  cloud.pay.settleRefund(outRefundNo);
  const { data } = await cloud.db.collection<{ orderId: string; totalFen: number }>('refunds').where({ _id: outRefundNo }).limit(1).get();
  const notice = refundNoticeEvent(outRefundNo, data[0]?.orderId ?? '', data[0]?.totalFen ?? refundFen, refundFen);
  const out = [];
  for (let i = 0; i < repeat; i++) out.push(await cloud.invoke('payCallback', notice, { source: 'wx_paycallback' }));
  return out;
}

/** A refund notice as cloudPay delivers it to the function named in CloudPay.refund (req_info decrypted, camelCase). */
export function refundNoticeEvent(outRefundNo: string, outTradeNo: string, totalFen: number, refundFen: number, refundStatus = 'SUCCESS') {
  return {
    returnCode: 'SUCCESS',
    outRefundNo,
    outTradeNo,
    refundId: `local_${outRefundNo}`,
    transactionId: `local_${outTradeNo}`,
    totalFee: totalFen,
    refundFee: refundFen,
    settlementRefundFee: refundFen,
    refundStatus,
    refundRecvAccout: '支付用户零钱',
  };
}
