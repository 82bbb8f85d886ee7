// The gaps in a student's day they can use: before the first class, the breaks between classes
// (named lunch or dinner when they cover the meal), after the last class. Every other feature
// (picks, pickup reminders) places itself in these, so a window never overlaps a class and no
// window is shorter than a useful break. Times are minutes after midnight inside, 'HH:mm' out.
import { type ClassSlot, type FreeWindow, fromMinutes, toMinutes, type WindowKind } from './model';
import { EVENING_FIRST_SECTION } from './sections';

export interface FreeWindowOptions {
  dayStart?: string;
  dayEnd?: string;
  /** Shortest gap worth offering, minutes: less is only the walk to the next room. */
  minBreak?: number;
  lunch?: [string, string];
  dinner?: [string, string];
  /** Sections from this one on are evening classes (the campus's table may differ). */
  eveningFirstSection?: number;
}

/** What the rules read from a class: enough to call them with plain data in bulk. */
export type ClassTimes = Pick<ClassSlot, 'start' | 'end' | 'startNode'>;

/** A class starting this late is an evening class even on a table without evening sections. */
export const EVENING_START = '18:30';
/** A gap is a lunch (dinner) break when it covers this much of the meal span. */
export const MEAL_OVERLAP_MINUTES = 30;

interface Block {
  s: number;
  e: number;
  evening: boolean;
}

/** The usable gaps of a day's classes (any order; overlapping classes are merged), sorted. */
export function freeWindows(classes: ClassTimes[], opts: FreeWindowOptions = {}): FreeWindow[] {
  const ds = toMinutes(opts.dayStart ?? '07:00');
  const de = toMinutes(opts.dayEnd ?? '23:00');
  const minBreak = opts.minBreak ?? 15;
  const lunch = (opts.lunch ?? ['11:00', '13:30']).map(toMinutes);
  const dinner = (opts.dinner ?? ['17:00', '19:00']).map(toMinutes);
  const blocks = merge(classes, opts.eveningFirstSection ?? EVENING_FIRST_SECTION);
  if (blocks.length === 0) return de > ds ? [{ start: fromMinutes(ds), end: fromMinutes(de), kind: 'day_off' }] : [];

  const out: FreeWindow[] = [];
  const push = (s: number, e: number, kind: WindowKind) => {
    if (e - s >= minBreak) out.push({ start: fromMinutes(s), end: fromMinutes(e), kind });
  };
  let cursor = ds;
  // A class over before the day starts does not make the first gap a "break".
  let hadClass = false;
  for (const b of blocks) {
    const s = Math.min(b.s, de);
    if (!hadClass) push(cursor, s, 'before_first');
    else push(cursor, s, gapKind(cursor, s, lunch, dinner));
    cursor = Math.max(cursor, b.e);
    hadClass ||= b.e > ds;
  }
  push(cursor, de, blocks[blocks.length - 1].evening ? 'after_evening' : 'after_last');
  return out;
}

function merge(classes: ClassTimes[], eveningFirst: number): Block[] {
  const eveningStart = toMinutes(EVENING_START);
  const list: Block[] = [];
  for (const c of classes) {
    const s = toMinutes(c.start);
    const e = toMinutes(c.end);
    // A class that ends before it starts is bad data; it cannot hide a gap.
    if (e <= s) continue;
    list.push({ s, e, evening: c.startNode >= eveningFirst || s >= eveningStart });
  }
  list.sort((a, b) => a.s - b.s);
  const blocks: Block[] = [];
  for (const c of list) {
    const last = blocks[blocks.length - 1];
    if (last && c.s < last.e) {
      last.e = Math.max(last.e, c.e);
      last.evening ||= c.evening;
    } else blocks.push({ ...c });
  }
  return blocks;
}

function gapKind(s: number, e: number, lunch: number[], dinner: number[]): WindowKind {
  const l = overlap(s, e, lunch[0], lunch[1]);
  const d = overlap(s, e, dinner[0], dinner[1]);
  if (l >= MEAL_OVERLAP_MINUTES && l >= d) return 'lunch';
  if (d >= MEAL_OVERLAP_MINUTES) return 'dinner';
  return 'break';
}

function overlap(a: number, b: number, c: number, d: number): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c));
}

/** The window `now` ('HH:mm') falls in, or null. */
export function windowAt(windows: FreeWindow[], now: string): FreeWindow | null {
  const t = toMinutes(now);
  return windows.find((w) => toMinutes(w.start) <= t && t < toMinutes(w.end)) ?? null;
}

/**
 * The window to offer at `now`: the one it falls in, else the next to start. When a class is on
 * at `now` (windows computed before the student added it), the busy stretch's end is where
 * offering starts, and a window it cuts into is answered from that end.
 */
export function nextWindow(windows: FreeWindow[], classes: ClassTimes[], now: string): FreeWindow | null {
  let t = toMinutes(now);
  // Follow overlapping classes to the end of the busy stretch (evening plays no part here).
  for (const b of merge(classes, Number.POSITIVE_INFINITY)) if (b.s <= t && t < b.e) t = b.e;
  const w = windows.find((x) => toMinutes(x.end) > t);
  if (!w) return null;
  return t > toMinutes(now) && toMinutes(w.start) < t ? { ...w, start: fromMinutes(t) } : w;
}

/** The class on at `now`, the earliest-starting when two overlap, or null. */
export function classAt<C extends ClassTimes>(classes: C[], now: string): C | null {
  const t = toMinutes(now);
  let best: C | null = null;
  for (const c of classes) {
    if (toMinutes(c.start) <= t && t < toMinutes(c.end) && (best === null || toMinutes(c.start) < toMinutes(best.start))) best = c;
  }
  return best;
}
