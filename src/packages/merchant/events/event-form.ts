// The merchant's event form: a brand event (place and time) or a trial drop (a product, each
// place a ¥0 order), the places, and the sign-up window with the head start each tier gets over
// the next. Checked against the contract and the window rule the server applies
// (core/koc-events.ts), so a window where 初级 would never get a turn is caught beside the field.
import { eventInput } from '@core/contracts/koc-events';
import { DEFAULT_HEAD_START_HOURS, type EventKind, opensFor, windowProblem } from '@core/koc-events';
import { TIER_NAMES, TIERS } from '@core/tiers';
import type { EventInput } from '../../../api/koc-events';
import { formatShortDateTime } from '../../../utils/time';
import { campusInstant, pickerValues } from '../shared/campus';
import { check, type FieldErrors, intOf } from '../shared/form';

export const EVENT_FIELDS = ['kind', 'title', 'description', 'place', 'startsAt', 'productId', 'capacity', 'opensAt', 'closesAt', 'headStartHours'] as const;
const FALLBACK: Record<string, string> = {
  capacity: '名额填 1-500 的整数',
  headStartHours: '提前时间填 0-72 的整数小时',
  opensAt: '请选择开始报名时间',
  closesAt: '请选择报名截止时间',
  startsAt: '请选择活动时间',
};

export interface EventForm {
  kind: EventKind;
  title: string;
  description: string;
  place: string;
  startDay: string;
  startClock: string;
  productId: string;
  capacity: string;
  openDay: string;
  openClock: string;
  closeDay: string;
  closeClock: string;
  headStartHours: string;
}

/** A new form: sign-up opens tomorrow at 10:00 for 高级, closes four days later; the event a week out. */
export function freshEventForm(now: number): EventForm {
  const open = pickerValues(now + 86_400_000);
  const close = pickerValues(now + 5 * 86_400_000);
  const start = pickerValues(now + 7 * 86_400_000);
  return {
    kind: 'event',
    title: '',
    description: '',
    place: '',
    startDay: start.day,
    startClock: '14:00',
    productId: '',
    capacity: '20',
    openDay: open.day,
    openClock: '10:00',
    closeDay: close.day,
    closeClock: '22:00',
    headStartHours: String(DEFAULT_HEAD_START_HOURS),
  };
}

/** The input for saveEvent, or one message per field. */
export function checkEvent(form: EventForm, requestId: string, now: number): { input: EventInput | null; errors: FieldErrors } {
  const isEvent = form.kind === 'event';
  const raw = {
    requestId,
    kind: form.kind,
    title: form.title,
    description: form.description,
    ...(isEvent ? { place: form.place, startsAt: campusInstant(form.startDay, form.startClock) } : { productId: form.productId || undefined }),
    capacity: intOf(form.capacity),
    opensAt: campusInstant(form.openDay, form.openClock),
    closesAt: campusInstant(form.closeDay, form.closeClock),
    headStartHours: intOf(form.headStartHours),
  };
  const res = check(eventInput.saveEvent, raw, FALLBACK);
  const errors: FieldErrors = { ...(res.errors ?? {}) };
  // The schema's cross-field rules run only once every field parses: say these at once.
  if (!isEvent && !form.productId) errors.productId = '请选择试用商品';
  if (isEvent && !form.place.trim() && !errors.place) errors.place = '请填写活动地点';
  if (!errors.opensAt && !errors.closesAt && !errors.headStartHours && res.data) {
    const problem = windowProblem(res.data, now);
    if (problem) errors[problem.field] = problem.message;
  }
  if (Object.keys(errors).length > 0 || !res.data) return { input: null, errors };
  return { input: raw as EventInput, errors: {} };
}

export const MAX_HEAD_START_HOURS = 72;

/** The window as typed so far, or null while a date, time or the head start does not parse. */
function typedWindow(form: EventForm) {
  const opensAt = campusInstant(form.openDay, form.openClock);
  const closesAt = campusInstant(form.closeDay, form.closeClock);
  const headStartHours = intOf(form.headStartHours);
  if (Number.isNaN(opensAt) || Number.isNaN(closesAt) || Number.isNaN(headStartHours)) return null;
  return { opensAt, closesAt, headStartHours, capacity: 1 };
}

/** ['高级 11-24 10:00', '中级 11-25 10:00', '初级 11-26 10:00'] for the window typed so far (empty until it parses). */
export function previewTurns(form: EventForm): string[] {
  const opensAt = campusInstant(form.openDay, form.openClock);
  const head = intOf(form.headStartHours);
  if (Number.isNaN(opensAt) || Number.isNaN(head)) return [];
  return [...TIERS].reverse().map((t) => `${TIER_NAMES[t].replace('达人', '')} ${formatShortDateTime(opensFor({ opensAt, headStartHours: head }, t))}`);
}

/**
 * What is wrong with the window typed so far, said under the preview as the merchant types (the
 * same rule 发布 and the server apply), or '' when it is fine or not complete yet.
 */
export function windowNote(form: EventForm, now: number): string {
  const w = typedWindow(form);
  if (!w) return '';
  if (w.headStartHours > MAX_HEAD_START_HOURS) return `每级最多提前 ${MAX_HEAD_START_HOURS} 小时`;
  return windowProblem(w, now)?.message ?? '';
}

/** One field's message, for checking it when it loses focus ('' when it is fine). */
export function fieldError(form: EventForm, field: (typeof EVENT_FIELDS)[number], requestId: string, now: number): string {
  return checkEvent(form, requestId, now).errors[field] ?? '';
}
