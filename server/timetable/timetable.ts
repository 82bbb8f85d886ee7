// Consent, saving, the student's own calendar changes, export and revoke. Nothing is stored
// before the student consents; revoking deletes the timetable and everything derived from it.

import type * as z from 'zod';
import { CONSENT_VERSION, type TimetableResults, type timetableInput } from '../../core/contracts/timetable';
import { fail, ok } from '../../core/result';
import { buildingOf } from '../../core/timetable/building';
import type { CalendarOverride, Course, CourseInput, Weekday } from '../../core/timetable/model';
import { scenesOf } from '../../core/timetable/scenes';
import { formatWeeks } from '../../core/timetable/weeks';
import type { Ctx } from '../context';
import { findUser } from '../users/users';
import { campusTimetable } from './campus';
import { type ConsentDoc, courseId, courseKey, getConsent, getTimetable, hasConsent, type TimetableDoc } from './store';

type In<K extends keyof typeof timetableInput> = z.output<(typeof timetableInput)[K]>;

export async function setConsent(ctx: Ctx, { granted, version }: In<'consent'>) {
  const now = new Date(ctx.now());
  // A revoke that died halfway is finished before a new grant clears its flag, or what it had
  // not deleted yet would outlive it.
  if (granted && (await getConsent(ctx, ctx.openid))?.purgePending) await purge(ctx, ctx.openid);
  const doc: Omit<ConsentDoc, '_id'> = granted
    ? { granted: true, version, grantedAt: now, revokedAt: null, purgePending: false }
    : { granted: false, version, grantedAt: null, revokedAt: now, purgePending: true };
  await ctx.db.collection('timetable_consents').doc(ctx.openid).set({ data: doc });
  // Declining after a grant is a revoke: everything derived goes with it.
  if (!granted) await purge(ctx, ctx.openid);
  return ok<TimetableResults['consent']>({ granted });
}

/** Replaces the term and every course (a re-import or the editor's save). */
export async function saveTimetable(ctx: Ctx, input: In<'save'>) {
  const [consent, user, existing] = await Promise.all([getConsent(ctx, ctx.openid), findUser(ctx, ctx.openid), getTimetable(ctx, ctx.openid)]);
  if (!hasConsent(consent, CONSENT_VERSION)) return fail('NO_CONSENT', '请先同意课表授权');
  const campusId = user?.campusId ?? null;
  const campus = await campusTimetable(ctx, campusId);
  const maxSection = Math.max(...campus.sections.map((s) => s.n));
  const bad = input.courses.findIndex((c) => c.endNode > maxSection && !c.endTime);
  if (bad >= 0) return fail('INVALID_INPUT', `courses.${bad}.endNode: 你的学校每天只有 ${maxSection} 节课，第 ${input.courses[bad].endNode} 节没有时间`);
  const term = { startDate: input.termStartDate, weeks: Math.max(input.termWeeks, ...input.courses.flatMap((c) => c.weeks)) };
  const courses = dedupe(input.courses as CourseInput[]).map((c) => toCourse(c, campus.sceneRules));
  const doc: Omit<TimetableDoc, '_id'> = {
    term,
    courses,
    // The student's own changes belong to a term: a new term starts clean.
    overrides: existing && existing.term.startDate === term.startDate ? existing.overrides : [],
    courseKeys: [...new Set(courses.map((c) => courseKey(term.startDate, c)))],
    campusId,
    updatedAt: new Date(ctx.now()),
  };
  await ctx.db.collection('timetables').doc(ctx.openid).set({ data: doc });
  // A revoke that ran between the consent read and this write would leave a timetable without
  // consent: look again, and delete it if so.
  if (!hasConsent(await getConsent(ctx, ctx.openid), CONSENT_VERSION)) {
    await purge(ctx, ctx.openid);
    return fail('NO_CONSENT', '课表授权已撤回，课表没有保存');
  }
  return ok<TimetableResults['save']>({ courseCount: courses.length });
}

function toCourse(c: CourseInput, rules: Parameters<typeof scenesOf>[1]): Course {
  const building = c.building || buildingOf(c.room);
  const course: Course = {
    id: courseId(c),
    name: c.name,
    day: c.day as Weekday,
    startNode: c.startNode,
    endNode: c.endNode,
    weeks: [...new Set(c.weeks)].sort((a, b) => a - b),
    room: c.room,
    teacher: c.teacher,
    scenes: [],
  };
  if (building) course.building = building;
  if (c.startTime && c.endTime) {
    course.startTime = c.startTime;
    course.endTime = c.endTime;
  }
  course.scenes = scenesOf(course, rules);
  return course;
}

/** The same course listed twice (an importer's overlap, a double paste) is kept once, weeks merged. */
function dedupe(courses: CourseInput[]): CourseInput[] {
  const byId = new Map<string, CourseInput>();
  for (const c of courses) {
    const id = courseId(c);
    const seen = byId.get(id);
    byId.set(id, seen ? { ...seen, weeks: [...new Set([...seen.weeks, ...c.weeks])] } : c);
  }
  return [...byId.values()];
}

export async function setOverride(ctx: Ctx, input: In<'setOverride'>) {
  const t = await getTimetable(ctx, ctx.openid);
  if (!t) return fail('NO_TIMETABLE', '还没有课表，先导入课表吧');
  const rest = t.overrides.filter((o) => o.date !== input.date);
  const next: CalendarOverride[] =
    input.kind === 'clear'
      ? rest
      : [
          ...rest,
          input.kind === 'off' ? { date: input.date, kind: 'off' } : { date: input.date, kind: 'follows', week: input.week, day: input.day as Weekday },
        ];
  await ctx.db
    .collection('timetables')
    .doc(ctx.openid)
    .update({ data: { overrides: next.sort((a, b) => a.date.localeCompare(b.date)), updatedAt: new Date(ctx.now()) } });
  return ok<TimetableResults['setOverride']>({ date: input.date });
}

const CSV_HEADER = '课程名称,星期,开始节数,结束节数,老师,地点,周数';
const csvField = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The student's timetable as WakeUp's CSV (importable back here or into WakeUp) and as JSON. */
export async function exportTimetable(ctx: Ctx) {
  const [t, consent] = await Promise.all([getTimetable(ctx, ctx.openid), getConsent(ctx, ctx.openid)]);
  if (!t) return fail('NO_TIMETABLE', '还没有课表可以导出');
  const rows = t.courses.map((c) =>
    [c.name, String(c.day), String(c.startNode), String(c.endNode), c.teacher, c.room, formatWeeks(c.weeks)].map(csvField).join(','),
  );
  const { _id, ...data } = t;
  const json = JSON.stringify(
    {
      exportedAt: new Date(ctx.now()).toISOString(),
      consent: consent && { granted: consent.granted, version: consent.version, grantedAt: consent.grantedAt },
      ...data,
    },
    null,
    2,
  );
  return ok<TimetableResults['export']>({ fileName: `课表-${t.term.startDate}.csv`, csv: `${[CSV_HEADER, ...rows].join('\n')}\n`, json });
}

/**
 * Deletes everything derived from a student's timetable: the timetable (courses, scene tags,
 * course keys, their own changes), its class reminders and the opens kept for conversions.
 * Safe to repeat; the consent document says a purge is pending until it finished, so the timer
 * completes a revoke that died halfway.
 */
export async function purge(ctx: Ctx, openid: string): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  deleted.timetables = (await ctx.db.collection('timetables').where({ _id: openid }).remove()).stats.removed;
  // Every class reminder, sent or not: each names a course, its time and its room.
  deleted.reminders = (await ctx.db.collection('reminders').where({ openid, kind: 'class' }).remove()).stats.removed;
  deleted.touches = (await ctx.db.collection('touches').where({ openid }).remove()).stats.removed;
  await ctx.db
    .collection('timetable_consents')
    .where({ _id: openid, granted: false })
    .update({ data: { purgePending: false } });
  return deleted;
}

export async function revoke(ctx: Ctx) {
  const now = new Date(ctx.now());
  await ctx.db
    .collection('timetable_consents')
    .doc(ctx.openid)
    .set({ data: { granted: false, version: CONSENT_VERSION, grantedAt: null, revokedAt: now, purgePending: true } });
  return ok<TimetableResults['revoke']>({ deleted: await purge(ctx, ctx.openid) });
}

export async function getAll(ctx: Ctx) {
  const [t, consent] = await Promise.all([getTimetable(ctx, ctx.openid), getConsent(ctx, ctx.openid)]);
  if (!hasConsent(consent, CONSENT_VERSION)) return fail('NO_CONSENT', '请先同意课表授权');
  const campus = await campusTimetable(ctx, t?.campusId ?? (await findUser(ctx, ctx.openid))?.campusId ?? null);
  return ok<TimetableResults['get']>({ term: t?.term ?? null, sections: campus.sections, courses: t?.courses ?? [] });
}
