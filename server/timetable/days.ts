// A student's days: the classes of a date or a teaching week, and the free windows between
// them, with the national calendar, the school's 调休 rules and the student's own changes.
import { campusDay } from '../../core/campus-days';
import { type CalendarOverrides, classesOn, teachingDay } from '../../core/timetable/calendar';
import { freeWindows } from '../../core/timetable/free-windows';
import { nationalDays } from '../../core/timetable/holidays';
import type { ClassSlot, FreeWindow, Weekday } from '../../core/timetable/model';
import { addDays, dateOf, weekOf } from '../../core/timetable/term';
import type { CampusTimetable } from './campus';
import type { TimetableDoc } from './store';

const OFFSET_MS = 8 * 3600_000;

/** The campus date and clock time ('HH:mm') of an instant. */
export function campusNow(ms: number): { date: string; time: string } {
  return { date: campusDay(ms), time: new Date(ms + OFFSET_MS).toISOString().slice(11, 16) };
}

/** The instant of a campus date and clock time. */
export function campusInstant(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00.000Z`) - OFFSET_MS;
}

function overridesFor(t: TimetableDoc, campus: CampusTimetable, from: string, to: string): CalendarOverrides {
  return { national: nationalDays(from, to), school: campus.calendar, student: t.overrides };
}

export interface Day {
  date: string;
  classes: ClassSlot[];
  windows: FreeWindow[];
  /** Why the date has no classes (a holiday, a day off), when it has none for a reason. */
  off: string | null;
}

export function dayOf(t: TimetableDoc, campus: CampusTimetable, date: string): Day {
  const overrides = overridesFor(t, campus, date, date);
  const td = teachingDay(date, t.term, overrides);
  const classes = classesOn(date, t.term, t.courses, campus.sections, overrides);
  return { date, classes, windows: freeWindows(classes), off: 'off' in td ? td.name : null };
}

export interface WeekView {
  week: number;
  dates: string[];
  classes: ClassSlot[];
  offDays: { date: string; name: string }[];
}

/** The 7 dates of teaching week `week` (Monday first) and their classes. */
export function weekOfTerm(t: TimetableDoc, campus: CampusTimetable, week: number): WeekView {
  const dates = ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((d) => dateOf(t.term.startDate, week, d));
  const overrides = overridesFor(t, campus, dates[0], dates[6]);
  const classes: ClassSlot[] = [];
  const offDays: { date: string; name: string }[] = [];
  for (const date of dates) {
    const td = teachingDay(date, t.term, overrides);
    if ('off' in td) offDays.push({ date, name: td.name });
    classes.push(...classesOn(date, t.term, t.courses, campus.sections, overrides));
  }
  return { week, dates, classes, offDays };
}

/** The teaching week a date falls in (0 before the term starts). */
export function currentWeek(termStartDate: string, date: string): number {
  return Math.max(0, weekOf(termStartDate, date));
}

export { addDays };
