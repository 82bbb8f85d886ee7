// The interview: the merchant offers slots (future times only) to a screened applicant, the
// applicant picks one of them (the application moves to 'interview'), and the merchant scores
// the structured scorecard. Each write is conditional on the state it expects.
import type { KocResults, kocInput } from '../../core/contracts/koc';
import { fail, ok } from '../../core/result';
import type { Ctx } from '../context';
import { moveApplication, ownApplication, shopApplication } from './store';

type OfferInput = import('zod').output<typeof kocInput.offerSlots>;
type PickInput = import('zod').output<typeof kocInput.pickSlot>;
type ScoreInput = import('zod').output<typeof kocInput.scoreInterview>;

/** Slots further ahead than this are a typo, not a plan. */
const MAX_AHEAD_MS = 60 * 86_400_000;

export async function offerSlots(ctx: Ctx, { applicationId, slots }: OfferInput) {
  const found = await shopApplication(ctx, applicationId);
  if ('error' in found) return found.error;
  const now = ctx.now();
  if (slots.some((s) => s <= now)) return fail('INVALID_INPUT', '面试时间不能早于现在，请选以后的时间');
  if (slots.some((s) => s > now + MAX_AHEAD_MS)) return fail('INVALID_INPUT', '面试时间最多安排在 60 天内');
  if (found.app.state !== 'screened') return fail('BAD_STATE', '只有初筛通过、还没选定面试时间的申请可以给面试时间');
  const unique = [...new Set(slots)].sort((a, b) => a - b);
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
