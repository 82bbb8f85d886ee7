// A note's status as its author reads it: the tab names of 我的笔记 and the banner on the note.
import type { NoteState } from '@core/notes/rules';

export const STATUS_NAMES: Record<NoteState, string> = {
  draft: '草稿',
  checking: '审核中',
  review: '审核中',
  published: '已发布',
  rejected: '未通过',
  taken_down: '已下架',
  removed: '已删除',
};

export type Tone = 'success' | 'warning' | 'danger' | 'info' | 'neutral';

export const STATUS_TONES: Record<NoteState, Tone> = {
  draft: 'neutral',
  checking: 'warning',
  review: 'warning',
  published: 'success',
  rejected: 'danger',
  taken_down: 'danger',
  removed: 'neutral',
};

/**
 * The banner the author sees on a note that others cannot see, or null once it is published.
 * The reason is the server's (why it was refused or sent to a person).
 */
export function statusBanner(status: NoteState, reason: string | null): { tone: Tone; text: string } | null {
  switch (status) {
    case 'published':
      return null;
    case 'draft':
      return { tone: 'neutral', text: '草稿：只有你能看到，发布后才会审核' };
    case 'checking':
      return { tone: 'warning', text: '审核中：文字和图片检测通过后自动发布' };
    case 'review':
      return { tone: 'warning', text: `审核中：${reason ?? '内容需要人工审核，审核通过后自动发布'}` };
    case 'rejected':
      return { tone: 'danger', text: `未通过：${reason ?? '内容未通过安全检测，请修改后再发布'}` };
    case 'taken_down':
      return { tone: 'danger', text: `已下架：${reason ?? '有图片被检测为违规，请修改后重新发布'}` };
    case 'removed':
      return { tone: 'neutral', text: '已删除' };
  }
}

/** What the editor says right after 发布 or 存草稿. */
export function publishedLine(status: NoteState, reason: string | null): string {
  if (status === 'published') return '已发布';
  if (status === 'draft') return '草稿已保存';
  if (status === 'rejected') return `未通过：${reason ?? '请修改后再发布'}`;
  return '已提交，审核中';
}

/** The 我的笔记 tabs: every status but removed, and all (the list takes one status at a time). */
export const MINE_TABS = [
  { key: 'all', label: '全部' },
  { key: 'published', label: '已发布' },
  { key: 'checking', label: '审核中' },
  { key: 'review', label: '人工审核' },
  { key: 'draft', label: '草稿' },
  { key: 'rejected', label: '未通过' },
  { key: 'taken_down', label: '已下架' },
] as const;
export type MineTab = (typeof MINE_TABS)[number]['key'];
