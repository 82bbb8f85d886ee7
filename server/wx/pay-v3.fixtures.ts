// Test fixtures for the APIv3 adapter: generated keys standing in for the merchant's and WeChat
// Pay's, and notices built the way WeChat Pay documents them (the envelope with its encrypted
// resource, signed over timestamp, nonce and body).
import { createCipheriv, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { signLines } from './apiv3';
import type { Fetch, PayV3Config } from './pay-v3';

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

export const merchant = pair();
export const wechat = pair();
export const stranger = pair();

export const PLATFORM_SERIAL = 'PUB_KEY_ID_0112345678901234567890000000000001';
export const APIV3_KEY = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6'; // 32 characters, as the merchant platform requires

export const config: PayV3Config = {
  mchId: '1230000109',
  serialNo: 'MCHSERIAL1',
  privateKeyPem: merchant.privateKeyPem,
  appId: 'wxd678efh567hg6787',
  apiV3Key: APIV3_KEY,
  platformKeys: new Map<string, KeyObject>([[PLATFORM_SERIAL, wechat.publicKey]]),
  notifyUrl: 'https://env-id.service.tcloudbase.com/payCallback',
};

/** AEAD_AES_256_GCM as WeChat Pay seals a resource: ciphertext || 16-byte tag, base64. */
export function seal(plain: object, associatedData: string, key = APIV3_KEY) {
  const nonce = randomBytes(6).toString('hex'); // 12 characters
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { original_type: associatedData, algorithm: 'AEAD_AES_256_GCM', ciphertext: data.toString('base64'), associated_data: associatedData, nonce };
}

/** WeChat Pay's documented transaction (payment result) resource, for one of our orders. */
export const transaction = (outTradeNo: string, totalFen: number, over: Record<string, unknown> = {}) => ({
  appid: config.appId,
  mchid: config.mchId,
  out_trade_no: outTradeNo,
  transaction_id: '4200001234202401010000000001',
  trade_type: 'JSAPI',
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
  bank_type: 'CMC',
  attach: '',
  success_time: '2018-06-08T10:34:56+08:00',
  payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  amount: { total: totalFen, payer_total: totalFen, currency: 'CNY', payer_currency: 'CNY' },
  ...over,
});

/** WeChat Pay's documented refund resource. */
export const refundResource = (outRefundNo: string, outTradeNo: string, refundFen: number, totalFen: number, status = 'SUCCESS') => ({
  mchid: config.mchId,
  transaction_id: '4200001234202401010000000001',
  out_trade_no: outTradeNo,
  refund_id: '50200207182018070300011301001',
  out_refund_no: outRefundNo,
  refund_status: status,
  success_time: '2018-06-08T10:34:56+08:00',
  user_received_account: '支付用户零钱',
  amount: { total: totalFen, refund: refundFen, payer_total: totalFen, payer_refund: refundFen },
});

/** A notice as it reaches payCallback over HTTP access: headers WeChat Pay signs with, and the JSON body. */
export function notice(eventType: string, resource: object, opts: { nowMs?: number; signer?: string; serial?: string; associatedData?: string } = {}) {
  const envelope = {
    id: 'EV-2018022511223320873',
    create_time: '2015-05-20T13:29:35+08:00',
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: eventType.startsWith('REFUND.') ? '退款成功' : '支付成功',
    resource: seal(resource, opts.associatedData ?? (eventType.startsWith('REFUND.') ? 'refund' : 'transaction')),
  };
  const body = JSON.stringify(envelope);
  const timestamp = String(Math.floor((opts.nowMs ?? Date.now()) / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    body,
    headers: {
      'wechatpay-serial': opts.serial ?? PLATFORM_SERIAL,
      'wechatpay-signature': signLines(opts.signer ?? wechat.privateKeyPem, [timestamp, nonce, body]),
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'content-type': 'application/json',
    },
  };
}

/** A fake fetch that records requests and answers from a list. */
export function fakeFetch(answers: { status: number; body?: unknown }[]) {
  const calls: { url: string; method: string; headers: Record<string, string>; body?: string }[] = [];
  const fn: Fetch = async (url, init) => {
    calls.push({ url, ...init });
    const a = answers.shift() ?? { status: 500, body: { code: 'SYSTEM_ERROR' } };
    return { status: a.status, text: async () => (a.body === undefined ? '' : JSON.stringify(a.body)) };
  };
  return { fn, calls };
}
