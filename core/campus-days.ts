// Campus days and months without a date library: Asia/Shanghai is UTC+8 all year (no daylight
// saving), so a campus day is a fixed 24-hour span starting at 16:00 UTC. Daily counters are keyed
// by the day's date ('2026-11-22'), monthly runs by the month ('2026-11'), and a window of
// "近 N 天" is the last N campus days, today included. Cloud functions use these rather than
// dayjs (core/time.ts), which would add ~12 KB to every bundle that reaches it.
import { DAY_MS } from './attribution';

const OFFSET_MS = 8 * 3600_000;

/** The campus date of an instant, as 'YYYY-MM-DD'. */
export function campusDay(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** The campus month of an instant, as 'YYYY-MM'. */
export function campusMonth(ms: number): string {
  return campusDay(ms).slice(0, 7);
}

/** The instant a campus month ('YYYY-MM') starts: midnight of its 1st in campus time. */
export function campusMonthStart(month: string): number {
  return campusDayStart(`${month}-01`);
}

/** The instant a campus day starts (its midnight in campus time). */
export function campusDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - OFFSET_MS;
}

/** The last `days` campus days up to the one `now` falls in, oldest first. */
export function lastCampusDays(now: number, days: number): string[] {
  const today = campusDayStart(campusDay(now));
  return Array.from({ length: days }, (_, i) => campusDay(today - (days - 1 - i) * DAY_MS));
}

/** "11月24日 10:00" in campus time, for messages a function writes (no date library). */
export function campusMonthDayTime(ms: number): string {
  const iso = new Date(ms + OFFSET_MS).toISOString();
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`;
}
