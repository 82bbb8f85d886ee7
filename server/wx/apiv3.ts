// WeChat Pay APIv3 plumbing shared by payments (pay-v3.ts) and merchant transfers (payout.ts):
// signing our requests and the mini-program's payment parameters with the merchant key, and
// checking WeChat Pay's notices: the signature (WeChat Pay's public key or platform
// certificate) and the AES-256-GCM resource (the APIv3 key). node:crypto does all of it.
import { createDecipheriv, createPublicKey, createSign, createVerify, type KeyObject, X509Certificate } from 'node:crypto';

/** What signs a request: the merchant number, its API certificate's serial and private key. */
export interface MchCredentials {
  mchId: string;
  serialNo: string;
  privateKeyPem: string;
}

/** RSA-SHA256 over the given lines, each ended by \n, base64: WeChat Pay's one signing scheme. */
export function signLines(privateKeyPem: string, lines: string[]): string {
  return createSign('RSA-SHA256')
    .update(lines.map((l) => `${l}\n`).join(''))
    .sign(privateKeyPem, 'base64');
}

/** APIv3 request signature: RSA-SHA256 over method, path, timestamp, nonce and body, one per line. */
export function authorization(creds: MchCredentials, method: string, path: string, body: string, timestamp: number, nonce: string): string {
  const signature = signLines(creds.privateKeyPem, [method, path, String(timestamp), nonce, body]);
  return `WECHATPAY2-SHA256-RSA2048 mchid="${creds.mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${creds.serialNo}"`;
}

/** PEM text from an environment variable, where newlines are often written as \n. */
export const pemFromEnv = (value: string) => value.replace(/\\n/g, '\n').trim();

/** Every PEM block in a text (a variable may hold more than one key while WeChat rotates them). */
export function pemBlocks(text: string): string[] {
  return text.match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g) ?? [];
}

/** WeChat Pay's verifying key, from its public key (微信支付公钥) or a platform certificate (平台证书). */
export function platformKey(pem: string): KeyObject {
  return pem.includes('BEGIN CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
}

/** WeChat Pay signs each notice at delivery; an older one is a replay. */
export const NOTICE_MAX_AGE_S = 300;

/**
 * True when a notice carries WeChat Pay's signature over `timestamp\nnonce\nbody\n` (headers
 * Wechatpay-Timestamp, -Nonce, -Signature), made with the key named by Wechatpay-Serial, and
 * is at most five minutes from now. Header names are lower case (as HTTP access gives them).
 */
export function verifyNotice(headers: Record<string, string | undefined>, body: string, keys: ReadonlyMap<string, KeyObject>, nowMs: number): boolean {
  const serial = headers['wechatpay-serial'];
  const signature = headers['wechatpay-signature'];
  const timestamp = headers['wechatpay-timestamp'];
  const nonce = headers['wechatpay-nonce'];
  if (!serial || !signature || !timestamp || !nonce || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > NOTICE_MAX_AGE_S) return false;
  const key = keys.get(serial);
  if (!key) return false;
  try {
    return createVerify('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).verify(key, signature, 'base64');
  } catch {
    return false;
  }
}

export interface EncryptedResource {
  algorithm?: unknown;
  ciphertext?: unknown;
  nonce?: unknown;
  associated_data?: unknown;
}

/**
 * The plaintext of a notice's resource: AEAD_AES_256_GCM with the APIv3 key (32 bytes), the
 * resource's nonce and associated_data; the last 16 bytes of the ciphertext are the tag.
 * Null when anything does not check out (a wrong key or a changed byte fails the tag).
 */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string | null {
  if (resource.algorithm !== 'AEAD_AES_256_GCM' || typeof resource.ciphertext !== 'string' || typeof resource.nonce !== 'string') return null;
  const key = Buffer.from(apiV3Key, 'utf8');
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (key.length !== 32 || data.length <= 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    decipher.setAAD(Buffer.from(typeof resource.associated_data === 'string' ? resource.associated_data : '', 'utf8'));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
