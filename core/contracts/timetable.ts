// The `timetable` function: consent, import (preview, then save), the week grid, free windows,
// precision picks for the next free window, the reminders a student asked for, export and revoke.
// Dates and times are campus time: 'YYYY-MM-DD' and 'HH:mm'.
import * as z from 'zod';
import type { ClassSlot, CourseInput, FreeWindow, ImportWarning, Scene, SectionTime, Term } from '../timetable/model';
import { IMPORT_FORMATS } from '../timetable/model';
import { addDays, weekdayOf } from '../timetable/term';
import type { ProductCard } from './catalog';
import { campusDate } from './dates';

/** Shown on the consent page and kept with each grant, so a changed text asks again. */
export const CONSENT_VERSION = 1;
export const CONSENT_PURPOSE =
  '我们用你的课表算出你每天的空闲时间（课间、午饭、晚自习后），只在这些时间给你推荐合适的商品，并在你点了“上课提醒”时按时提醒你。课表只有你自己能看到；同课拼团只显示同课人数，不显示名字。你可以随时导出或删除课表，删除后由课表算出的空闲时间、场景标签、提醒和同课拼团资格也一并删除。';

/** Most courses one timetable may hold (a full week of 12 sections is 84). */
export const MAX_COURSES = 120;
export const MAX_TERM_WEEKS = 30;
/** Largest file a preview reads (a term's ICS per occurrence is ~100 KB). */
export const MAX_IMPORT_CHARS = 400_000;

const date = campusDate;
/**
 * Week 1's Monday: every week number and weekday is counted from it. Another day of that week
 * means its Monday (a student who types the first day of classes, a Wednesday, gets week 1 right).
 */
const termStart = date.transform((s) => addDays(s, 1 - weekdayOf(s)));
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式是 HH:mm');
const text = (max: number, label: string) => z.string().trim().max(max, `${label}最多 ${max} 个字`);

export const courseInput = z
  .strictObject({
    name: text(40, '课程名').min(1, '请填写课程名'),
    day: z.number().int().min(1, '星期是 1-7').max(7, '星期是 1-7'),
    startNode: z.number().int().min(1, '节次从 1 开始').max(16, '节次最多 16'),
    endNode: z.number().int().min(1, '节次从 1 开始').max(16, '节次最多 16'),
    weeks: z
      .array(z.number().int().min(1).max(MAX_TERM_WEEKS, `周数最多 ${MAX_TERM_WEEKS}`))
      .min(1, '请选择上课的周')
      .max(MAX_TERM_WEEKS),
    room: text(40, '地点').default(''),
    teacher: text(30, '老师').default(''),
    building: text(30, '教学楼').optional(),
    startTime: clock.optional(),
    endTime: clock.optional(),
  })
  .refine((c) => c.endNode >= c.startNode, { message: '结束节次不能早于开始节次', path: ['endNode'] })
  .refine((c) => (c.startTime === undefined) === (c.endTime === undefined), { message: '开始和结束时间要一起填', path: ['endTime'] })
  .refine((c) => !c.startTime || !c.endTime || c.startTime < c.endTime, { message: '结束时间要晚于开始时间', path: ['endTime'] });

export const REMINDER_KINDS = ['class', 'pickup', 'group_result'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const timetableInput = {
  status: z.strictObject({}),
  consent: z.strictObject({ granted: z.boolean(), version: z.number().int().min(1).default(CONSENT_VERSION) }),
  /** Reads a file and answers what it found; writes nothing. */
  preview: z.strictObject({
    format: z.enum(IMPORT_FORMATS),
    content: z.string().min(1, '文件是空的').max(MAX_IMPORT_CHARS, '文件太大了（最多 400 KB）'),
    termStartDate: termStart,
  }),
  /** Replaces the term and every course (a re-import or the editor's save). */
  save: z.strictObject({
    termStartDate: termStart,
    termWeeks: z.number().int().min(1).max(MAX_TERM_WEEKS).default(20),
    courses: z.array(courseInput).max(MAX_COURSES, `最多 ${MAX_COURSES} 门课`),
  }),
  /** Everything the student saved (the editor). */
  get: z.strictObject({}),
  /** The classes of one teaching week (default: this week), holidays and 调休 applied. */
  week: z.strictObject({ week: z.number().int().min(1).max(MAX_TERM_WEEKS).optional() }),
  freeWindows: z.strictObject({ date: date.optional() }),
  /** The student's own calendar change: a day off, or a day that runs another day's classes. */
  setOverride: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('off'), date }),
    z.strictObject({ kind: z.literal('follows'), date, week: z.number().int().min(1).max(MAX_TERM_WEEKS), day: z.number().int().min(1).max(7) }),
    z.strictObject({ kind: z.literal('clear'), date }),
  ]),
  /** Products for the current or next free window, with the reason in one line. */
  picks: z.strictObject({}),
  /**
   * A reminder the student asked for by a tap that WeChat accepted (one send per grant):
   * 上课提醒 for one class, 自提提醒 for an order ready for pickup, 拼团结果 for a group.
   */
  remind: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('class'), courseId: z.string().min(1).max(64), date }),
    z.strictObject({ kind: z.literal('pickup'), orderId: z.string().min(1).max(64) }),
    z.strictObject({ kind: z.literal('group_result'), groupId: z.string().min(1).max(64) }),
  ]),
  reminders: z.strictObject({}),
  cancelReminder: z.strictObject({ reminderId: z.string().min(1).max(128) }),
  /** A page opened from a reminder or a precision card (its id travels in the page's query). */
  opened: z.strictObject({ ref: z.string().min(1).max(128) }),
  export: z.strictObject({}),
  revoke: z.strictObject({}),
};

export interface ClassView extends Pick<ClassSlot, 'date' | 'start' | 'end' | 'name' | 'room' | 'courseId' | 'startNode' | 'endNode'> {}

export interface ReminderView {
  id: string;
  kind: ReminderKind;
  title: string;
  /** When it goes out, campus time ms (waiting: the latest it can, the group's deadline). */
  sendAt: number;
  /** waiting: a 拼团结果 until the group has a result. */
  state: 'waiting' | 'planned' | 'sent' | 'failed' | 'cancelled';
}

export interface TimetableResults {
  status: {
    consented: boolean;
    consentVersion: number;
    hasTimetable: boolean;
    term: Term | null;
    courseCount: number;
    /** The teaching week today falls in (0 before the term, > weeks after it). */
    currentWeek: number;
    /** Subscribe-message template ids to ask for on a tap (wx.requestSubscribeMessage), by kind. */
    templates: Record<ReminderKind, string>;
    /** Minutes before a class its reminder goes out. */
    classLeadMinutes: number;
  };
  consent: { granted: boolean };
  preview: { courses: CourseInput[]; warnings: ImportWarning[] };
  save: { courseCount: number };
  get: { term: Term | null; sections: SectionTime[]; courses: (CourseInput & { id: string; scenes: Scene[] })[] };
  week: { week: number; term: Term; dates: string[]; sections: SectionTime[]; classes: ClassView[]; offDays: { date: string; name: string }[] };
  freeWindows: { date: string; windows: FreeWindow[]; classes: ClassView[] };
  setOverride: { date: string };
  picks: {
    /** null when there is nothing to offer (no consent, no timetable, no window left today). */
    pick: null | {
      ref: string;
      window: FreeWindow & { date: string };
      scenes: Scene[];
      reason: string;
      products: ProductCard[];
    };
  };
  remind: { reminderId: string; sendAt: number };
  reminders: { reminders: ReminderView[] };
  cancelReminder: { reminderId: string };
  opened: { recorded: boolean };
  export: { fileName: string; csv: string; json: string };
  revoke: { deleted: Record<string, number> };
}
