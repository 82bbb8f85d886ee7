// The `koc` function's career help: internships a merchant posts for its KOCs and the
// recommendation letters a KOC asks a shop for. Types only from the contract: zod stays out of
// the student pages (scripts/size-report.mjs).
import type { CareerResults } from '@core/contracts/koc-career';
import { call } from './client';

// Student actions.
/** Open internships of the programs the caller is a KOC of (at most 50), newest first. */
export const kocInternships = () => call<CareerResults['internships'], 'koc'>('koc', 'internships');
/** Applies once with the KOC's record from Sprout's own data; applying again is a no-op. */
export const applyInternship = (internshipId: string, note = '') =>
  call<CareerResults['applyInternship'], 'koc'>('koc', 'applyInternship', { internshipId, note });
/** FORBIDDEN unless the caller is a KOC of the shop; the same purpose again is the same letter. */
export const requestLetter = (merchantId: string, purpose: string) =>
  call<CareerResults['requestLetter'], 'koc'>('koc', 'requestLetter', { merchantId, purpose });
/** The letters the caller asked for, requested or written (at most 50). */
export const myLetters = () => call<CareerResults['myLetters'], 'koc'>('koc', 'myLetters');

// Merchant actions (the server checks the caller runs the shop).
export interface PostInternshipInput {
  /** One per submission (newRequestId); the same one when retrying it. */
  requestId: string;
  title: string;
  description: string;
  /** Applications close at this instant; it must be in the future. */
  deadline: number;
}
export const postInternship = (input: PostInternshipInput) => call<CareerResults['postInternship'], 'koc'>('koc', 'postInternship', input);
/** Merchant: the shop's internships, newest first, with how many applied. */
export const myInternships = () => call<CareerResults['myInternships'], 'koc'>('koc', 'myInternships');
export const closeInternship = (internshipId: string) => call<CareerResults['closeInternship'], 'koc'>('koc', 'closeInternship', { internshipId });
export const internshipApplicants = (internshipId: string) =>
  call<CareerResults['internshipApplicants'], 'koc'>('koc', 'internshipApplicants', { internshipId });
/** The shop's letter requests, requested or written (at most 50), newest first. */
export const letterRequests = () => call<CareerResults['letterRequests'], 'koc'>('koc', 'letterRequests');
/** Writes and signs once; BAD_STATE when the letter is written already. */
export const writeLetter = (letterId: string, body: string) => call<CareerResults['writeLetter'], 'koc'>('koc', 'writeLetter', { letterId, body });
