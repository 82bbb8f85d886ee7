// The 笔记 tab of search: notes whose title, body or topics hold the words, title matches first,
// in two columns, a page at a time by nextCursor.
import type { NoteCard } from '@core/contracts/notes';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { noteProfile, searchNotes } from '../../api/notes';
import { NoteGrid } from '../../components/NoteCard';
import { Empty } from '../../components/ui';
import type { Page } from '../../stores/use-paged';
import { type Author, asFeedCards, missingAuthors } from './note-cards';

export function useNoteSearch() {
  const [items, setItems] = useState<NoteCard[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [asked, setAsked] = useState('');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const [authors, setAuthors] = useState<Map<string, Author>>(new Map());
  const generation = useRef(0);

  const read = async (q: string, from: string | null) => {
    const gen = ++generation.current;
    setLoading(true);
    setError('');
    if (!from) {
      setAsked(q);
      setItems([]);
      setCursor(null);
    }
    const r = await searchNotes(q, from ?? undefined);
    if (gen !== generation.current) return;
    setLoading(false);
    if (!r.ok) return setError(r.message);
    const page: Page<NoteCard> = r.data;
    setItems((prev) => (from ? [...prev, ...page.items] : page.items));
    setCursor(page.nextCursor);
  };
  useEffect(() => {
    const missing = missingAuthors(items, authors);
    if (missing.length === 0) return;
    void Promise.all(
      missing.map((o) => noteProfile(o).then((r) => [o, r.ok ? { nickname: r.data.nickname, avatarUrl: r.data.avatarUrl } : null] as const)),
    ).then((found) =>
      setAuthors((prev) => {
        const next = new Map(prev);
        // A profile that did not load is named 同学 rather than asked again on every page.
        for (const [o, a] of found) next.set(o, a ?? { nickname: '同学', avatarUrl: '' });
        return next;
      }),
    );
  }, [items]);
  return {
    asked,
    loading,
    error,
    done: Boolean(asked) && !loading && !error && cursor === null,
    cards: asFeedCards(items, authors),
    search: (q: string) => read(q, null),
    more: () => (asked && cursor && !loading && !error ? read(asked, cursor) : undefined),
    retry: () => read(asked, items.length ? cursor : null),
  };
}

export function NoteResults({ s }: { s: ReturnType<typeof useNoteSearch> }) {
  return (
    <View data-testid='search-notes'>
      {s.cards.length > 0 ? <Text className='sr-count'>「{s.asked}」的笔记</Text> : null}
      <NoteGrid items={s.cards} testId='search-note-grid' />
      {s.error ? <Empty title='搜索没有完成' hint={s.error} actionText='重试' onAction={s.retry} /> : null}
      {s.done && s.cards.length === 0 ? (
        <Empty
          title={`没有找到「${s.asked}」相关的笔记`}
          hint='换个词试试，或者去发现看看同学们在种草什么'
          actionText='去发现'
          onAction={() => Taro.switchTab({ url: '/pages/discover/index' })}
          testId='search-notes-empty'
        />
      ) : null}
      {s.loading ? <Text className='sr-foot'>搜索中…</Text> : null}
      {s.done && s.cards.length > 0 ? <Text className='sr-foot'>没有更多了</Text> : null}
    </View>
  );
}
