// Date and time pickers in campus time (Asia/Shanghai), whatever the phone's own time zone.
import { CAMPUS_TZ, campusTime } from '@core/time';
import dayjs from 'dayjs';

/** "2026-11-23" in campus time. */
export const campusDay = (ms: number) => campusTime(ms).format('YYYY-MM-DD');
/** "16:30" in campus time. */
export const campusClock = (ms: number) => campusTime(ms).format('HH:mm');
/** The instant a campus date ("2026-11-23") and time ("16:30") name; NaN if either is malformed. */
export function campusInstant(day: string, clock: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(clock)) return Number.NaN;
  return dayjs.tz(`${day} ${clock}`, CAMPUS_TZ).valueOf();
}
