// The interview: the merchant offers slots (future times only) to a screened applicant, the
// applicant picks one of them (the application moves to 'interview'), and the merchant scores
// the structured scorecard. Each write is conditional on the state it expects. When the applicant
// shared a timetable, every slot must sit inside one of their free windows (start and end are all
// this domain sees of it: server/timetable/free-time.ts).
import { campusDay } from '../../core/campus-days';
import type { KocResults, kocInput } from '../../core/contracts/koc';
import type { ShowcaseResults, showcaseInput } from '../../core/contracts/koc-showcase';
import { fail, ok } from '../../core/result';
import type { Ctx } from '../context';
import { freeWindowsOf, type OpenWindow } from '../timetable/free-time';
import { moveApplication, ownApplication, shopApplication } from './store';

type OfferInput = import('zod').output<typeof kocInput.offerSlots>;
type PickInput = import('zod').output<typeof kocInput.pickSlot>;
type ScoreInput = import('zod').output<typeof kocInput.scoreInterview>;
type FreeSlotsInput = import('zod').output<typeof showcaseInput.freeSlots>;

/** Slots further ahead than this are a typo, not a plan. */
const MAX_AHEAD_MS = 60 * 86_400_000;
/** How long an interview takes: a slot is its start, and the whole of it must be free. */
export const INTERVIEW_MINUTES = 30;

const OFFSET_MS = 8 * 3600_000;
/** A slot's campus clock time, 'HH:mm' (the cloud runs in UTC). */
const clockOf = (ms: number) => new Date(ms + OFFSET_MS).toISOString().slice(11, 16);
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** '11月24日 10:30', as the merchant picked it. */
const slotName = (ms: number) => {
  const d = campusDay(ms);
  return `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日 ${clockOf(ms)}`;
};

/** The first slot that does not fit inside a free window of its day, if any. */
function slotInClass(slots: readonly number[], windows: Map<string, OpenWindow[]>): number | undefined {
  return slots.find((s) => {
    const start = minutes(clockOf(s));
    const end = start + INTERVIEW_MINUTES;
    return !(windows.get(campusDay(s)) ?? []).some((w) => minutes(w.start) <= start && end <= minutes(w.end));
  });
}

export async function offerSlots(ctx: Ctx, { applicationId, slots }: OfferInput) {
  const found = await shopApplication(ctx, applicationId);
  if ('error' in found) return found.error;
  const now = ctx.now();
  if (slots.some((s) => s <= now)) return fail('INVALID_INPUT', '面试时间不能早于现在，请选以后的时间');
  if (slots.some((s) => s > now + MAX_AHEAD_MS)) return fail('INVALID_INPUT', '面试时间最多安排在 60 天内');
  if (found.app.state !== 'screened') return fail('BAD_STATE', '只有初筛通过、还没选定面试时间的申请可以给面试时间');
  const unique = [...new Set(slots)].sort((a, b) => a - b);
  const windows = await freeWindowsOf(
    ctx,
    found.app.applicant,
    unique.map((s) => campusDay(s)),
  );
  const busy = windows ? slotInClass(unique, windows) : undefined;
  if (busy !== undefined) return fail('INVALID_INPUT', `${slotName(busy)} 这位同学在上课，请选 TA 课表里的空闲时间`);
  const res = await ctx.db
    .collection('koc_applications')
    .where({ _id: applicationId, state: 'screened' })
    .update({ data: { slots: ctx.db.command.set(unique) } });
  if (res.stats.updated === 0) return fail('BAD_STATE', '申请状态刚刚变了，请刷新');
  return ok<KocResults['offerSlots']>({ applicationId });
}

export async function pickSlot(ctx: Ctx, { applicationId, slot }: PickInput) {
  const found = await ownApplication(ctx, applicationId);
  if ('error' in found) return found.error;
  const { app } = found;
  if (app.state === 'interview' && app.pickedSlot === slot) return ok<KocResults['pickSlot']>({ applicationId });
  if (app.state !== 'screened') return fail('BAD_STATE', '现在不能选面试时间');
  if (!app.slots.includes(slot)) return fail('INVALID_INPUT', '请从商家给的面试时间里选一个');
  if (slot <= ctx.now()) return fail('INVALID_INPUT', '这个面试时间已经过了，请选别的时间');
  const moved = await moveApplication(ctx, applicationId, 'screened', 'interview', { set: { pickedSlot: slot } });
  if (moved !== 'moved') return fail('BAD_STATE', '申请状态刚刚变了，请刷新');
  return ok<KocResults['pickSlot']>({ applicationId });
}

export async function scoreInterview(ctx: Ctx, { applicationId, scores, notes }: ScoreInput) {
  const found = await shopApplication(ctx, applicationId);
  if ('error' in found) return found.error;
  if (found.app.state !== 'interview') return fail('BAD_STATE', '只有面试中的申请可以打分');
  const res = await ctx.db
    .collection('koc_applications')
    .where({ _id: applicationId, state: 'interview' })
    .update({ data: { interview: ctx.db.command.set({ scores, notes, at: new Date(ctx.now()) }) } });
  if (res.stats.updated === 0) return fail('BAD_STATE', '申请状态刚刚变了，请刷新');
  return ok<KocResults['scoreInterview']>({ applicationId });
}

/**
 * The applicant's free windows on a date, for the merchant choosing slots: start and end only,
 * never the classes. Only while the interview is being arranged; null when no timetable is shared.
 */
export async function freeSlots(ctx: Ctx, { applicationId, date }: FreeSlotsInput) {
  const found = await shopApplication(ctx, applicationId);
  if ('error' in found) return found.error;
  if (found.app.state !== 'screened' && found.app.state !== 'interview') return fail('BAD_STATE', '只有安排面试时可以看同学的空闲时间');
  const windows = await freeWindowsOf(ctx, found.app.applicant, [date]);
  return ok<ShowcaseResults['freeSlots']>({ date, windows: windows ? (windows.get(date) ?? []) : null });
}
