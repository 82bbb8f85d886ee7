// Date and time pickers in campus time (Asia/Shanghai), whatever the phone's own time zone.
// Showing a time goes through utils/time; this is the way back, from what was picked to an instant.
import { CAMPUS_TZ } from '@core/time';
import dayjs from 'dayjs';
import { formatDate, formatTime } from '../../../utils/time';

/** "2026-11-23" and "16:30" in campus time, for a date and a time Picker. */
export const pickerValues = (ms: number) => ({ day: formatDate(ms), clock: formatTime(ms) });

/** The instant a campus date ("2026-11-23") and time ("16:30") name; NaN if either is malformed. */
export function campusInstant(day: string, clock: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(clock)) return Number.NaN;
  return dayjs.tz(`${day} ${clock}`, CAMPUS_TZ).valueOf();
}
