// cloudPay (云开发微信支付). Categories cloudPay refuses can swap this adapter for direct
// WeChat Pay APIv3 without touching the functions: they only see the PayPort.
import type { PaymentParams, PayPort } from '../ports';

type CloudPay = {
  unifiedOrder(args: Record<string, unknown>): Promise<{ returnCode?: string; resultCode?: string; payment?: PaymentParams; errMsg?: string }>;
  refund(args: Record<string, unknown>): Promise<{ returnCode?: string; resultCode?: string; errCodeDes?: string }>;
};

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
      const res = await cloudPay.refund({
        out_trade_no: outTradeNo,
        out_refund_no: outRefundNo,
        total_fee: totalFen,
        refund_fee: refundFen,
        sub_mch_id: env.subMchId,
        env_id: env.envId,
        function_name: 'payCallback',
        nonce_str: outRefundNo.slice(0, 32),
      });
      return res.resultCode === 'SUCCESS' ? { ok: true } : { ok: false, detail: res.errCodeDes ?? res.resultCode };
    },
  };
}
