// koc: becoming a KOC of a merchant's program (apply → screen → interview → trial → selected).
// Nothing is paid for recruiting others and there is no fee to join. Student actions act on the
// caller's own application (NOT_FOUND otherwise); merchant actions on applications to the shop
// the caller runs (FORBIDDEN otherwise). Domain code lives in server/koc/.
import { kocInput } from '../../core/contracts/koc';
import { action, defineFunction } from '../../server/define';
import { apply, myApplication, programs, withdraw } from '../../server/koc/applications';
import { decide } from '../../server/koc/decide';
import { offerSlots, pickSlot, scoreInterview } from '../../server/koc/interview';
import { listApplications, screen } from '../../server/koc/screening';
import { startTrial, trialMetrics } from '../../server/koc/trial';

export default defineFunction('koc', {
  programs: action({ input: kocInput.programs, run: (ctx) => programs(ctx) }),
  apply: action({ input: kocInput.apply, run: (ctx, input) => apply(ctx, input) }),
  myApplication: action({ input: kocInput.myApplication, run: (ctx, { merchantId }) => myApplication(ctx, merchantId) }),
  withdraw: action({ input: kocInput.withdraw, run: (ctx, { applicationId }) => withdraw(ctx, applicationId) }),
  pickSlot: action({ input: kocInput.pickSlot, run: (ctx, input) => pickSlot(ctx, input) }),
  // Merchant actions.
  listApplications: action({ input: kocInput.listApplications, run: (ctx, input) => listApplications(ctx, input) }),
  screen: action({ input: kocInput.screen, run: (ctx, input) => screen(ctx, input) }),
  offerSlots: action({ input: kocInput.offerSlots, run: (ctx, input) => offerSlots(ctx, input) }),
  scoreInterview: action({ input: kocInput.scoreInterview, run: (ctx, input) => scoreInterview(ctx, input) }),
  startTrial: action({ input: kocInput.startTrial, run: (ctx, input) => startTrial(ctx, input) }),
  trialMetrics: action({ input: kocInput.trialMetrics, run: (ctx, { applicationId }) => trialMetrics(ctx, applicationId) }),
  decide: action({ input: kocInput.decide, run: (ctx, input) => decide(ctx, input) }),
});
