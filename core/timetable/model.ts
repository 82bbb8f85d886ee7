// The timetable's shapes, shared by the importers, the pure rules (calendar, free windows,
// scenes), the `timetable` function and the app. Times are campus time (Asia/Shanghai, UTC+8):
// dates 'YYYY-MM-DD', clock times 'HH:mm'. A course keeps the explicit list of weeks it runs
// (real 教务 data has gaps such as 4-6周,8-13周), as CourseAdapter/WakeUp do with a bitmap.

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // 1 = Monday … 7 = Sunday

/** One section (节) of a campus's day. */
export interface SectionTime {
  n: number;
  start: string; // 'HH:mm'
  end: string;
}

/** Situations a course puts the student in, each matched to what they may need right after. */
export const SCENES = ['PE', 'ART', 'LAB', 'MORNING4', 'EVENING_STUDY'] as const;
export type Scene = (typeof SCENES)[number];

/** A course as an importer reads it or a student types it (what `preview` answers, `save` takes). */
export interface CourseInput {
  name: string;
  day: Weekday;
  startNode: number;
  endNode: number;
  /** Teaching weeks, ascending, 1-based, no repeats. */
  weeks: number[];
  room: string;
  teacher: string;
  /** Building, when the room names one (东区实验楼 …); used for distances. */
  building?: string;
  /** Own times, when the course does not follow the section table (a staggered building). */
  startTime?: string;
  endTime?: string;
}

/** A saved course: an id and the scene tags derived from it (by the campus's keyword rules). */
export interface Course extends CourseInput {
  id: string;
  scenes: Scene[];
}

export interface Term {
  /** Monday of week 1, campus time. */
  startDate: string;
  /** Number of teaching weeks. */
  weeks: number;
}

/**
 * A change to which classes run on a date: a day off (national holiday, or the student's own),
 * or a day that runs another day's timetable (调休: "this Sunday follows Friday of week 5").
 */
export type CalendarOverride = { date: string; kind: 'off'; name?: string } | { date: string; kind: 'follows'; week: number; day: Weekday; name?: string };

/** One class on one date. */
export interface ClassSlot {
  date: string;
  start: string; // 'HH:mm'
  end: string;
  courseId: string;
  name: string;
  room: string;
  building: string;
  startNode: number;
  endNode: number;
  scenes: Scene[];
}

export const WINDOW_KINDS = ['before_first', 'break', 'lunch', 'dinner', 'after_last', 'after_evening', 'day_off'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

/** A gap in a student's day they can use (never overlapping a class). */
export interface FreeWindow {
  start: string; // 'HH:mm'
  end: string;
  kind: WindowKind;
}

/** A warning from an importer: the line (1-based, when the format has lines) and what was wrong. */
export interface ImportWarning {
  line?: number;
  text: string;
  reason: string;
}

export interface ImportResult {
  courses: CourseInput[];
  warnings: ImportWarning[];
}

export const IMPORT_FORMATS = ['wakeup_csv', 'ics', 'zf_json', 'wakeup_file'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** 'HH:mm' → minutes after midnight. */
export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Minutes after midnight → 'HH:mm'. */
export function fromMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * A date the national calendar changes (国务院 notice): a weekday off (a holiday), or a weekend
 * that is a make-up workday (调休上班). Weekends off and ordinary weekdays are not listed.
 */
export interface NationalDay {
  date: string;
  kind: 'off' | 'makeup';
  /** Chinese name of the holiday it belongs to (国庆节, 春节 …). */
  name: string;
}
