// Names and avatars of people a view names by openid only (a note's author; the avatar of who
// liked, commented or followed): each person is read once through `profile` and kept for the
// session; a failed read is retried next time.
import type { AuthorView } from '@core/contracts/notes';
import { useEffect, useState } from 'react';
import { noteProfile } from '../../../api/notes';

const known = new Map<string, AuthorView>();
const inFlight = new Map<string, Promise<AuthorView | null>>();

/** The fallback while a name loads or when it cannot be read. */
export const unknownAuthor = (openid: string): AuthorView => ({ openid, nickname: '同学', avatarUrl: '' });

export function readAuthor(openid: string): Promise<AuthorView | null> {
  const hit = known.get(openid);
  if (hit) return Promise.resolve(hit);
  let p = inFlight.get(openid);
  if (!p) {
    p = noteProfile(openid).then((r) => {
      inFlight.delete(openid);
      if (!r.ok) return null;
      const a = { openid, nickname: r.data.nickname || '同学', avatarUrl: r.data.avatarUrl };
      known.set(openid, a);
      return a;
    });
    inFlight.set(openid, p);
  }
  return p;
}

/** The people named by these openids (at most 20 read at once), filled in as they arrive. */
export function useAuthors(openids: readonly string[]): (openid: string) => AuthorView {
  const [, setTick] = useState(0);
  const key = [...new Set(openids)].sort().join(',');
  useEffect(() => {
    let live = true;
    const missing = key.split(',').filter((o) => o && !known.has(o));
    void Promise.all(missing.slice(0, 20).map(readAuthor)).then(() => live && missing.length > 0 && setTick((t) => t + 1));
    return () => {
      live = false;
    };
  }, [key]);
  return (openid) => known.get(openid) ?? unknownAuthor(openid);
}
