import type { MessagesPort } from '../ports';

type OpenApi = Record<string, Record<string, (args: unknown) => Promise<unknown>>>;

/**
 * subscribeMessage.send (needs "subscribeMessage.send" in the function's config.json
 * permissions). WeChat answers an error by throwing with errCode; it is returned, not thrown,
 * so the outbox records it (43101: no grant left) instead of retrying.
 */
export function wxMessages(openapi: OpenApi): MessagesPort {
  return {
    async send({ touser, templateId, page, data }) {
      try {
        const res = (await openapi.subscribeMessage.send({ touser, templateId, page, data, miniprogramState: 'formal', lang: 'zh_CN' })) as {
          errCode?: number;
          errMsg?: string;
          msgid?: number | string;
        };
        if (res.errCode && res.errCode !== 0) return { ok: false, errcode: res.errCode, errmsg: res.errMsg ?? '' };
        return { ok: true, msgid: String(res.msgid ?? '') };
      } catch (e) {
        const err = e as { errCode?: number; errMsg?: string; message?: string };
        if (typeof err.errCode === 'number') return { ok: false, errcode: err.errCode, errmsg: err.errMsg ?? err.message ?? '' };
        throw e; // a network fault: the outbox tries again
      }
    },
  };
}
