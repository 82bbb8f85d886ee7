// The merchant's career forms: an internship's title, description and deadline checked against
// the contract (its Chinese messages beside each field), a letter's body, and how an applicant's
// record reads.
import { careerInput, type KocRecord } from '@core/contracts/koc-career';
import { TIER_NAMES } from '@core/tiers';
import { formatDate } from '../../../utils/time';
import { campusInstant, pickerValues } from '../shared/campus';
import { check, type FieldErrors } from '../shared/form';

export const POST_FIELDS = ['title', 'description', 'deadline'] as const;
export const POST_FALLBACK: Record<string, string> = { deadline: '请选择截止时间' };
export const BODY_MAX = 2000;

export interface PostForm {
  title: string;
  description: string;
  deadlineDay: string;
  deadlineClock: string;
}

/** A new form: applications close at 23:59 (campus time) of the day two weeks from `now`. */
export function freshPostForm(now: number): PostForm {
  return { title: '', description: '', deadlineDay: pickerValues(now + 14 * 86_400_000).day, deadlineClock: '23:59' };
}

/** The input for postInternship, or one message per field; the deadline must be after `now`. */
export function checkPost(form: PostForm, requestId: string, now: number) {
  const raw = { requestId, title: form.title, description: form.description, deadline: campusInstant(form.deadlineDay, form.deadlineClock) };
  const res = check(careerInput.postInternship, raw, POST_FALLBACK);
  const errors: FieldErrors = { ...(res.errors ?? {}) };
  if (!errors.deadline && raw.deadline <= now) errors.deadline = '截止时间要晚于现在';
  return Object.keys(errors).length === 0 && res.data ? { input: res.data, errors: null } : { input: null, errors };
}

/** A letter's body: required, trimmed, at most BODY_MAX characters. */
export function checkBody(text: string): { body: string; error: string } {
  const res = check(careerInput.writeLetter.shape.body, text);
  return res.errors ? { body: text.trim(), error: res.errors._ ?? '请检查推荐信内容' } : { body: res.data, error: '' };
}

/** 中级达人 · 成交 12 单 · 徽章：新人王、种草之星 · 2026-03-01 入选 */
export function recordLine(r: KocRecord): string {
  const parts = [TIER_NAMES[r.tier], `成交 ${r.orders} 单`];
  if (r.badges.length) parts.push(`徽章：${r.badges.join('、')}`);
  parts.push(`${formatDate(r.memberSince)} 入选`);
  return parts.join(' · ');
}
