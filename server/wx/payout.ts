// WeChat Pay APIv3 merchant transfer (商家转账): start a transfer the KOC confirms in the app
// (wx.requestMerchantTransfer with the returned package), and query it by our bill number. The
// bill number is the withdrawal id and never changes, so a retry can never pay twice.
// Configured by environment variables on the commission function; without them nothing is sent
// and every transfer answers FAIL, so the withdrawal ends as failed and the money returns.
import { createSign, randomBytes } from 'node:crypto';
import type { PayoutPort } from '../ports';

export interface PayoutConfig {
  mchId: string;
  serialNo: string;
  privateKeyPem: string;
  appId: string;
  sceneId: string;
}

type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{ status: number; json(): Promise<unknown> }>;

const HOST = 'https://api.mch.weixin.qq.com';

/** APIv3 request signature: RSA-SHA256 over method, path, timestamp, nonce and body, one per line. */
export function authorization(config: PayoutConfig, method: string, path: string, body: string, timestamp: number, nonce: string): string {
  const message = `${method}\n${path}\n${timestamp}\n${nonce}\n${body}\n`;
  const signature = createSign('RSA-SHA256').update(message).sign(config.privateKeyPem, 'base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${config.mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${config.serialNo}"`;
}

const stateOf = (s: unknown): 'WAIT_USER_CONFIRM' | 'SUCCESS' | 'FAIL' =>
  s === 'SUCCESS' ? 'SUCCESS' : s === 'FAIL' || s === 'CANCELLED' ? 'FAIL' : 'WAIT_USER_CONFIRM';

export function payoutConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PayoutConfig | null {
  const c = {
    mchId: env.SPROUT_MCH_ID,
    serialNo: env.SPROUT_MCH_SERIAL_NO,
    privateKeyPem: env.SPROUT_MCH_PRIVATE_KEY,
    appId: env.SPROUT_APPID,
    sceneId: env.SPROUT_TRANSFER_SCENE_ID,
  };
  return Object.values(c).every(Boolean) ? (c as PayoutConfig) : null;
}

export function wxPayout(config: PayoutConfig | null = payoutConfigFromEnv(), fetchFn: Fetch = fetch as unknown as Fetch): PayoutPort {
  const request = async (config: PayoutConfig, method: 'GET' | 'POST', path: string, body?: object) => {
    const text = body ? JSON.stringify(body) : '';
    const auth = authorization(config, method, path, text, Math.floor(Date.now() / 1000), randomBytes(16).toString('hex'));
    const res = await fetchFn(`${HOST}${path}`, {
      method,
      headers: { Authorization: auth, Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(body ? { body: text } : {}),
    });
    return { status: res.status, data: (await res.json()) as Record<string, unknown> };
  };
  return {
    async transfer({ outBillNo, openid, amountFen, remark }) {
      if (!config) return { state: 'FAIL' }; // not configured (SPROUT_MCH_ID, _SERIAL_NO, _PRIVATE_KEY, SPROUT_APPID, SPROUT_TRANSFER_SCENE_ID): nothing sent
      const { status, data } = await request(config, 'POST', '/v3/fund-app/mch-transfer/transfer-bills', {
        appid: config.appId,
        out_bill_no: outBillNo,
        transfer_scene_id: config.sceneId,
        openid,
        transfer_amount: amountFen,
        transfer_remark: remark.slice(0, 32),
        transfer_scene_report_infos: [{ info_type: '奖励说明', info_content: '推广佣金' }],
      });
      // A non-200 answer is not a failed transfer: the sweep queries the same bill number later.
      if (status !== 200) throw new Error(`transfer answered ${status}: ${String(data.code ?? '')}`);
      const state = stateOf(data.state);
      return state === 'FAIL' ? { state: 'FAIL' } : { state: 'WAIT_USER_CONFIRM', packageInfo: String(data.package_info ?? '') };
    },
    async query(outBillNo) {
      if (!config) return { state: 'FAIL' };
      const { status, data } = await request(config, 'GET', `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${encodeURIComponent(outBillNo)}`);
      if (status === 404) return { state: 'FAIL' };
      if (status !== 200) throw new Error(`query answered ${status}`);
      return { state: stateOf(data.state) };
    },
  };
}
