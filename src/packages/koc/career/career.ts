// What the KOC's career page checks and shows without the server: the note and purpose limits
// (the contract's, repeated here because zod stays out of the student pages) and how a letter
// reads.
import type { InternshipView, LetterView } from '@core/contracts/koc-career';
import type { TagTone } from '../../../components/ui';

export const NOTE_MAX = 300;
export const PURPOSE_MAX = 100;

export const LETTER_STATE_NAMES: Record<LetterView['state'], string> = { requested: '待商家撰写', written: '已签发' };
export const LETTER_STATE_TONES: Record<LetterView['state'], TagTone> = { requested: 'warning', written: 'success' };

/** The note sent with an application: optional, trimmed, at most NOTE_MAX characters. */
export function checkNote(text: string): { note: string; error: string } {
  const note = text.trim();
  return { note, error: note.length > NOTE_MAX ? `附言最多 ${NOTE_MAX} 个字` : '' };
}

/** What a letter is for: required, trimmed, at most PURPOSE_MAX characters. */
export function checkPurpose(text: string): { purpose: string; error: string } {
  const purpose = text.trim();
  if (!purpose) return { purpose, error: '请填写用途' };
  return { purpose, error: purpose.length > PURPOSE_MAX ? `用途最多 ${PURPOSE_MAX} 个字` : '' };
}

/** The list after applying: the one internship shows 已申请 without a reload. */
export const markApplied = (items: InternshipView[], internshipId: string): InternshipView[] =>
  items.map((i) => (i.id === internshipId ? { ...i, applied: true } : i));

/** The programs a letter can be asked of: only those the student is a KOC of. */
export const letterShops = <P extends { merchantId: string; merchantName: string; member: boolean }>(programs: P[]) =>
  programs.filter((p) => p.member).map((p) => ({ merchantId: p.merchantId, merchantName: p.merchantName }));
