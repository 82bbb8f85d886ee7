// Course team-buys: classmates are students whose timetables hold the same course key (same term,
// course name, weekday and first section, hashed). Other domains ask here; they get keys and
// counts, never who.

import { CONSENT_VERSION } from '../../core/contracts/timetable';
import type { Ctx } from '../context';
import { courseKey, getConsent, getTimetable, hasConsent } from './store';

/** The keys of the caller's courses named `name` (one per weekly slot), empty without consent. */
export async function myCourseKeys(ctx: Ctx, name: string): Promise<string[]> {
  const [consent, t] = await Promise.all([getConsent(ctx, ctx.openid), getTimetable(ctx, ctx.openid)]);
  if (!t || !hasConsent(consent, CONSENT_VERSION)) return [];
  const wanted = name.trim();
  return [...new Set(t.courses.filter((c) => c.name.trim() === wanted).map((c) => courseKey(t.term.startDate, c)))];
}

/** How many students have this course in their timetable (the caller included when they do). */
export async function classmatesCount(ctx: Ctx, key: string): Promise<number> {
  return (await ctx.db.collection('timetables').where({ courseKeys: key }).count()).total;
}
