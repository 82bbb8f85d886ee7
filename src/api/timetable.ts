// The `timetable` function, one wrapper per action (core/contracts/timetable). Types only from
// the contract: its schemas (zod) stay on the server side of the weapp size budget.
import type { ReminderKind, TimetableResults } from '@core/contracts/timetable';
import type { CourseInput, ImportFormat } from '@core/timetable/model';
import { call } from './client';

type R = TimetableResults;
const tt = <K extends keyof R>(action: K, input: object = {}) => call<R[K], 'timetable'>('timetable', action, input);

export const timetableStatus = () => tt('status');
export const giveConsent = (granted: boolean, version: number) => tt('consent', { granted, version });
export const previewImport = (input: { format: ImportFormat; content: string; termStartDate: string }) => tt('preview', input);
export const saveTimetable = (input: { termStartDate: string; termWeeks: number; courses: CourseInput[] }) => tt('save', input);
export const getTimetable = () => tt('get');
export const timetableWeek = (week?: number) => tt('week', week === undefined ? {} : { week });
export const freeWindows = (date?: string) => tt('freeWindows', date === undefined ? {} : { date });
export type OverrideInput = { kind: 'off'; date: string } | { kind: 'follows'; date: string; week: number; day: number } | { kind: 'clear'; date: string };
export const setOverride = (input: OverrideInput) => tt('setOverride', input);
export const timetablePicks = () => tt('picks');
export type RemindInput =
  | { kind: Extract<ReminderKind, 'class'>; courseId: string; date: string }
  | { kind: Extract<ReminderKind, 'pickup'>; orderId: string }
  | { kind: Extract<ReminderKind, 'group_result'>; groupId: string };
export const remind = (input: RemindInput) => tt('remind', input);
export const myReminders = () => tt('reminders');
export const cancelReminder = (reminderId: string) => tt('cancelReminder', { reminderId });
export const openedRef = (ref: string) => tt('opened', { ref });
export const exportTimetable = () => tt('export');
export const revokeTimetable = () => tt('revoke');
