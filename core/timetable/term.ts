// Teaching weeks and campus dates. Dates are campus dates 'YYYY-MM-DD'; the arithmetic is on
// whole days (Date.UTC), so neither the machine's zone nor daylight saving can shift a day.
// Week 1 is the 7 days from the term's start date (normally a Monday), week 2 the next 7, …
import type { Weekday } from './model';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → days since 1970-01-01; throws on anything that is not a real date. */
export function dayNumber(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new RangeError(`not a date: ${date}`);
  return ms / DAY_MS;
}

/** Days since 1970-01-01 → 'YYYY-MM-DD'. */
export function dateOfDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): Weekday {
  // 1970-01-01 was a Thursday (4)
  return (((((dayNumber(date) + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** The teaching week a date falls in: 1 for the 7 days from the term start; 0 or less before it. */
export function weekOf(termStartDate: string, date: string): number {
  return Math.floor((dayNumber(date) - dayNumber(termStartDate)) / 7) + 1;
}

/** The date of a weekday in a teaching week (the inverse of weekOf and weekdayOf). */
export function dateOf(termStartDate: string, week: number, day: Weekday): string {
  const start = dayNumber(termStartDate);
  const shift = (((day - weekdayOf(termStartDate)) % 7) + 7) % 7;
  return dateOfDayNumber(start + (week - 1) * 7 + shift);
}
