// WeChat Pay APIv3 merchant transfer (商家转账): start a transfer the KOC confirms in the app
// (wx.requestMerchantTransfer with the returned package), and query it by our bill number. The
// bill number is the withdrawal id and never changes, so a retry can never pay twice.
// Configured by environment variables on the commission function; without them nothing is sent
// and every transfer answers FAIL, so the withdrawal ends as failed and the money returns.
import { randomBytes } from 'node:crypto';
import { TRANSFER_REAL_NAME_FROM_FEN } from '../../core/withdrawal-machine';
import type { PayoutPort } from '../ports';
import { authorization } from './apiv3';

export interface ReportInfo {
  info_type: string;
  info_content: string;
}

/**
 * The transfer scenes (转账场景) Sprout can run under and the report infos
 * (transfer_scene_report_infos) each requires. WeChat Pay fixes the info types per scene: each
 * exactly once, none missing, none extra, none reworded, or the transfer is refused
 * ("需传入转账场景报备信息"). The contents are ours, 32 characters at most.
 * Sprout pays KOCs for the sales they brought, which is 1005 佣金报酬 ("向劳务提供方，如销售、团长、
 * 主播支付佣金、报酬"); 1000 现金营销 serves a merchant account granted only that scene.
 * user_recv_perception is left out: each scene then shows its own default.
 */
export const TRANSFER_SCENES: Readonly<Record<string, { name: string; reportInfos: readonly ReportInfo[] }>> = {
  '1000': {
    name: '现金营销',
    reportInfos: [
      { info_type: '活动名称', info_content: '校园种草推广' },
      { info_type: '奖励说明', info_content: '推广商品成交的佣金' },
    ],
  },
  '1005': {
    name: '佣金报酬',
    reportInfos: [
      { info_type: '岗位类型', info_content: '校园推广员' },
      { info_type: '报酬说明', info_content: '推广商品成交的销售佣金' },
    ],
  },
};

/** Why a configured scene cannot be used: it has no report infos here, so nothing is sent. */
export function unknownSceneError(sceneId: string): Error {
  const known = Object.entries(TRANSFER_SCENES)
    .map(([id, s]) => `${id}（${s.name}）`)
    .join('、');
  return new Error(`SPROUT_TRANSFER_SCENE_ID=${sceneId} is not a transfer scene Sprout knows the report infos of; use one of ${known}`);
}

export interface PayoutConfig {
  mchId: string;
  serialNo: string;
  privateKeyPem: string;
  appId: string;
  sceneId: string;
}

type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{ status: number; json(): Promise<unknown> }>;

const HOST = 'https://api.mch.weixin.qq.com';

// Request signing is shared with the payment adapter (pay-v3.ts).
export { authorization };

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
      const scene = TRANSFER_SCENES[config.sceneId];
      // A misconfigured scene is refused before anything is sent; thrown, so the money stays set
      // aside and the sweep starts the same bill once the configuration is put right.
      if (!scene) throw unknownSceneError(config.sceneId);
      // From ¥2,000 WeChat wants the payee's real name, which Sprout does not collect; withdrawals
      // stay below by rule, so this one cannot be paid: it fails and the money returns.
      if (amountFen >= TRANSFER_REAL_NAME_FROM_FEN) return { state: 'FAIL' };
      const { status, data } = await request(config, 'POST', '/v3/fund-app/mch-transfer/transfer-bills', {
        appid: config.appId,
        out_bill_no: outBillNo,
        transfer_scene_id: config.sceneId,
        openid,
        transfer_amount: amountFen,
        transfer_remark: remark.slice(0, 32),
        transfer_scene_report_infos: scene.reportInfos,
      });
      // A non-200 answer is not a failed transfer: the sweep queries the same bill number later.
      if (status !== 200) throw new Error(`transfer answered ${status}: ${String(data.code ?? '')}`);
      const state = stateOf(data.state);
      return state === 'FAIL' ? { state: 'FAIL' } : { state: 'WAIT_USER_CONFIRM', packageInfo: String(data.package_info ?? '') };
    },
    async cancel(outBillNo) {
      if (!config) return;
      // https://pay.weixin.qq.com/doc/v3/merchant/4012716458: accepted means CANCELING; the query tells the end.
      const { status, data } = await request(
        config,
        'POST',
        `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${encodeURIComponent(outBillNo)}/cancel`,
        {},
      );
      if (status !== 200) throw new Error(`cancel answered ${status}: ${String(data.code ?? '')}`);
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
