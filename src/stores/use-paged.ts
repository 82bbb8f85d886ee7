// A list a page reads a page at a time by nextCursor (feeds, topic pages, 我的笔记, 消息): the
// items so far, whether more remain, and its error. A reload drops answers still in flight for
// the list it replaced, so a slow first page cannot land after a tab switch.
import { useRef, useState } from 'react';
import type { ApiResult } from '../api/client';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function usePaged<T, P extends Page<T> = Page<T>>(fetchPage: (cursor?: string) => Promise<ApiResult<P>>, onPage?: (page: P) => void) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState('');
  const generation = useRef(0);
  const busy = useRef(false);

  const read = async (from: string | null) => {
    const gen = ++generation.current;
    busy.current = true;
    setLoading(true);
    setError('');
    const r = await fetchPage(from ?? undefined);
    if (gen !== generation.current) return;
    busy.current = false;
    setLoading(false);
    if (!r.ok) return setError(r.message);
    setItems((prev) => (from ? [...prev, ...r.data.items] : r.data.items));
    setCursor(r.data.nextCursor);
    setLoaded(true);
    onPage?.(r.data);
  };
  const reload = () => {
    setItems([]);
    setLoaded(false);
    return read(null);
  };
  /** The next page, when there is one and nothing is loading (for useReachBottom). */
  const more = () => (cursor && !busy.current && !error ? read(cursor) : Promise.resolve());
  const done = loaded && cursor === null;
  return { items, setItems, loading, error, loaded, done, reload, more, retry: () => read(loaded ? cursor : null) };
}
