// Where a reminder lands in a student's day: never during a class.
import { type ClassSlot, type FreeWindow, fromMinutes, toMinutes } from '../../core/timetable/model';
import { campusInstant, campusNow } from './days';

/**
 * A class reminder goes `lead` minutes before the class, unless that moment is in another class
 * (back-to-back classes): then it moves to the end of that class, the break before this one.
 */
export function placeClassReminder(date: string, start: string, classes: ClassSlot[], lead: number): number {
  const target = toMinutes(start);
  let t = Math.max(0, target - lead);
  for (const c of [...classes].sort((a, b) => toMinutes(a.start) - toMinutes(b.start))) {
    const from = toMinutes(c.start);
    const to = toMinutes(c.end);
    if (from < target && from <= t && t < to) t = Math.min(to, target);
  }
  return campusInstant(date, fromMinutes(t));
}

/** Now when now is in a free window, else the start of the next window today, else now. */
export function placeInWindows(nowMs: number, date: string, windows: FreeWindow[]): number {
  const { date: today, time } = campusNow(nowMs);
  if (today !== date) return nowMs;
  const now = toMinutes(time);
  for (const w of windows) {
    if (toMinutes(w.start) <= now && now < toMinutes(w.end)) return nowMs;
    if (toMinutes(w.start) > now) return campusInstant(date, w.start);
  }
  return nowMs;
}
