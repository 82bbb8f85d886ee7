// Share codes are made when a student actually shares (taps share, opens the share sheet, makes
// a poster, or WeChat asks the page for its card), not when a page is viewed: codes made on every
// view inflated 我的分享 and the merchants' share funnel. One code per page, target and channel,
// made once and reused for later shares from the same page.
import type { TargetType } from '@core/contracts/share';
import { useRef } from 'react';
import { createShare } from '../api/share';

type Channel = 'chat' | 'moments' | 'poster';

export function useShareCodes(targetType: TargetType, targetId: string) {
  const made = useRef(new Map<string, Promise<string | null>>());
  /** The code for this channel, created on first use; null when it could not be made (then the card still opens the page). */
  return (channel: Channel): Promise<string | null> => {
    const key = `${targetId}:${channel}`;
    let code = made.current.get(key);
    if (!code) {
      code = createShare(targetType, targetId, channel).then((res) => (res.ok ? res.data.code : null));
      made.current.set(key, code);
      // A failure is not kept: the next share tries again.
      void code.then((c) => c === null && made.current.delete(key));
    }
    return code;
  };
}

/**
 * WeChat's share handlers may return `promise` (chat cards; Moments since base library 3.12):
 * the card uses what it resolves to, or the defaults if it takes over 3 s.
 */
export function withCode<T extends object>(defaults: T, code: Promise<string | null>, build: (code: string) => Partial<T>): T {
  const promise = code.then((c) => (c ? { ...defaults, ...build(c) } : defaults));
  return { ...defaults, promise } as T;
}
