// The national calendar's changes to ordinary weeks, from the `chinese-days` package (refreshed
// with each 国务院 notice, so a package update is the yearly chore). Only the days that differ
// from a plain Mon–Fri week matter to a timetable: a weekday off and a weekend make-up workday.
// Kept apart from calendar.ts so the pure rules never load the package's data.
import { getDayDetail } from 'chinese-days';
import type { NationalDay } from './model';

const DAY_MS = 86_400_000;
/** Longest range one call reads: a year and a bit covers any term; a bound keeps a typo cheap. */
export const MAX_NATIONAL_RANGE_DAYS = 400;

/** National off weekdays and make-up weekends from `fromDate` to `toDate`, both included, in date order. */
export function nationalDays(fromDate: string, toDate: string): NationalDay[] {
  const from = Date.parse(`${fromDate}T00:00:00Z`);
  const to = Date.parse(`${toDate}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to)) throw new Error(`nationalDays: bad range ${fromDate}..${toDate}`);
  if ((to - from) / DAY_MS > MAX_NATIONAL_RANGE_DAYS) throw new Error(`nationalDays: range over ${MAX_NATIONAL_RANGE_DAYS} days`);
  const out: NationalDay[] = [];
  for (let ms = from; ms <= to; ms += DAY_MS) {
    const date = new Date(ms).toISOString().slice(0, 10);
    const detail = getDayDetail(date);
    // The package parses the string in the process's time zone: west of UTC it answers for the
    // day before. The cloud runs in UTC and developers in UTC+8, so refuse rather than be wrong.
    if (detail.date !== date) throw new Error(`chinese-days answered ${detail.date} for ${date}: run with TZ=UTC or east of it`);
    const weekend = new Date(ms).getUTCDay() % 6 === 0;
    if (!weekend && !detail.work) out.push({ date, kind: 'off', name: chineseName(detail.name) });
    else if (weekend && detail.work) out.push({ date, kind: 'makeup', name: chineseName(detail.name) });
  }
  return out;
}

/** 'Mid-autumn Festival,中秋,1' → '中秋' (the package joins English, Chinese and a day count). */
export function chineseName(packageName: string): string {
  const parts = packageName.split(',');
  return parts.length >= 2 ? parts[1] : packageName;
}
