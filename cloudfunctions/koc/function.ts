// koc: becoming a KOC of a merchant's program (apply → screen → interview → trial → selected).
// Nothing is paid for recruiting others and there is no fee to join. Student actions act on the
// caller's own application (NOT_FOUND otherwise); merchant actions on applications to the shop
// the caller runs (FORBIDDEN otherwise). Domain code lives in server/koc/.
import { kocInput } from '../../core/contracts/koc';
import { honoursInput } from '../../core/contracts/koc-honours';
import { action, defineFunction } from '../../server/define';
import { apply, myApplication, programs, withdraw } from '../../server/koc/applications';
import { listCourses, saveCourse, setRequiredCourse } from '../../server/koc/courses';
import { decide } from '../../server/koc/decide';
import { offerSlots, pickSlot, scoreInterview } from '../../server/koc/interview';
import { listApplications, screen } from '../../server/koc/screening';
import { canPromote, course, myCourses, submitQuiz } from '../../server/koc/training';
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
  // Training: the merchant writes courses and may require one before its KOCs promote.
  saveCourse: action({ input: honoursInput.saveCourse, run: (ctx, input) => saveCourse(ctx, input) }),
  listCourses: action({ input: honoursInput.listCourses, run: (ctx) => listCourses(ctx) }),
  setRequiredCourse: action({ input: honoursInput.setRequiredCourse, run: (ctx, input) => setRequiredCourse(ctx, input) }),
  courses: action({ input: honoursInput.courses, run: (ctx) => myCourses(ctx) }),
  course: action({ input: honoursInput.course, run: (ctx, input) => course(ctx, input) }),
  submitQuiz: action({ input: honoursInput.submitQuiz, run: (ctx, input) => submitQuiz(ctx, input) }),
  canPromote: action({ input: honoursInput.canPromote, run: (ctx, input) => canPromote(ctx, input) }),
});
