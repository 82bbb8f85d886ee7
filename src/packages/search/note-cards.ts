// Search answers plain note cards (no author's name); the two-column grid wants feed cards. The
// names are filled in from the authors' profiles as they arrive, 同学 until then.
import type { FeedCard, NoteCard } from '@core/contracts/notes';

export interface Author {
  nickname: string;
  avatarUrl: string;
}

export function asFeedCards(cards: readonly NoteCard[], authors: ReadonlyMap<string, Author>): FeedCard[] {
  return cards.map((c) => {
    const a = authors.get(c.author);
    return { ...c, authorName: a?.nickname || '同学', authorAvatar: a?.avatarUrl ?? '', reason: null };
  });
}

/** The authors of these cards not known yet, each once, at most `max`. */
export const missingAuthors = (cards: readonly NoteCard[], authors: ReadonlyMap<string, Author>, max = 20) =>
  [...new Set(cards.map((c) => c.author))].filter((o) => !authors.has(o)).slice(0, max);
