// koc: becoming a KOC of a merchant's program (apply → screen → interview → trial → selected).
// Nothing is paid for recruiting others and there is no fee to join. Student actions act on the
// caller's own application (NOT_FOUND otherwise); merchant actions on applications to the shop
// the caller runs (FORBIDDEN otherwise). Domain code lives in server/koc/.

import { kocInput } from '../../core/contracts/koc';
import { honoursInput } from '../../core/contracts/koc-honours';
import { showcaseInput } from '../../core/contracts/koc-showcase';
import { fail, ok } from '../../core/result';
import { action, defineFunction } from '../../server/define';
import { apply, myApplication, programs, withdraw } from '../../server/koc/applications';
import { runBadgeJob } from '../../server/koc/badge-timer';
import { disableBadge, grantBadge, listBadges, myBadges, saveBadge } from '../../server/koc/badges';
import { certificate, verifyCertificate } from '../../server/koc/certificates';
import { listCourses, saveCourse, setRequiredCourse } from '../../server/koc/courses';
import { decide } from '../../server/koc/decide';
import { finishTrialSignups } from '../../server/koc/events';
import { freeSlots, offerSlots, pickSlot, scoreInterview } from '../../server/koc/interview';
import { listApplications, screen } from '../../server/koc/screening';
import { myShowcase, setShowcase, showcase } from '../../server/koc/showcase';
import { canPromote, course, myCourses, submitQuiz } from '../../server/koc/training';
import { startTrial, trialMetrics } from '../../server/koc/trial';
import { RunBudget } from '../../server/run-budget';
import { careerActions } from './career';
import { eventActions } from './events';

export default defineFunction(
  'koc',
  {
    // Internships and recommendation letters: ./career.ts.
    ...careerActions,
    // Brand events and trial drops: places and sign-up windows that open by tier, highest first: ./events.ts.
    ...eventActions,
    programs: action({ input: kocInput.programs, run: (ctx) => programs(ctx) }),
    apply: action({ input: kocInput.apply, run: (ctx, input) => apply(ctx, input) }),
    myApplication: action({ input: kocInput.myApplication, run: (ctx, { merchantId }) => myApplication(ctx, merchantId) }),
    withdraw: action({ input: kocInput.withdraw, run: (ctx, { applicationId }) => withdraw(ctx, applicationId) }),
    pickSlot: action({ input: kocInput.pickSlot, run: (ctx, input) => pickSlot(ctx, input) }),
    // Merchant actions.
    listApplications: action({ input: kocInput.listApplications, run: (ctx, input) => listApplications(ctx, input) }),
    screen: action({ input: kocInput.screen, run: (ctx, input) => screen(ctx, input) }),
    offerSlots: action({ input: kocInput.offerSlots, run: (ctx, input) => offerSlots(ctx, input) }),
    freeSlots: action({ input: showcaseInput.freeSlots, run: (ctx, input) => freeSlots(ctx, input) }),
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
    // Badges: the merchant's definitions (disabled, never removed) and manual grants; the timer grants by rule.
    saveBadge: action({ input: honoursInput.saveBadge, run: (ctx, input) => saveBadge(ctx, input) }),
    disableBadge: action({ input: honoursInput.disableBadge, run: (ctx, input) => disableBadge(ctx, input) }),
    listBadges: action({ input: honoursInput.listBadges, run: (ctx) => listBadges(ctx) }),
    grantBadge: action({ input: honoursInput.grantBadge, run: (ctx, input) => grantBadge(ctx, input) }),
    myBadges: action({ input: honoursInput.myBadges, run: (ctx) => myBadges(ctx) }),
    badges: action({
      input: honoursInput.badges,
      async run(ctx) {
        if (!ctx.source.split(',').includes('wx_trigger')) return fail('FORBIDDEN', '只由定时器运行');
        const budget = new RunBudget(ctx.timeLeft);
        // Trial sign-ups a crash left without their order: a small share, they are rare.
        const trialOrders = await finishTrialSignups(ctx, budget.share(0.2));
        return ok({ ...(await runBadgeJob(ctx, budget)), trialOrders });
      },
    }),
    // Certificates: a member's, and the public check of a code.
    certificate: action({ input: honoursInput.certificate, run: (ctx, input) => certificate(ctx, input) }),
    verifyCertificate: action({ input: honoursInput.verifyCertificate, public: true, run: (ctx, input) => verifyCertificate(ctx, input) }),
    // The home showcase: a member opts in; anyone sees this week's best opted-in KOCs of their campus.
    setShowcase: action({ input: showcaseInput.setShowcase, run: (ctx, input) => setShowcase(ctx, input) }),
    showcase: action({ input: showcaseInput.showcase, public: true, run: (ctx) => showcase(ctx) }),
    myShowcase: action({ input: showcaseInput.myShowcase, run: (ctx) => myShowcase(ctx) }),
  },
  { timerAction: 'badges' },
);
