import { formatDate, formatDateTime, formatTime, relative } from './time';

// 2026-11-22 16:30 in Shanghai is 08:30 UTC.
const at = Date.UTC(2026, 10, 22, 8, 30);

describe('campus time formatting', () => {
  it('formats in Asia/Shanghai whatever the process time zone', () => {
    expect(formatDateTime(at)).toBe('2026-11-22 16:30');
    expect(formatDate(at)).toBe('2026-11-22');
    expect(formatTime(at)).toBe('16:30');
    // 23:30 UTC is already the next day on campus.
    expect(formatDate(Date.UTC(2026, 10, 22, 23, 30))).toBe('2026-11-23');
  });

  it('says how long ago in campus days', () => {
    expect(relative(at - 20_000, at)).toBe('刚刚');
    expect(relative(at - 5 * 60_000, at)).toBe('5 分钟前');
    expect(relative(at - 3 * 3_600_000, at)).toBe('3 小时前');
    expect(relative(Date.UTC(2026, 10, 21, 12, 0), at)).toBe('昨天 20:00');
    expect(relative(Date.UTC(2026, 10, 19, 12, 0), at)).toBe('11-19 20:00');
    expect(relative(Date.UTC(2025, 10, 19, 12, 0), at)).toBe('2025-11-19');
    expect(relative(at + 3_600_000, at)).toBe('今天 17:30');
  });
});
