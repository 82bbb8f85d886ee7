import type { ContentCheckPort } from '../ports';

type OpenApi = Record<string, Record<string, (args: unknown) => Promise<unknown>>>;

/** security.msgSecCheck v2 (needs "security.msgSecCheck" in the function's config.json permissions). */
export function wxContentCheck(openapi: OpenApi): ContentCheckPort {
  return {
    async checkText({ content, openid, scene }) {
      const res = (await openapi.security.msgSecCheck({ content, version: 2, scene, openid })) as {
        result?: { suggest?: 'pass' | 'review' | 'risky'; label?: number };
      };
      return { suggest: res.result?.suggest ?? 'review', label: String(res.result?.label ?? '') };
    },
  };
}
