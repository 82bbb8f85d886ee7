import { campusHour, greetingAt } from './campus-clock';
import { campusTime } from './time';

it('agrees with dayjs in Asia/Shanghai, whatever the machine zone', () => {
  for (const iso of ['2026-11-22T16:30:00Z', '2026-06-01T03:00:00Z', '2026-03-29T01:59:00Z']) {
    const ms = Date.parse(iso);
    expect(campusHour(ms)).toBe(campusTime(ms).hour());
  }
  expect(greetingAt(Date.parse('2026-11-22T00:30:00Z'))).toBe('早上好'); // 08:30 on campus
  expect(greetingAt(Date.parse('2026-11-22T11:00:00Z'))).toBe('晚上好'); // 19:00 on campus
});
