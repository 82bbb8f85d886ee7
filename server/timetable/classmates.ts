// Course team-buys: classmates are students whose timetables hold the same course key (same term,
// course name, weekday and first section, hashed). Other domains ask here; they get keys and
// counts, never who.

import { CONSENT_VERSION } from '../../core/contracts/timetable';
import { DEFAULT_SCENE_PRODUCTS } from '../../core/timetable/scenes';
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

/**
 * What the student's courses match in the notes feed, empty without consent: each course's name
 * as a topic (#篮球, labelled 《篮球》课) and the product categories of its scenes (体育课 → 运动).
 * Names and scenes only: no times, rooms or classmates leave the timetable domain.
 */
export async function courseInterests(ctx: Ctx, openid: string): Promise<{ key: string; label: string }[]> {
  const [consent, t] = await Promise.all([getConsent(ctx, openid), getTimetable(ctx, openid)]);
  if (!t || !hasConsent(consent, CONSENT_VERSION)) return [];
  const out = new Map<string, string>();
  for (const c of t.courses) {
    const name = c.name.trim();
    if (name && !out.has(name)) out.set(name, `《${name}》课`);
    for (const scene of c.scenes ?? []) {
      const s = DEFAULT_SCENE_PRODUCTS[scene];
      for (const category of s?.categories ?? []) if (!out.has(category)) out.set(category, s.label);
    }
  }
  return [...out].map(([key, label]) => ({ key, label }));
}
