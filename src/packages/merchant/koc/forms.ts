// The pipeline's dialogs checked before they are sent: reasons, interview slots picked as campus
// dates and times, the interview scorecard and the trial (products, end, goals), by the
// contract's schemas (zod is allowed in packages/merchant) with plain Chinese where the
// contract leaves zod's own text.
import { kocInput } from '@core/contracts/koc';
import type { InterviewScores } from '../../../api/koc';
import { campusInstant } from '../shared/campus';
import { check, type FieldErrors, intOf } from '../shared/form';

export const MAX_SLOTS = 6;
export const MAX_TRIAL_PRODUCTS = 3;
const DAY_MS = 86_400_000;

/** A reason for 不通过 (screen) or for a decision; required either way. */
export function checkReason(text: string): { reason: string; error: string } {
  const res = check(kocInput.decide, { applicationId: 'x', selected: false, reason: text });
  return res.data ? { reason: res.data.reason, error: '' } : { reason: '', error: res.errors.reason ?? '请写明理由' };
}

export interface SlotRow {
  day: string;
  clock: string;
}

/** Interview slots: each a future campus instant, no repeats, 1-6. Errors keyed slots.<i> or slots. */
export function checkSlots(applicationId: string, rows: SlotRow[], now: number): { slots: number[] | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const seen = new Set<number>();
  const slots = rows.map((r, i) => {
    const at = campusInstant(r.day, r.clock);
    if (Number.isNaN(at)) errors[`slots.${i}`] = '请选择日期和时间';
    else if (at <= now) errors[`slots.${i}`] = '面试时间要在现在之后';
    else if (seen.has(at)) errors[`slots.${i}`] = '这个时间重复了';
    seen.add(at);
    return at;
  });
  if (rows.length > MAX_SLOTS) errors.slots = '最多给 6 个时间';
  if (Object.keys(errors).length) return { slots: null, errors };
  const res = check(kocInput.offerSlots, { applicationId, slots }, { slots: '请检查面试时间' });
  return res.data ? { slots: res.data.slots, errors: {} } : { slots: null, errors: res.errors };
}

/** The scorecard: three 1-5 scores (0 = not yet given) and notes. */
export function checkScores(applicationId: string, scores: InterviewScores, notes: string) {
  const errors: FieldErrors = {};
  for (const [k, v] of Object.entries(scores)) if (!(v >= 1 && v <= 5)) errors[k] = '请打 1-5 分';
  if (Object.keys(errors).length) return { input: null, errors };
  const res = check(kocInput.scoreInterview, { applicationId, scores, notes });
  return res.data ? { input: res.data, errors: {} } : { input: null, errors: res.errors };
}

export interface TrialForm {
  productIds: string[];
  endDay: string;
  endClock: string;
  /** Goals as typed. */
  notes: string;
  orders: string;
}

/** The trial: 1-3 products, an end at least a day and at most 60 days ahead, goals 0-10 notes and 0-100 orders. */
export function checkTrial(applicationId: string, form: TrialForm, now: number) {
  const errors: FieldErrors = {};
  if (form.productIds.length < 1) errors.productIds = '至少选一个试用商品';
  else if (form.productIds.length > MAX_TRIAL_PRODUCTS) errors.productIds = '试用商品最多 3 个';
  const endsAt = campusInstant(form.endDay, form.endClock);
  if (Number.isNaN(endsAt)) errors.endsAt = '请选择结束日期和时间';
  else if (endsAt < now + DAY_MS) errors.endsAt = '试用结束时间至少要在一天以后';
  else if (endsAt > now + 60 * DAY_MS) errors.endsAt = '试用最长 60 天';
  const notes = intOf(form.notes);
  const orders = intOf(form.orders);
  if (Number.isNaN(notes) || notes > 10) errors.notes = '笔记目标填 0-10 的整数';
  if (Number.isNaN(orders) || orders > 100) errors.orders = '成交目标填 0-100 的整数';
  else if (orders === 0 && notes === 0) errors.orders = '至少定一个目标';
  if (Object.keys(errors).length) return { input: null, errors };
  const res = check(kocInput.startTrial, { applicationId, productIds: form.productIds, endsAt, goals: { notes, orders } }, { goals: '请检查试用目标' });
  return res.data ? { input: res.data, errors: {} } : { input: null, errors: res.errors };
}
