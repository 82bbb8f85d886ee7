// The `koc` function's home showcase and the merchant's view of an applicant's free windows.
// Types only from the contract: zod stays out of the student pages (scripts/size-report.mjs).
import type { ShowcaseResults } from '@core/contracts/koc-showcase';
import { call } from './client';

/** This week's best opted-in KOCs of the caller's campus (at most 6; empty when none). */
export const kocShowcase = () => call<ShowcaseResults['showcase'], 'koc'>('koc', 'showcase');
/** A member chooses whether the home page may show them; FORBIDDEN for a student who is not one. */
export const setKocShowcase = (optIn: boolean) => call<ShowcaseResults['setShowcase'], 'koc'>('koc', 'setShowcase', { optIn });
/** The caller's own choice (off until they opt in). */
export const myKocShowcase = () => call<ShowcaseResults['myShowcase'], 'koc'>('koc', 'myShowcase');
/** Merchant: the applicant's free windows on a campus date ('YYYY-MM-DD'); windows null when no timetable is shared. */
export const applicantFreeSlots = (applicationId: string, date: string) =>
  call<ShowcaseResults['freeSlots'], 'koc'>('koc', 'freeSlots', { applicationId, date });
