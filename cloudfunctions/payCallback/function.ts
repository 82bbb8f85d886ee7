// payCallback: WeChat Pay's results. cloudPay calls it with SOURCE wx_paycallback, for payments
// (unifiedOrder's functionName) and for refunds (CloudPay.refund's functionName). With WeChat
// Pay APIv3 the notices arrive over the function's HTTP address instead (云函数 HTTP 访问服务)
// and count only once the pay port has verified their signature and decrypted them. Either way
// the same idempotent flows take them, checking amounts against what is stored; anything
// unverified, or for an unknown order or refund, changes nothing.
import * as z from 'zod';
import { fail, ok, type Result } from '../../core/result';
import { action, type CloudFunction, defineFunction } from '../../server/define';
import { handlePayNotice } from '../../server/payments/pay-notices';
import type { PayNotice } from '../../server/ports';

// cloudPay's notice fields (camelCase); others (appid, mchId, sign, ...) are let through and ignored.
const cloudPayNotice = z.preprocess(
  // Should cloudPay hand a refund's decrypted req_info over as an object, read its fields too.
  (e) => (isObject(e) && isObject(e.reqInfo) ? { ...e, ...e.reqInfo } : e),
  z.object({
    returnCode: z.string().max(16),
    resultCode: z.string().max(16).optional(),
    outTradeNo: z.string().min(1).max(32).optional(),
    totalFee: z.number().int().nonnegative().optional(),
    transactionId: z.string().max(64).optional(),
    // A refund result carries these as well.
    outRefundNo: z.string().min(1).max(64).optional(),
    refundStatus: z.string().max(16).optional(),
    refundFee: z.number().int().nonnegative().optional(),
  }),
);

/** The request CloudBase's HTTP access hands a function: method, headers, raw body. */
const httpRequest = z.object({
  httpMethod: z.string().max(16),
  headers: z.record(z.string(), z.unknown()).default({}),
  body: z.string().max(262_144).default(''),
  isBase64Encoded: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
});

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isHttpEvent(event: unknown): event is z.input<typeof httpRequest> {
  return isObject(event) && typeof event.httpMethod === 'string' && isObject(event.headers);
}

// v2 refund_status: SUCCESS, CHANGE (the buyer's account refused it), REFUNDCLOSE.
const REFUND_STATES: Record<string, 'SUCCESS' | 'ABNORMAL' | 'CLOSED'> = { SUCCESS: 'SUCCESS', CHANGE: 'ABNORMAL', REFUNDCLOSE: 'CLOSED' };

function cloudPayToNotice(n: z.output<typeof cloudPayNotice>): PayNotice | null {
  if (n.outRefundNo) {
    // Checked first: a refund notice also names the order (outTradeNo, totalFee).
    return { kind: 'refund', outRefundNo: n.outRefundNo, state: REFUND_STATES[n.refundStatus ?? ''] ?? 'PROCESSING', refundFen: n.refundFee };
  }
  if (!n.outTradeNo) return null;
  return { kind: 'payment', outTradeNo: n.outTradeNo, paid: n.resultCode === 'SUCCESS', totalFen: n.totalFee ?? -1, transactionId: n.transactionId ?? '' };
}

const inner = defineFunction(
  'payCallback',
  {
    notify: action({
      input: cloudPayNotice,
      public: true,
      async run(ctx, n) {
        if (!ctx.source.split(',').includes('wx_paycallback')) return fail('FORBIDDEN', 'not a WeChat Pay callback');
        // returnCode is the channel's status, not the result: a failed channel carries nothing to act on.
        if (n.returnCode !== 'SUCCESS') return ok({ errcode: 0, errmsg: 'not a result', outcome: 'ignored' });
        const notice = cloudPayToNotice(n);
        if (!notice) return fail('INVALID_INPUT', 'neither a payment nor a refund result');
        const outcome = await handlePayNotice(ctx, notice);
        ctx.log.info('payment callback', { kind: notice.kind, outTradeNo: n.outTradeNo, outRefundNo: n.outRefundNo, outcome });
        return ok({ errcode: 0, errmsg: 'OK', outcome });
      },
    }),
    httpNotify: action({
      input: httpRequest,
      // Anyone can reach an HTTP address: the signature, not the caller, makes a notice count.
      public: true,
      async run(ctx, req) {
        const base64 = req.isBase64Encoded === true || req.isBase64Encoded === 'true';
        const body = base64 ? Buffer.from(req.body, 'base64').toString('utf8') : req.body;
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
        const notice = req.httpMethod.toUpperCase() === 'POST' ? ctx.pay.readHttpNotice({ headers, body }, ctx.now()) : null;
        if (!notice) {
          ctx.log.warn('refused an unverifiable payment notice', { serial: headers['wechatpay-serial'] ?? '', bytes: body.length });
          return fail('UNVERIFIED', '通知验签失败');
        }
        const outcome = await handlePayNotice(ctx, notice);
        ctx.log.info('payment notice', { kind: notice.kind, outcome });
        return ok({ outcome });
      },
    }),
  },
  { sourceActions: { wx_paycallback: 'notify' } },
);

/** An HTTP request becomes the httpNotify action; cloudPay's events go as before. */
const payCallback: CloudFunction = {
  ...inner,
  handle: (event, ctx) => inner.handle(isHttpEvent(event) ? { ...event, action: 'httpNotify' } : event, ctx),
};
export default payCallback;

/**
 * What the platform wants back. cloudPay: {errcode: 0}, anything else is delivered again for up
 * to two days. HTTP (APIv3): 200 with no body when handled; otherwise 4XX/5XX with
 * {code: 'FAIL', message}, and WeChat Pay delivers again: an unverified notice is refused.
 */
export function platformAnswer(event: unknown, res: Result<unknown, string>): unknown {
  if (!isHttpEvent(event)) return res.ok ? res.data : { errcode: 1, errmsg: res.code };
  if (res.ok) return { statusCode: 200, headers: {}, body: '' };
  const statusCode = res.code === 'UNVERIFIED' ? 401 : res.code === 'INTERNAL' ? 500 : 400;
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'FAIL', message: res.message }) };
}
