// Which timetable runs on a date. A date normally runs its own teaching week and weekday, but
// the national calendar moves days (a weekday holiday; a weekend make-up workday), a school
// decides which weekday a make-up day follows (the notice only says "X月X日上班"), and a
// student may mark their own day off or swap. Precedence: student > school > national > the
// date itself. Pure: the national days come in as data (holidays.ts reads the package).
import type { CalendarOverride, ClassSlot, Course, NationalDay, SectionTime, Term, Weekday } from './model';
import { weekdayOf, weekOf } from './term';

export interface CalendarOverrides {
  national: NationalDay[];
  school: CalendarOverride[];
  student: CalendarOverride[];
}

/** Why a date inside the term has no classes. 'makeup_unassigned': a 调休 workday the school has not yet assigned. */
export type OffKind = 'holiday' | 'school' | 'student' | 'makeup_unassigned';

export type TeachingDay =
  /** Runs the classes of `week`/`day`; `swap` says who moved it there (the UI shows 调休). */
  { week: number; day: Weekday; swap?: 'school' | 'student'; name?: string } | { off: true; name: string; kind: OffKind } | { outside: true };

export const NO_OVERRIDES: CalendarOverrides = { national: [], school: [], student: [] };

/** The timetable a date runs, after the student's, the school's and the national changes. */
export function teachingDay(date: string, term: Term, overrides: CalendarOverrides): TeachingDay {
  const week = weekOf(term.startDate, date);
  // A date outside the term has no timetable, whatever is said about it.
  if (week < 1 || week > term.weeks) return { outside: true };
  const own = overrideOn(overrides.student, date);
  if (own) return own.kind === 'off' ? { off: true, name: own.name ?? '我的休息日', kind: 'student' } : followed(own, 'student');
  const school = overrideOn(overrides.school, date);
  if (school) return school.kind === 'off' ? { off: true, name: school.name ?? '学校停课', kind: 'school' } : followed(school, 'school');
  const national = overrides.national.find((n) => n.date === date);
  if (national?.kind === 'off') return { off: true, name: national.name, kind: 'holiday' };
  // Which weekday a make-up day runs is each school's call: say so rather than guess.
  if (national?.kind === 'makeup') return { off: true, name: `${national.name}调休`, kind: 'makeup_unassigned' };
  return { week, day: weekdayOf(date) };
}

function overrideOn(list: CalendarOverride[], date: string): CalendarOverride | undefined {
  return list.find((o) => o.date === date);
}

function followed(o: Extract<CalendarOverride, { kind: 'follows' }>, swap: 'school' | 'student'): TeachingDay {
  // The followed week decides odd/even parity too: the day runs exactly that week's classes.
  return o.name === undefined ? { week: o.week, day: o.day, swap } : { week: o.week, day: o.day, swap, name: o.name };
}

/** The classes on a date, by start time, holidays and 调休 applied. */
export function classesOn(date: string, term: Term, courses: Course[], sections: SectionTime[], overrides: CalendarOverrides): ClassSlot[] {
  const td = teachingDay(date, term, overrides);
  return 'week' in td ? classesOfDay(date, td.week, td.day, courses, sections) : [];
}

/**
 * The classes of teaching week `week`, weekday `day`, placed on `date`. A course's own times win
 * over the section table; a course whose sections the table lacks is left out: it has no clock
 * time to place (callers that save courses should check them against the campus's table).
 */
export function classesOfDay(date: string, week: number, day: Weekday, courses: Course[], sections: SectionTime[]): ClassSlot[] {
  const out: ClassSlot[] = [];
  for (const c of courses) {
    if (c.day !== day || !c.weeks.includes(week)) continue;
    const start = c.startTime ?? sections.find((s) => s.n === c.startNode)?.start;
    const end = c.endTime ?? sections.find((s) => s.n === c.endNode)?.end;
    if (start === undefined || end === undefined) continue;
    out.push({
      date,
      start,
      end,
      courseId: c.id,
      name: c.name,
      room: c.room,
      building: c.building ?? '',
      startNode: c.startNode,
      endNode: c.endNode,
      scenes: c.scenes,
    });
  }
  // 'HH:mm' strings sort as times; ties by section, then id, keep the order the same across calls.
  return out.sort((a, b) => cmp(a.start, b.start) || a.startNode - b.startNode || cmp(a.courseId, b.courseId));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
