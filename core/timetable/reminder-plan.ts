// When a reminder goes out. A phone buzzing in class is what makes students turn reminders off,
// so a send time never falls inside a class: a class reminder that would moves to the end of
// the class before, a pickup reminder waits for the next free window. Plain epoch ms in and
// out and no allocation in the two placers, since a plan runs them for every student with a
// timetable (50,000 in the benchmark); a day has a dozen classes, so plain scans are enough.
import { campusDayStart } from '../campus-days';

/** A span of time, epoch ms, end exclusive. */
export interface MsSpan {
  startMs: number;
  endMs: number;
}

export const DEFAULT_CLASS_LEAD_MINUTES = 10;
const MINUTE_MS = 60_000;

/**
 * When to remind of the class starting at `classStartMs`: `leadMinutes` before it, unless that is
 * inside another class; then at the end of the busy stretch it falls in (the start of the gap
 * before the class), so the lead shrinks rather than the phone buzzing in class. With no gap at
 * all (back-to-back classes) that is the class's own start, the one moment not in a class.
 */
export function placeClassReminder(classStartMs: number, dayClasses: MsSpan[], leadMinutes = DEFAULT_CLASS_LEAD_MINUTES): number {
  let t = classStartMs - leadMinutes * MINUTE_MS;
  // Classes may overlap or chain, so follow them until t is in none; each step moves t later,
  // and only classes starting before the target count, so this ends within dayClasses.length steps.
  let moved = true;
  while (moved) {
    moved = false;
    for (const c of dayClasses) {
      if (c.startMs < classStartMs && c.startMs <= t && t < c.endMs) {
        t = c.endMs;
        moved = true;
      }
    }
  }
  return Math.min(t, classStartMs);
}

/** When to send a pickup reminder: now if a free window is open, else the next window's start; null when none is left. */
export function placeInNextWindow(nowMs: number, windows: MsSpan[]): number | null {
  let next: number | null = null;
  for (const w of windows) {
    if (w.startMs <= nowMs && nowMs < w.endMs) return nowMs;
    if (w.startMs > nowMs && (next === null || w.startMs < next)) next = w.startMs;
  }
  return next;
}

/** A day's 'HH:mm' spans (classes, free windows) as epoch ms, campus time (UTC+8). */
export function spansOn(date: string, spans: { start: string; end: string }[]): MsSpan[] {
  const day = campusDayStart(date);
  return spans.map((s) => ({ startMs: day + clockMs(s.start), endMs: day + clockMs(s.end) }));
}

function clockMs(hhmm: string): number {
  return (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * MINUTE_MS;
}
