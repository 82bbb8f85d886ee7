// Direct WeChat Pay APIv3 (JSAPI / mini-program) for merchants cloudPay refuses (cosmetics,
// 3C electronics, sports and outdoor, clothing, ...): prepay, order and refund queries,
// refunds, and the notices WeChat Pay posts to payCallback's HTTP address, checked here
// (signature with WeChat Pay's key, AES-256-GCM with the APIv3 key) before anything counts.
// Chosen per deployment (SPROUT_PAY_PROVIDER=v3, see pay-provider.ts).
import { type KeyObject, randomBytes } from 'node:crypto';
import type { PayNotice, PayPort, RefundState } from '../ports';
import { authorization, decryptResource, type MchCredentials, pemBlocks, pemFromEnv, platformKey, signLines, verifyNotice } from './apiv3';

export interface PayV3Config extends MchCredentials {
  appId: string;
  /** The APIv3 key (32 characters) that encrypts notice resources. */
  apiV3Key: string;
  /** WeChat Pay's verifying keys by Wechatpay-Serial (a public key ID PUB_KEY_ID_..., or a platform certificate serial). */
  platformKeys: ReadonlyMap<string, KeyObject>;
  /** payCallback's HTTPS address (HTTP access), where payment and refund notices go. */
  notifyUrl: string;
}

export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; text(): Promise<string> }>;

const HOST = 'https://api.mch.weixin.qq.com';

/** The variables a v3 deployment needs, as one list (README; each function's config.json). */
export const PAY_V3_ENV = [
  'SPROUT_MCH_ID',
  'SPROUT_MCH_SERIAL_NO',
  'SPROUT_MCH_PRIVATE_KEY',
  'SPROUT_APPID',
  'SPROUT_MCH_APIV3_KEY',
  'SPROUT_PAY_PLATFORM_PUBLIC_KEY',
  'SPROUT_PAY_PLATFORM_SERIAL',
  'SPROUT_PAY_NOTIFY_URL',
] as const;

/** The configuration from the environment, or null when any part is missing. */
export function payV3ConfigFromEnv(env: Record<string, string | undefined> = process.env): PayV3Config | null {
  if (PAY_V3_ENV.some((k) => !env[k])) return null;
  // Keys and serials pair up in order: during a rotation both the old and the new one verify.
  const keys = pemBlocks(pemFromEnv(env.SPROUT_PAY_PLATFORM_PUBLIC_KEY as string));
  const serials = (env.SPROUT_PAY_PLATFORM_SERIAL as string).split(',').map((s) => s.trim());
  if (keys.length === 0 || keys.length !== serials.length) return null;
  return {
    mchId: env.SPROUT_MCH_ID as string,
    serialNo: env.SPROUT_MCH_SERIAL_NO as string,
    privateKeyPem: pemFromEnv(env.SPROUT_MCH_PRIVATE_KEY as string),
    appId: env.SPROUT_APPID as string,
    apiV3Key: env.SPROUT_MCH_APIV3_KEY as string,
    platformKeys: new Map(serials.map((s, i) => [s, platformKey(keys[i])])),
    notifyUrl: env.SPROUT_PAY_NOTIFY_URL as string,
  };
}

/** At most `bytes` bytes of UTF-8 (WeChat counts reason and description lengths in bytes). */
const clip = (text: string, bytes: number) => {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > bytes) break;
    out += ch;
  }
  return out;
};

// APIv3 refund status: SUCCESS, CLOSED, PROCESSING, ABNORMAL.
const refundState = (s: unknown): Exclude<RefundState, 'NOT_FOUND'> => (s === 'SUCCESS' || s === 'CLOSED' || s === 'ABNORMAL' ? s : 'PROCESSING');
const fen = (v: unknown): number | undefined => (Number.isInteger(v) ? (v as number) : undefined);
const asObject = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR' | 'NOT_FOUND';

export interface V3PayPort extends PayPort {
  /** An order's state by our order number (for reconciling a payment whose notice never came). */
  queryOrder(outTradeNo: string): Promise<{ state: TradeState; totalFen?: number; transactionId?: string }>;
}

export function wxPayV3(config: PayV3Config | null, fetchFn: Fetch = fetch as unknown as Fetch, now: () => number = Date.now): V3PayPort {
  const ready = (): PayV3Config => {
    if (!config) throw new Error(`WeChat Pay APIv3 is not configured: set ${PAY_V3_ENV.join(', ')}`);
    return config;
  };
  const request = async (method: 'GET' | 'POST', path: string, body?: object) => {
    const c = ready();
    const text = body ? JSON.stringify(body) : '';
    const auth = authorization(c, method, path, text, Math.floor(now() / 1000), randomBytes(16).toString('hex'));
    const res = await fetchFn(`${HOST}${path}`, {
      method,
      headers: { Authorization: auth, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: text } : {}),
    });
    const raw = await res.text();
    let data: Record<string, unknown> = {};
    try {
      data = raw ? asObject(JSON.parse(raw)) : {};
    } catch {
      // A non-JSON answer (a proxy's error page): the status tells what to do.
    }
    return { status: res.status, data };
  };
  const problem = (status: number, data: Record<string, unknown>) => `${status} ${String(data.code ?? '')} ${String(data.message ?? '')}`.trim();

  return {
    async unifiedOrder({ outTradeNo, totalFen, description, openid }) {
      const c = ready();
      const { status, data } = await request('POST', '/v3/pay/transactions/jsapi', {
        appid: c.appId,
        mchid: c.mchId,
        description: clip(description, 127),
        out_trade_no: outTradeNo,
        notify_url: c.notifyUrl,
        amount: { total: totalFen, currency: 'CNY' },
        payer: { openid },
      });
      if (status !== 200 || typeof data.prepay_id !== 'string') throw new Error(`jsapi prepay answered ${problem(status, data)}`);
      // What wx.requestPayment takes, signed over appId, timeStamp, nonceStr and package.
      const timeStamp = String(Math.floor(now() / 1000));
      const nonceStr = randomBytes(16).toString('hex');
      const pkg = `prepay_id=${data.prepay_id}`;
      return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign: signLines(c.privateKeyPem, [c.appId, timeStamp, nonceStr, pkg]) };
    },

    async queryOrder(outTradeNo) {
      const c = ready();
      const { status, data } = await request('GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(c.mchId)}`);
      if (status === 404) return { state: 'NOT_FOUND' };
      if (status !== 200) throw new Error(`order query answered ${problem(status, data)}`);
      return { state: String(data.trade_state) as TradeState, totalFen: fen(asObject(data.amount).total), transactionId: String(data.transaction_id ?? '') };
    },

    async refund({ outTradeNo, outRefundNo, totalFen, refundFen, reason }) {
      if (!config) return { accepted: false, detail: 'WeChat Pay APIv3 is not configured' };
      const { status, data } = await request('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: outTradeNo,
        out_refund_no: outRefundNo,
        ...(reason ? { reason: clip(reason, 80) } : {}),
        notify_url: config.notifyUrl,
        amount: { refund: refundFen, total: totalFen, currency: 'CNY' },
      });
      // 200 means WeChat took the refund (whatever its status says): the notice or a query completes it.
      return status === 200 ? { accepted: true } : { accepted: false, detail: problem(status, data) };
    },

    async queryRefund(outRefundNo) {
      const { status, data } = await request('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
      if (status === 404) return { state: 'NOT_FOUND' };
      if (status !== 200) throw new Error(`refund query answered ${problem(status, data)}`);
      const refundFen = fen(asObject(data.amount).refund);
      return refundFen === undefined ? { state: refundState(data.status) } : { state: refundState(data.status), refundFen };
    },

    readHttpNotice({ headers, body }, nowMs) {
      if (!config) return null;
      const lower: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
      if (!verifyNotice(lower, body, config.platformKeys, nowMs)) return null;
      let envelope: Record<string, unknown>;
      try {
        envelope = asObject(JSON.parse(body));
      } catch {
        return null;
      }
      const plain = decryptResource(asObject(envelope.resource), config.apiV3Key);
      if (plain === null) return null;
      let r: Record<string, unknown>;
      try {
        r = asObject(JSON.parse(plain));
      } catch {
        return null;
      }
      const eventType = String(envelope.event_type ?? '');
      // Signed and sealed by WeChat Pay, but for another merchant: not ours to act on.
      if (r.mchid !== config.mchId) return null;
      return toNotice(eventType, r, config);
    },
  };
}

function toNotice(eventType: string, r: Record<string, unknown>, config: PayV3Config): PayNotice | null {
  if (eventType.startsWith('TRANSACTION.')) {
    if (r.appid !== config.appId || typeof r.out_trade_no !== 'string') return null;
    return {
      kind: 'payment',
      outTradeNo: r.out_trade_no,
      paid: r.trade_state === 'SUCCESS',
      totalFen: fen(asObject(r.amount).total) ?? -1,
      transactionId: String(r.transaction_id ?? ''),
    };
  }
  if (eventType.startsWith('REFUND.')) {
    if (typeof r.out_refund_no !== 'string') return null;
    return { kind: 'refund', outRefundNo: r.out_refund_no, state: refundState(r.refund_status), refundFen: fen(asObject(r.amount).refund) };
  }
  return { kind: 'ignored', eventType };
}
