// What every importer shares: the options, weekday reading, and `finish`, which turns the rows an
// importer read into the courses `preview` answers (trimmed, capped to the contract's lengths,
// building derived, same course merged, courses with no weeks dropped, sorted by day and section).
import { buildingOf } from '../../../core/timetable/building';
import type { CourseInput, ImportResult, ImportWarning, SectionTime, Weekday } from '../../../core/timetable/model';

export interface ImportOptions {
  /** Monday of week 1, campus time 'YYYY-MM-DD'. */
  termStartDate: string;
  /** The campus's section table: clock times are mapped to these sections. */
  sections: SectionTime[];
}

export type Importer = (content: string, opts: ImportOptions) => ImportResult;

/**
 * The contract's limits (core/contracts/timetable.ts `courseInput`), repeated here so an importer
 * bundle does not pull in zod; import.test.ts checks every fixture's courses against the schema.
 */
export const LIMITS = { name: 40, room: 40, teacher: 30, building: 30, maxWeek: 30, maxNode: 16 } as const;

/** Most warnings a preview lists; the rest are counted in one more. */
export const MAX_WARNINGS = 100;

/** A course as an importer read it, with where it came from for warnings. */
export interface Draft extends CourseInput {
  line?: number;
  text: string;
}

export function stripBom(content: string): string {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

/** At most `max` characters (code points, so an emoji is not cut in half). */
export function cap(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length > max ? chars.slice(0, max).join('').trim() : text.trim();
}

const CHINESE_DAYS: Record<string, Weekday> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 七: 7 };

/** 1..7, 一..日 (天), 周一, 星期一, 礼拜一, Mon/Monday; undefined when it is none of those. */
export function parseWeekday(value: unknown): Weekday | undefined {
  const text = String(value ?? '')
    .trim()
    .replace(/^(星期|周|礼拜)/, '');
  if (/^[1-7]$/.test(text)) return Number(text) as Weekday;
  if (text in CHINESE_DAYS) return CHINESE_DAYS[text];
  const english = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(text.slice(0, 3).toLowerCase());
  return english >= 0 && /^[a-z]+\.?$/i.test(text) ? ((english + 1) as Weekday) : undefined;
}

/** A section number: "3", "第3节", "3节"; undefined otherwise. */
export function parseNode(value: unknown): number | undefined {
  const m = /^第?\s*(\d{1,2})\s*节?$/.exec(String(value ?? '').trim());
  return m ? Number(m[1]) : undefined;
}

/** The reason a draft cannot be a course, or undefined when it can. */
function problemOf(d: Draft): string | undefined {
  if (!d.name) return '课程名称是空的';
  if (!Number.isInteger(d.day) || d.day < 1 || d.day > 7) return '星期不是 1-7';
  if (!Number.isInteger(d.startNode) || d.startNode < 1 || d.startNode > LIMITS.maxNode) return `开始节数要在 1-${LIMITS.maxNode} 之间`;
  if (!Number.isInteger(d.endNode) || d.endNode < 1 || d.endNode > LIMITS.maxNode) return `结束节数要在 1-${LIMITS.maxNode} 之间`;
  if (d.endNode < d.startNode) return '结束节数早于开始节数';
  if ((d.startTime === undefined) !== (d.endTime === undefined)) return '开始和结束时间要一起有';
  if (d.startTime !== undefined && d.endTime !== undefined && d.startTime >= d.endTime) return '结束时间不晚于开始时间';
  return undefined;
}

function keyOf(c: CourseInput): string {
  return JSON.stringify([c.name, c.day, c.startNode, c.endNode, c.room, c.teacher, c.startTime ?? '', c.endTime ?? '']);
}

/** The courses of an import: cleaned, merged, checked and sorted; problems become warnings. */
export function finish(drafts: Draft[], warnings: ImportWarning[]): ImportResult {
  const byKey = new Map<string, CourseInput>();
  for (const d of drafts) {
    const name = cap(d.name ?? '', LIMITS.name);
    const room = cap(d.room ?? '', LIMITS.room);
    const teacher = cap(d.teacher ?? '', LIMITS.teacher);
    const course: CourseInput = { name, day: d.day, startNode: d.startNode, endNode: d.endNode, weeks: [], room, teacher };
    const building = d.building ?? buildingOf(room);
    if (building) course.building = cap(building, LIMITS.building);
    if (d.startTime !== undefined || d.endTime !== undefined) {
      course.startTime = d.startTime;
      course.endTime = d.endTime;
    }
    const problem = problemOf({ ...course, text: d.text });
    if (problem) {
      warnings.push(warning(d, problem));
      continue;
    }
    const late = d.weeks.filter((w) => w > LIMITS.maxWeek);
    if (late.length > 0) warnings.push(warning(d, `第 ${late.join('、')} 周超出了 ${LIMITS.maxWeek} 周，没有导入`));
    const weeks = d.weeks.filter((w) => Number.isInteger(w) && w >= 1 && w <= LIMITS.maxWeek);
    if (weeks.length === 0) {
      if (late.length === 0) warnings.push(warning(d, '没有上课的周'));
      continue;
    }
    const key = keyOf(course);
    const same = byKey.get(key);
    if (same) same.weeks.push(...weeks);
    else byKey.set(key, { ...course, weeks: [...weeks] });
  }
  const courses = [...byKey.values()];
  for (const c of courses) c.weeks = [...new Set(c.weeks)].sort((a, b) => a - b);
  courses.sort((a, b) => a.day - b.day || a.startNode - b.startNode || a.endNode - b.endNode || a.weeks[0] - b.weeks[0] || cmp(a.name, b.name));
  // in file order: rows refused while reading and those refused here interleave by line
  warnings.sort((a, b) => (a.line ?? 1e9) - (b.line ?? 1e9));
  if (warnings.length > MAX_WARNINGS) {
    const more = warnings.length - MAX_WARNINGS;
    warnings.splice(MAX_WARNINGS, more, { text: '', reason: `还有 ${more} 条问题没有列出` });
  }
  return { courses, warnings };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function warning(d: Draft, reason: string): ImportWarning {
  return d.line === undefined ? { text: d.text, reason } : { line: d.line, text: d.text, reason };
}

/** A warning for something that is not one course (an unreadable file, an all-day event …). */
export function fileWarning(text: string, reason: string, line?: number): ImportWarning {
  return line === undefined ? { text: cap(text, 200), reason } : { line, text: cap(text, 200), reason };
}
