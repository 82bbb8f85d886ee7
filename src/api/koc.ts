// The `koc` function: a student's way into a shop's KOC program (apply → screen → interview →
// trial → selected) and the merchant's pipeline. Types only from the contract: zod stays out of
// the student pages (scripts/size-report.mjs).
import type { KocResults } from '@core/contracts/koc';
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
