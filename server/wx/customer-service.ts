import type { CustomerServicePort } from '../ports';

type OpenApi = Record<string, Record<string, (args: unknown) => Promise<unknown>>>;

/**
 * customerServiceMessage.send, text only (needs "customerServiceMessage.send" in the function's
 * config.json permissions). WeChat's refusals (45015 the reply window has closed, 45047 the
 * quota is used up) come back as results to record, not faults to retry.
 */
export function wxCustomerService(openapi: OpenApi): CustomerServicePort {
  return {
    async sendText({ touser, content }) {
      try {
        const res = (await openapi.customerServiceMessage.send({ touser, msgtype: 'text', text: { content } })) as { errCode?: number; errMsg?: string };
        if (res.errCode && res.errCode !== 0) return { ok: false, errcode: res.errCode, errmsg: res.errMsg ?? '' };
        return { ok: true };
      } catch (e) {
        const err = e as { errCode?: number; errMsg?: string; message?: string };
        if (typeof err.errCode === 'number') return { ok: false, errcode: err.errCode, errmsg: err.errMsg ?? err.message ?? '' };
        throw e;
      }
    },
  };
}
