// A student's free windows on given dates, for other domains (a merchant scheduling an interview):
// start and end only. The classes, course names and rooms never leave this domain, and a student
// who has not consented (or saved no timetable) shares nothing: null.
import { CONSENT_VERSION } from '../../core/contracts/timetable';
import type { Ctx } from '../context';
import { campusTimetable } from './campus';
import { dayOf } from './days';
import { getConsent, getTimetable, hasConsent } from './store';

export interface OpenWindow {
  start: string; // 'HH:mm' campus time
  end: string;
}

/**
 * The free windows of `openid` on each of `dates` (campus dates 'YYYY-MM-DD'), or null when they
 * shared no timetable. Three reads however many dates: consent, timetable, the campus's table.
 */
export async function freeWindowsOf(ctx: Ctx, openid: string, dates: readonly string[]): Promise<Map<string, OpenWindow[]> | null> {
  const [consent, t] = await Promise.all([getConsent(ctx, openid), getTimetable(ctx, openid)]);
  if (!hasConsent(consent, CONSENT_VERSION) || !t) return null;
  const campus = await campusTimetable(ctx, t.campusId);
  return new Map([...new Set(dates)].map((date) => [date, dayOf(t, campus, date).windows.map((w) => ({ start: w.start, end: w.end }))]));
}
