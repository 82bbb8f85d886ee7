// What the timetable pages share: the contract's constants (copied, because the contract module
// carries zod's runtime; shared.test.ts checks the copies), the import formats as students name
// them, and small formatting rules for weeks, weekdays and dates.
import type { ImportFormat } from '@core/timetable/model';
import { addDays, dayNumber, weekdayOf } from '@core/timetable/term';

/** The contract's CONSENT_VERSION and CONSENT_PURPOSE (shared.test.ts keeps them equal). */
export const CONSENT_VERSION = 1;
export const CONSENT_PURPOSE =
  '我们用你的课表算出你每天的空闲时间（课间、午饭、晚自习后），只在这些时间给你推荐合适的商品，并在你点了“上课提醒”时按时提醒你。课表只有你自己能看到；同课拼团只显示同课人数，不显示名字。你可以随时导出或删除课表，删除后由课表算出的空闲时间、场景标签、提醒和同课拼团资格也一并删除。';
export const MAX_COURSES = 120;
export const MAX_TERM_WEEKS = 30;
export const MAX_IMPORT_CHARS = 400_000;
/** The term length a timetable gets when nothing says otherwise (the contract's default). */
export const DEFAULT_TERM_WEEKS = 20;

export const PAGES = {
  consent: '/packages/timetable/consent/index',
  import: '/packages/timetable/import/index',
  week: '/packages/timetable/week/index',
  edit: '/packages/timetable/edit/index',
  reminders: '/packages/timetable/reminders/index',
};

export type ImportChoice = ImportFormat | 'manual';
export const IMPORT_CHOICES: { id: ImportChoice; name: string; hint: string; accept: string }[] = [
  { id: 'wakeup_csv', name: 'WakeUp 表格 CSV', hint: 'WakeUp 课程表 → 分享 → 导出为表格 (.csv)', accept: '.csv,.txt' },
  { id: 'ics', name: '日历文件 .ics', hint: '教务系统或日历 App 导出的 .ics 文件', accept: '.ics,.txt' },
  { id: 'zf_json', name: '正方教务 JSON', hint: '正方教务“个人课表查询”返回的 JSON', accept: '.json,.txt' },
  { id: 'wakeup_file', name: 'WakeUp 备份文件', hint: 'WakeUp 课程表 → 分享 → 导出为备份文件 (.wakeup_schedule)', accept: '.wakeup_schedule,.txt,.json' },
  { id: 'manual', name: '手动填写', hint: '一门一门自己填，适合课不多或文件导不出来', accept: '' },
];

export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
export const weekdayName = (day: number): string => WEEKDAY_NAMES[day - 1] ?? `周${day}`;

/** 周一 第1-2节 (第3节 for one section). */
export function slotText(c: { day: number; startNode: number; endNode: number; startTime?: string; endTime?: string }): string {
  const nodes = c.startNode === c.endNode ? `第${c.startNode}节` : `第${c.startNode}-${c.endNode}节`;
  const times = c.startTime && c.endTime ? ` ${c.startTime}-${c.endTime}` : '';
  return `${weekdayName(c.day)} ${nodes}${times}`;
}

/** Runs of consecutive numbers that step by `step`: [1,2,3,5] by 1 → [[1,3],[5,5]]. */
function runs(ns: number[], step: number): [number, number][] {
  const out: [number, number][] = [];
  for (const n of ns) {
    const last = out[out.length - 1];
    if (last && n === last[1] + step) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/**
 * The weeks a course runs, as a timetable prints them: 1-16周, 1-15周(单), 2-16周(双), or
 * runs joined by commas (4-6,8-13周). Input in any order, repeats ignored.
 */
export function formatWeeks(weeks: readonly number[]): string {
  const ws = [...new Set(weeks)].sort((a, b) => a - b);
  if (ws.length === 0) return '未选周';
  if (ws.length === 1) return `第${ws[0]}周`;
  const plain = runs(ws, 1);
  if (plain.length === 1) return `${ws[0]}-${ws[ws.length - 1]}周`;
  const byTwo = runs(ws, 2);
  if (byTwo.length === 1) return `${ws[0]}-${ws[ws.length - 1]}周(${ws[0] % 2 ? '单' : '双'})`;
  return `${plain.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',')}周`;
}

/** 1 = Monday … 7 = Sunday, and whole-day arithmetic: core's, shared with the server. */
export { weekdayOf } from '@core/timetable/term';

/** The Monday of the week a date falls in. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - weekdayOf(day));
}

/** A real calendar date written YYYY-MM-DD. */
export function isDate(s: string): boolean {
  try {
    dayNumber(s);
    return true;
  } catch {
    return false;
  }
}

/** 11-23 from 2026-11-23. */
export const shortDate = (day: string): string => day.slice(5);

/** The weeks of a term a course runs in, for the editor's shortcuts. */
export function weekShortcut(kind: 'all' | 'odd' | 'even', termWeeks: number): number[] {
  const all = Array.from({ length: termWeeks }, (_, i) => i + 1);
  if (kind === 'all') return all;
  return all.filter((w) => w % 2 === (kind === 'odd' ? 1 : 0));
}

/** How many weeks a saved term should have: the last week any course runs, else the default. */
export function termWeeksFor(courses: { weeks: number[] }[], fallback = DEFAULT_TERM_WEEKS): number {
  const last = Math.max(0, ...courses.flatMap((c) => c.weeks));
  return Math.min(MAX_TERM_WEEKS, last || fallback);
}
