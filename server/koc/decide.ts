// The end of a trial: the merchant selects (the student becomes a Primary KOC of the program:
// the member document is written in the same transaction as the move, so a crash keeps both or
// neither) or rejects with a reason (the cooldown starts). Only an application in trial.
import type { KocResults, kocInput } from '../../core/contracts/koc';
import { fail, ok } from '../../core/result';
import type { Ctx } from '../context';
import { cooldownEnd } from './applications';
import { closeMarkerTx, type MemberDoc, memberId, moveApplication, shopApplication } from './store';

type DecideInput = import('zod').output<typeof kocInput.decide>;

export async function decide(ctx: Ctx, { applicationId, selected, reason }: DecideInput) {
  const found = await shopApplication(ctx, applicationId);
  if ('error' in found) return found.error;
  const { app } = found;
  const to = selected ? 'selected' : 'rejected';
  if (app.state === to) return ok<KocResults['decide']>({ applicationId, state: to });
  if (app.state !== 'trial') return fail('BAD_STATE', '只有试用中的申请可以决定是否入选');
  const now = new Date(ctx.now());
  const reapplyAt = cooldownEnd(ctx.now());
  const moved = await moveApplication(ctx, applicationId, 'trial', to, {
    reason,
    set: selected ? {} : { rejectReason: reason, reapplyAt },
    async also(tx, a) {
      await closeMarkerTx(tx, a, selected ? null : reapplyAt);
      if (!selected) return;
      const member: Omit<MemberDoc, '_id'> = { merchantId: a.merchantId, openid: a.applicant, since: now, via: 'trial', applicationId: a._id };
      await tx.collection('koc_members').doc(memberId(a.merchantId, a.applicant)).set({ data: member });
    },
  });
  if (moved === 'stale') return fail('BAD_STATE', '申请状态刚刚变了，请刷新');
  return ok<KocResults['decide']>({ applicationId, state: to });
}
