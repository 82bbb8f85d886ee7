// Notes (种草笔记): the limits, the status machine and the search terms, as pure rules shared by
// the function and the app. No database, no wx, no clock: time comes in as an argument.

import { queryTerms, TITLE_MARK, textTerms } from '../search-terms';
import { stateMachine } from '../state-machine';

/** What a note may hold (9 images: wx.chooseMedia's count before 2.25.0; 1,000 characters as the CRMEB plugin). */
export const NOTE_LIMITS = { title: 40, body: 1000, images: 9, topics: 10, topic: 20, products: 5, comment: 500 } as const;

export const NOTE_STATES = [
  'draft', // saved by the author, checked by nobody, seen by nobody else
  'checking', // text passed or pending, image results not all in
  'published',
  'rejected', // a check refused it; the reason is shown to the author
  'review', // a check was unsure (or images took too long): a person decides
  'taken_down', // an image was flagged after it was published
  'removed', // deleted by its author (soft: counts and history stay)
] as const;
export type NoteState = (typeof NOTE_STATES)[number];

/**
 * Every move a note can make. An edit of a note that others may have seen goes back to
 * checking (its new text and images are checked again); removed is final.
 */
export const noteMachine = stateMachine<NoteState>(
  'note',
  {
    draft: ['checking', 'removed'],
    checking: ['published', 'rejected', 'review', 'checking', 'draft', 'removed'],
    review: ['published', 'rejected', 'checking', 'draft', 'removed'],
    // review: reported by enough students, a person looks again.
    published: ['taken_down', 'checking', 'draft', 'removed', 'review'],
    rejected: ['checking', 'draft', 'removed'],
    taken_down: ['checking', 'draft', 'removed'],
    removed: [],
  },
  ['draft', 'checking'],
);

/** One image's check: waiting for WeChat's push, or its verdict. */
export type ImageCheckState = 'pending' | 'pass' | 'review' | 'risky';

/**
 * Where a note stands after its checks: any refusal rejects it, anything unsure sends it to a
 * person, a pending image keeps it checking, and only all passes publish it.
 */
export function statusAfterChecks(text: 'pass' | 'review' | 'risky', images: readonly ImageCheckState[]): 'published' | 'rejected' | 'review' | 'checking' {
  if (text === 'risky' || images.includes('risky')) return 'rejected';
  if (text === 'review' || images.includes('review')) return 'review';
  if (images.includes('pending')) return 'checking';
  return 'published';
}

/** The reason a refused note's author reads. */
export function rejectReason(text: 'pass' | 'review' | 'risky', images: readonly ImageCheckState[]): string | null {
  if (text === 'risky') return '标题或正文含有违规内容，请修改后再发布';
  if (images.includes('risky')) return '有图片未通过安全检测，请更换后再发布';
  if (text === 'review' || images.includes('review')) return '内容需要人工审核，审核通过后自动发布';
  return null;
}

/** A topic as stored: without its leading #s and surrounding spaces. */
export const normalizeTopic = (t: string) =>
  t
    .trim()
    .replace(/^[#＃]+/, '')
    .trim();

/** Marks a topic's own term, so a topic page is one indexed query. */
export const TOPIC_MARK = '#:';

/**
 * The terms a note is found by: those of its title, body and topics (core/search-terms: each
 * Chinese character and each pair of neighbours, other words whole and lowercased), its title's
 * again with TITLE_MARK (title matches rank first) and each topic whole with TOPIC_MARK.
 */
export function noteTerms(n: { title: string; body: string; topics: readonly string[] }): string[] {
  const title = textTerms(n.title);
  const all = new Set([...title, ...textTerms(n.body), ...n.topics.flatMap((t) => textTerms(t))]);
  return [...all, ...title.map((t) => TITLE_MARK + t), ...n.topics.map((t) => TOPIC_MARK + t.toLowerCase())];
}

export { queryTerms, TITLE_MARK };

/** A zero-padded time and the id: a unique key that sorts by time (keyset paging, newest first). */
export const timeKey = (ms: number, id: string) => `${String(ms).padStart(15, '0')}_${id}`;
