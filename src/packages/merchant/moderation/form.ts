// 不通过 needs a reason the author reads: checked by the contract's own schema before sending,
// so the message beside the field is the one the server would give.
import { moderationInput } from '@core/contracts/notes';
import { check } from '../shared/form';

/** The reason to send, or the message to show beside the field. */
export function checkRejectReason(noteId: string, text: string): { reason: string; error: '' } | { reason: null; error: string } {
  const r = check(moderationInput.moderate, { noteId, approve: false, reason: text }, { reason: '理由最多 100 个字' });
  if (r.errors) return { reason: null, error: r.errors.reason ?? r.errors._ ?? Object.values(r.errors)[0] ?? '请检查理由' };
  return { reason: r.data.reason ?? '', error: '' };
}

/** 被多位同学举报 / 图片检测超时 ...: why a note waits, in one line for the card. */
export const waitingLine = (reason: string | null): string => reason?.trim() || '等待人工审核';
