// cloudPay (云开发微信支付): payments, refunds and refund queries through wx-server-sdk, which
// signs for us and delivers both payment and refund results to the payCallback function with
// SOURCE wx_paycallback. Categories cloudPay refuses use the APIv3 adapter (pay-v3.ts) instead:
// the functions only see the PayPort.
import type { PaymentParams, PayPort, RefundState } from '../ports';

type CloudPayAnswer = { returnCode?: string; returnMsg?: string; resultCode?: string; errCode?: string; errCodeDes?: string } & Record<string, unknown>;

export type CloudPay = {
  unifiedOrder(args: Record<string, unknown>): Promise<CloudPayAnswer & { payment?: PaymentParams; errMsg?: string }>;
  refund(args: Record<string, unknown>): Promise<CloudPayAnswer>;
  queryRefund(args: Record<string, unknown>): Promise<CloudPayAnswer>;
};

// v2 refund_status: SUCCESS, REFUNDCLOSE, PROCESSING, CHANGE (the buyer's account refused it).
const STATES: Record<string, RefundState> = { SUCCESS: 'SUCCESS', REFUNDCLOSE: 'CLOSED', PROCESSING: 'PROCESSING', CHANGE: 'ABNORMAL' };

/**
 * The state of one refund in a queryRefund answer. The documented fields are refund_status_$n;
 * what cloudPay returns in practice are camelCase lists (refundStatusList beside
 * outRefundNoList), sometimes empty. Anything unreadable counts as still processing: only a
 * clear SUCCESS completes a refund.
 */
export function refundStateFrom(answer: CloudPayAnswer, outRefundNo: string): { state: RefundState; refundFen?: number } {
  if (answer.returnCode !== 'SUCCESS') return { state: 'PROCESSING' };
  if (answer.resultCode !== 'SUCCESS') return { state: answer.errCode === 'REFUNDNOTEXIST' ? 'NOT_FOUND' : 'PROCESSING' };
  const list = (k: string) => (Array.isArray(answer[k]) ? (answer[k] as unknown[]) : []);
  const numbers = list('outRefundNoList');
  const statuses = list('refundStatusList');
  const fees = list('refundFeeList');
  let i = numbers.findIndex((n) => String(n) === outRefundNo);
  if (i < 0 && statuses.length === 1) i = 0; // asked by refund number: the one refund
  let status: unknown = i >= 0 ? statuses[i] : undefined;
  let fee: unknown = i >= 0 ? fees[i] : undefined;
  if (status === undefined) {
    // The documented indexed fields: find the index whose number is ours.
    for (let n = 0; n < 50 && status === undefined; n++) {
      if (answer[`out_refund_no_${n}`] === outRefundNo || answer[`outRefundNo${n}`] === outRefundNo) {
        status = answer[`refund_status_${n}`] ?? answer[`refundStatus${n}`];
        fee = answer[`refund_fee_${n}`] ?? answer[`refundFee${n}`];
      }
    }
  }
  const state = STATES[String(status)] ?? 'PROCESSING';
  const refundFen = Number(fee);
  return Number.isInteger(refundFen) ? { state, refundFen } : { state };
}

export function wxPay(cloudPay: CloudPay, env: { subMchId: string; envId: string }): PayPort {
  return {
    async unifiedOrder({ outTradeNo, totalFen, description }) {
      const res = await cloudPay.unifiedOrder({
        body: description.slice(0, 40),
        outTradeNo,
        totalFee: totalFen,
        spbillCreateIp: '127.0.0.1',
        subMchId: env.subMchId,
        envId: env.envId,
        functionName: 'payCallback',
        nonceStr: outTradeNo.slice(0, 32),
        tradeType: 'JSAPI',
      });
      if (!res.payment) throw new Error(`unifiedOrder failed: ${res.errMsg ?? res.resultCode}`);
      return res.payment;
    },
    async refund({ outTradeNo, outRefundNo, totalFen, refundFen }) {
      // functionName and envId name the function that receives the refund result (CloudPay.refund).
      const res = await cloudPay.refund({
        functionName: 'payCallback',
        envId: env.envId,
        sub_mch_id: env.subMchId,
        nonce_str: outRefundNo.slice(0, 32),
        out_trade_no: outTradeNo,
        out_refund_no: outRefundNo,
        total_fee: totalFen,
        refund_fee: refundFen,
      });
      // SUCCESS here means WeChat accepted the request, not that the buyer has the money.
      if (res.returnCode === 'SUCCESS' && res.resultCode === 'SUCCESS') return { accepted: true };
      return { accepted: false, detail: String(res.errCodeDes ?? res.errCode ?? res.returnMsg ?? res.resultCode ?? 'refund refused') };
    },
    async queryRefund(outRefundNo) {
      const res = await cloudPay.queryRefund({ sub_mch_id: env.subMchId, nonce_str: outRefundNo.slice(0, 32), out_refund_no: outRefundNo });
      return refundStateFrom(res, outRefundNo);
    },
    // cloudPay delivers its notices as function events (SOURCE wx_paycallback), never over HTTP.
    readHttpNotice: () => null,
  };
}
