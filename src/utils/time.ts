// The app's one time formatter. Every date a student or merchant reads is campus time
// (Asia/Shanghai), whatever time zone the phone is set to, so a pickup at 12:00 reads 12:00 for
// a student abroad too. Built on core/time (dayjs with the timezone plugin).
import { campusTime } from '@core/time';

/** 2026-11-22 */
export function formatDate(ms: number): string {
  return campusTime(ms).format('YYYY-MM-DD');
}

/** 2026-11-22 16:30 */
export function formatDateTime(ms: number): string {
  return campusTime(ms).format('YYYY-MM-DD HH:mm');
}

/** 16:30 */
export function formatTime(ms: number): string {
  return campusTime(ms).format('HH:mm');
}

/** 11-22 16:30: for lists where the year is obvious. */
export function formatShortDateTime(ms: number): string {
  return campusTime(ms).format('MM-DD HH:mm');
}

/** 刚刚 / 5 分钟前 / 3 小时前 / 昨天 16:30 / 11-20 16:30 / 2025-11-20 (another year); future times read 16:30 or 11-24 16:30. */
export function relative(ms: number, now: number = Date.now()): string {
  const diff = now - ms;
  const t = campusTime(ms);
  const today = campusTime(now).startOf('day');
  if (diff >= 0 && diff < 60_000) return '刚刚';
  if (diff >= 0 && diff < 3_600_000) return `${Math.floor(diff / 60_000)} 分钟前`;
  if (diff >= 0 && t.valueOf() >= today.valueOf()) return `${Math.floor(diff / 3_600_000)} 小时前`;
  if (diff >= 0 && t.valueOf() >= today.subtract(1, 'day').valueOf()) return `昨天 ${t.format('HH:mm')}`;
  if (diff < 0 && t.valueOf() < today.add(1, 'day').valueOf()) return `今天 ${t.format('HH:mm')}`;
  if (t.year() !== campusTime(now).year()) return t.format('YYYY-MM-DD');
  return t.format('MM-DD HH:mm');
}
