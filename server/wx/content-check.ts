import type { ContentCheckPort } from '../ports';

type OpenApi = Record<string, Record<string, (args: unknown) => Promise<unknown>>>;

/** An address WeChat's servers can download a stored file from (mediaCheckAsync takes no cloud:// fileID). */
export type TempUrl = (fileId: string) => Promise<string>;

/**
 * security.msgSecCheck v2 and security.mediaCheckAsync v2 (each needs its name in the function's
 * config.json permissions). mediaCheckAsync's verdict comes later by message push (configure the
 * wxa_media_check event to the function in 云开发控制台 > 设置 > 消息推送).
 */
export function wxContentCheck(openapi: OpenApi, tempUrl?: TempUrl): ContentCheckPort {
  return {
    async checkText({ content, openid, scene }) {
      const res = (await openapi.security.msgSecCheck({ content, version: 2, scene, openid })) as {
        result?: { suggest?: 'pass' | 'review' | 'risky'; label?: number };
      };
      return { suggest: res.result?.suggest ?? 'review', label: String(res.result?.label ?? '') };
    },
    async checkImage({ fileId, openid, scene }) {
      if (!tempUrl) throw new Error('mediaCheckAsync needs a way to turn a fileID into a URL');
      const mediaUrl = fileId.startsWith('cloud://') ? await tempUrl(fileId) : fileId;
      // Cloud calls answer camelCase (traceId); the HTTPS API's trace_id is read too.
      const res = (await openapi.security.mediaCheckAsync({ mediaUrl, mediaType: 2, version: 2, scene, openid })) as {
        traceId?: string;
        trace_id?: string;
        errCode?: number;
      };
      const traceId = res.traceId ?? res.trace_id;
      if (!traceId) throw new Error(`mediaCheckAsync returned no trace id (errCode ${res.errCode ?? '?'})`);
      return { traceId };
    },
  };
}
