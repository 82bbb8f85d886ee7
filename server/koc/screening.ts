// The merchant's pipeline: the shop's applications with each one's checklist against the
// program's criteria and its risk flags, and the first decision (pass or reject with a reason).
import type { KocResults, kocInput, MerchantApplicationView } from '../../core/contracts/koc';
import { OPEN_STATES, type PipelineState, screeningChecklist } from '../../core/koc-pipeline';
import { fail, ok } from '../../core/result';
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';
import { callerMerchant } from '../users/merchants';
import { findUsers } from '../users/users';
import { cooldownEnd } from './applications';
import { type ApplicationDoc, closeMarkerTx, criteriaOf, moveApplication, shopApplication, toView } from './store';

type ListInput = import('zod').output<typeof kocInput.listApplications>;
type ScreenInput = import('zod').output<typeof kocInput.screen>;

/** One page of the pipeline: what a merchant's board shows at once. */
const MAX_LISTED = 100;

interface ProfileDoc {
  _id: string;
  openids: string[];
}

export async function listApplications(ctx: Ctx, { state }: ListInput) {
  const shop = await callerMerchant(ctx);
  if (!shop) return fail('FORBIDDEN', '只有商家可以查看达人申请');
  const _ = ctx.db.command;
  const states: PipelineState[] = state === 'open' ? [...OPEN_STATES] : [state];
  const { data: apps } = await ctx.db
    .collection<ApplicationDoc>('koc_applications')
    .where({ merchantId: shop._id, state: _.in(states) })
    .orderBy('createdAt', 'desc')
    .limit(MAX_LISTED)
    .get();
  const [criteria, users, profiles] = await Promise.all([
    criteriaOf(ctx, shop._id),
    findUsers(
      ctx,
      apps.map((a) => a.applicant),
    ),
    getDocsByIds<ProfileDoc>(
      ctx,
      'koc_profiles',
      apps.flatMap((a) => a.profileKeys),
    ),
  ]);
  const items: MerchantApplicationView[] = apps.map((a) => {
    const reused = a.profileKeys.filter((k) => (profiles.get(k)?.openids ?? []).some((o) => o !== a.applicant));
    return {
      ...toView(a, shop.name),
      nickname: users.get(a.applicant)?.nickname ?? '',
      // The merchant's own applicant: needed to grant a badge by hand.
      applicant: a.applicant,
      socials: a.socials,
      categories: a.categories,
      portfolio: a.portfolio,
      checklist: screeningChecklist(a, criteria, reused),
      interview: a.interview ? { scores: a.interview.scores, notes: a.interview.notes } : null,
      history: a.history.map((h) => ({ from: h.from, to: h.to, at: new Date(h.at).getTime(), ...(h.reason ? { reason: h.reason } : {}) })),
    };
  });
  return ok<KocResults['listApplications']>({ items });
}

export async function screen(ctx: Ctx, { applicationId, pass, reason }: ScreenInput) {
  if (!pass && !reason) return fail('INVALID_INPUT', '不通过请写明理由');
  const found = await shopApplication(ctx, applicationId);
  if ('error' in found) return found.error;
  const { app } = found;
  const to: PipelineState = pass ? 'screened' : 'rejected';
  if (app.state === to) return ok<KocResults['screen']>({ applicationId, state: to });
  if (app.state !== 'applied') return fail('BAD_STATE', `这份申请现在是“${toView(app, '').stateName}”，不能再初筛`);
  const reapplyAt = cooldownEnd(ctx.now());
  const moved = await moveApplication(ctx, applicationId, 'applied', to, {
    reason,
    set: pass ? {} : { rejectReason: reason, reapplyAt },
    also: pass ? undefined : (tx, a) => closeMarkerTx(tx, a, reapplyAt),
  });
  if (moved === 'stale') return fail('BAD_STATE', '申请状态刚刚变了，请刷新');
  return ok<KocResults['screen']>({ applicationId, state: to });
}
