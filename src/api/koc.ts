// The `koc` function: a student's way into a shop's KOC program (apply → screen → interview →
// trial → selected) and the merchant's pipeline. Types only from the contract: zod stays out of
// the student pages (scripts/size-report.mjs).
import type { KocResults } from '@core/contracts/koc';
import type { BadgeRule, BadgeTier, CourseKind, HonoursResults } from '@core/contracts/koc-honours';
import type { PipelineState, SOCIAL_PLATFORMS, TrialGoals } from '@core/koc-pipeline';
import { call } from './client';

export interface SocialInput {
  platform: (typeof SOCIAL_PLATFORMS)[number];
  handle: string;
  link?: string;
  followers: number;
  avgInteractions: number;
  proofImages: string[];
}
export interface ApplyInput {
  merchantId: string;
  socials: SocialInput[];
  categories: { category: string; selfAssessment: string }[];
  portfolio: { links: string[]; images: string[] };
  consent: true;
  /** One per submission (newRequestId); the same one when retrying it. */
  requestId: string;
}
export type ListState = PipelineState | 'open';
export type InterviewScores = Record<'understanding' | 'ideas' | 'improvisation', number>;

// Student actions.
/** The campus's shops with their mode, whether the caller is a member and their application. */
export const kocPrograms = () => call<KocResults['programs'], 'koc'>('koc', 'programs');
/** APPLICATION_OPEN when one is open already; COOLDOWN after a recent rejection. */
export const kocApply = (input: ApplyInput) => call<KocResults['apply'], 'koc'>('koc', 'apply', input);
export const myKocApplication = (merchantId: string) => call<KocResults['myApplication'], 'koc'>('koc', 'myApplication', { merchantId });
export const withdrawKocApplication = (applicationId: string) => call<KocResults['withdraw'], 'koc'>('koc', 'withdraw', { applicationId });
export const pickInterviewSlot = (applicationId: string, slot: number) => call<KocResults['pickSlot'], 'koc'>('koc', 'pickSlot', { applicationId, slot });
/** The trial's figures, goals and score: the applicant's own or, for the merchant, any of the shop's. */
export const trialMetrics = (applicationId: string) => call<KocResults['trialMetrics'], 'koc'>('koc', 'trialMetrics', { applicationId });

// Merchant actions (the server checks the caller runs the shop).
export const listKocApplications = (state: ListState = 'open') => call<KocResults['listApplications'], 'koc'>('koc', 'listApplications', { state });
export const screenApplication = (applicationId: string, pass: boolean, reason?: string) =>
  call<KocResults['screen'], 'koc'>('koc', 'screen', reason ? { applicationId, pass, reason } : { applicationId, pass });
export const offerInterviewSlots = (applicationId: string, slots: number[]) =>
  call<KocResults['offerSlots'], 'koc'>('koc', 'offerSlots', { applicationId, slots });
export const scoreInterview = (applicationId: string, scores: InterviewScores, notes: string) =>
  call<KocResults['scoreInterview'], 'koc'>('koc', 'scoreInterview', { applicationId, scores, notes });
export const startTrial = (input: { applicationId: string; productIds: string[]; endsAt: number; goals: TrialGoals }) =>
  call<KocResults['startTrial'], 'koc'>('koc', 'startTrial', input);
export const decideApplication = (applicationId: string, selected: boolean, reason: string) =>
  call<KocResults['decide'], 'koc'>('koc', 'decide', { applicationId, selected, reason });

// Training, badges and certificates.
export interface CourseInput {
  courseId?: string;
  /** Names a new course (newRequestId); the same one when retrying the save. */
  requestId: string;
  title: string;
  kind: CourseKind;
  productId?: string;
  category?: string;
  sections: { heading: string; body: string }[];
  quiz: { question: string; options: string[]; answer: number }[];
  passMark: number;
}
export interface BadgeInput {
  badgeId?: string;
  requestId: string;
  name: string;
  tier: BadgeTier;
  rule: BadgeRule;
}

// Student: the courses of the programs the caller belongs to, one course without its answers, the quiz.
export const kocCourses = () => call<HonoursResults['courses'], 'koc'>('koc', 'courses');
export const kocCourse = (courseId: string) => call<HonoursResults['course'], 'koc'>('koc', 'course', { courseId });
/** One chosen option index per question, in order. */
export const submitQuiz = (courseId: string, answers: number[]) => call<HonoursResults['submitQuiz'], 'koc'>('koc', 'submitQuiz', { courseId, answers });
/** TRAINING_REQUIRED when the program asks for a course the caller has not passed. */
export const canPromote = (merchantId: string) => call<HonoursResults['canPromote'], 'koc'>('koc', 'canPromote', { merchantId });
export const myBadges = () => call<HonoursResults['myBadges'], 'koc'>('koc', 'myBadges');
/** The caller's certificate in a program they are a member of (NOT_FOUND otherwise). */
export const kocCertificate = (merchantId: string) => call<HonoursResults['certificate'], 'koc'>('koc', 'certificate', { merchantId });
/** Public: NOT_FOUND for a made-up or altered code. */
export const verifyCertificate = (code: string) => call<HonoursResults['verifyCertificate'], 'koc'>('koc', 'verifyCertificate', { code });

// Merchant: courses and badges of the caller's shop.
export const saveCourse = (input: CourseInput) => call<HonoursResults['saveCourse'], 'koc'>('koc', 'saveCourse', input);
export const listCourses = () => call<HonoursResults['listCourses'], 'koc'>('koc', 'listCourses');
/** null: no course is required any more. */
export const setRequiredCourse = (courseId: string | null) => call<HonoursResults['setRequiredCourse'], 'koc'>('koc', 'setRequiredCourse', { courseId });
export const saveBadge = (input: BadgeInput) => call<HonoursResults['saveBadge'], 'koc'>('koc', 'saveBadge', input);
export const disableBadge = (badgeId: string) => call<HonoursResults['disableBadge'], 'koc'>('koc', 'disableBadge', { badgeId });
export const listBadges = () => call<HonoursResults['listBadges'], 'koc'>('koc', 'listBadges');
export const grantBadge = (badgeId: string, openid: string, reason: string) =>
  call<HonoursResults['grantBadge'], 'koc'>('koc', 'grantBadge', { badgeId, openid, reason });
