// Where a reminder lands in a student's day (never during a class): the core planner on a day's
// 'HH:mm' classes and windows.
import type { ClassSlot, FreeWindow } from '../../core/timetable/model';
import { placeInNextWindow, placeClassReminder as placeOnSpans, spansOn } from '../../core/timetable/reminder-plan';
import { campusInstant } from './days';

/** `lead` minutes before the class at `start`, or the end of the class that moment falls in. */
export function placeClassReminder(date: string, start: string, classes: ClassSlot[], lead: number): number {
  return placeOnSpans(campusInstant(date, start), spansOn(date, classes), lead);
}

/** Now when now is in a free window, else the start of the next window of the day, else now. */
export function placeInWindows(nowMs: number, date: string, windows: FreeWindow[]): number {
  return placeInNextWindow(nowMs, spansOn(date, windows)) ?? nowMs;
}
