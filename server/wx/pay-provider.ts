// Which payment adapter a deployment uses (SPROUT_PAY_PROVIDER): cloudPay (default; no keys to
// keep) or direct WeChat Pay APIv3, which merchants in categories cloudPay refuses (cosmetics,
// 3C electronics, sports and outdoor, clothing, ...) must use. Functions only see the PayPort.
import type { PayPort } from '../ports';
import { type CloudPay, wxPay } from './pay';
import { payV3ConfigFromEnv, wxPayV3 } from './pay-v3';

export type PayProvider = 'cloudpay' | 'v3';

/** A port that refuses everything, explaining why: a misconfigured deployment must not take money. */
function refusing(reason: string): PayPort {
  const no = async (): Promise<never> => {
    throw new Error(reason);
  };
  return { unifiedOrder: no, queryRefund: no, refund: async () => ({ accepted: false, detail: reason }), readHttpNotice: () => null };
}

export function payFromEnv(env: Record<string, string | undefined>, cloudPay: CloudPay, envId: string): PayPort {
  const provider = (env.SPROUT_PAY_PROVIDER || 'cloudpay').trim().toLowerCase();
  if (provider === 'cloudpay') return wxPay(cloudPay, { subMchId: env.SPROUT_SUB_MCH_ID ?? '', envId });
  if (provider === 'v3') return wxPayV3(payV3ConfigFromEnv(env));
  return refusing(`SPROUT_PAY_PROVIDER must be cloudpay or v3, not '${provider}'`);
}
