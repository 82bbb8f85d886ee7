// Campus time without a date library, for the app's main package: Asia/Shanghai is UTC+8 all
// year (no daylight saving), so the offset is exact.
const OFFSET_MS = 8 * 3600_000;

export function campusHour(ms: number): number {
  return new Date(ms + OFFSET_MS).getUTCHours();
}

export function greetingAt(ms: number): string {
  const hour = campusHour(ms);
  if (hour < 5) return '夜深了';
  if (hour < 11) return '早上好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}
