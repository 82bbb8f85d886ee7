// The `koc` function's home showcase (this week's best opted-in KOCs of a campus) and the
// merchant's view of an applicant's free windows when scheduling the interview. Kept beside
// koc.ts so the pipeline's contract stays one screen.
import * as z from 'zod';
import type { Tier } from '../tiers';
import { campusDate } from './dates';

const id = z.string().min(1).max(64);
const date = campusDate;

/** Most KOCs the home page shows. */
export const SHOWCASE_SIZE = 6;
/** The showcase's week: the last 7 campus days, today included. */
export const SHOWCASE_DAYS = 7;

export const showcaseInput = {
  /** Merchant: the applicant's free windows on a campus date (null when they shared no timetable). */
  freeSlots: z.strictObject({ applicationId: id, date }),
  /** A member chooses whether the home page may show them. */
  setShowcase: z.strictObject({ optIn: z.boolean() }),
  /** The caller's own choice. */
  myShowcase: z.strictObject({}),
  /** Public: this week's best opted-in KOCs of the caller's campus. */
  showcase: z.strictObject({}),
};

export interface ShowcaseEntry {
  nickname: string;
  avatarUrl: string;
  tier: Tier;
  tierName: string;
  /** Paid orders through their cards in the last 7 campus days. */
  orders: number;
}

export interface ShowcaseResults {
  freeSlots: { date: string; windows: { start: string; end: string }[] | null };
  setShowcase: { optIn: boolean };
  myShowcase: { optIn: boolean };
  showcase: { kocs: ShowcaseEntry[] };
}
