// Campus time is Asia/Shanghai, computed explicitly: the cloud runtime is UTC.
// Not for cloud functions: the function build refuses dayjs (~12 KB a bundle); they take campus
// days and months from campus-days.ts, which these tests check against dayjs.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CAMPUS_TZ = 'Asia/Shanghai';

export function campusTime(ms: number) {
  return dayjs(ms).tz(CAMPUS_TZ);
}

/** "2026-11-22 16:30" in campus time. */
export function formatCampusDateTime(ms: number): string {
  return campusTime(ms).format('YYYY-MM-DD HH:mm');
}
