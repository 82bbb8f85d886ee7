// The local stand-in for WeChat's image-check push: a verdict for checks the content-check
// stand-in queued is delivered to the notes function as WeChat's message push delivers event
// wxa_media_check (its JSON shape; trace_id names the request). WeChat does not document the
// SOURCE a push carries; locally it is PUSH_SOURCE, which is none a client can claim.
import type { LocalCloud } from './host';

export const PUSH_SOURCE = 'wx_msgpush';

/** Delivers `pass` (or a refusal) for the check with this trace id, or every check of this file; null when none matches. */
export async function deliverMediaCheck(cloud: LocalCloud, key: { traceId?: string; fileId?: string }, pass: boolean): Promise<unknown[] | null> {
  const checks = cloud.contentCheck.take(key);
  if (checks.length === 0) return null;
  const out = [];
  for (const c of checks) {
    const push = {
      ToUserName: 'gh_local',
      FromUserName: c.openid,
      CreateTime: Math.floor(cloud.clock.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: 'wx_local',
      trace_id: c.traceId,
      version: 2,
      result: pass ? { suggest: 'pass', label: '100' } : { suggest: 'risky', label: '20002' },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: pass ? 'pass' : 'risky', label: pass ? '100' : '20002', prob: 90 }],
    };
    out.push(await cloud.invoke('notes', push, { source: PUSH_SOURCE }));
  }
  return out;
}
