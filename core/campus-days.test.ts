import { DAY_MS } from './attribution';
import { campusDay, campusDayStart, campusMonth, campusMonthDayTime, campusMonthStart, lastCampusDays } from './campus-days';
import { campusTime } from './time';

it('a campus day runs from 16:00 UTC to 16:00 UTC the next day', () => {
  expect(campusDay(Date.parse('2026-11-22T15:59:59.999Z'))).toBe('2026-11-22');
  expect(campusDay(Date.parse('2026-11-22T16:00:00.000Z'))).toBe('2026-11-23');
  expect(campusDayStart('2026-11-23')).toBe(Date.parse('2026-11-22T16:00:00.000Z'));
});

it('the last N days end with today, across a month end', () => {
  const now = Date.parse('2026-12-01T01:00:00Z'); // 09:00 on 1 December, campus time
  expect(lastCampusDays(now, 3)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  expect(lastCampusDays(now, 1)).toEqual(['2026-12-01']);
  expect(lastCampusDays(now, 90)).toHaveLength(90);
});

it('the campus day turns at 16:00 UTC, also across a month and a year end', () => {
  // 2026-11-30T16:00Z is 2026-12-01 00:00 on campus; a millisecond before is still 30 November.
  expect(campusDay(Date.parse('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30');
  expect(campusDay(Date.parse('2026-11-30T16:00:00.000Z'))).toBe('2026-12-01');
  // 2026-12-31T16:00Z is 2027-01-01 00:00 on campus.
  expect(campusDay(Date.parse('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
  expect(campusDay(Date.parse('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  // Early on campus is still the previous UTC day: 2026-03-01 07:59 on campus is 02-28T23:59Z.
  expect(campusDay(Date.parse('2026-02-28T23:59:00.000Z'))).toBe('2026-03-01');
  expect(campusDayStart('2026-12-01')).toBe(Date.parse('2026-11-30T16:00:00.000Z'));
  expect(campusDayStart('2027-01-01')).toBe(Date.parse('2026-12-31T16:00:00.000Z'));
});

it('the campus month turns at 16:00 UTC on the last day of the UTC month before', () => {
  expect(campusMonth(Date.parse('2026-11-30T15:59:59.999Z'))).toBe('2026-11');
  expect(campusMonth(Date.parse('2026-11-30T16:00:00.000Z'))).toBe('2026-12');
  expect(campusMonth(Date.parse('2026-12-31T15:59:59.999Z'))).toBe('2026-12');
  expect(campusMonth(Date.parse('2026-12-31T16:00:00.000Z'))).toBe('2027-01');
  // 28 February 2026 (not a leap year) ends at 2026-02-28T16:00Z; 2028 is a leap year.
  expect(campusMonth(Date.parse('2026-02-28T16:00:00.000Z'))).toBe('2026-03');
  expect(campusMonth(Date.parse('2028-02-28T16:00:00.000Z'))).toBe('2028-02');
  expect(campusMonth(Date.parse('2028-02-29T16:00:00.000Z'))).toBe('2028-03');
});

it('a campus month starts at 16:00 UTC on the day before its 1st', () => {
  expect(campusMonthStart('2026-12')).toBe(Date.parse('2026-11-30T16:00:00.000Z'));
  expect(campusMonthStart('2027-01')).toBe(Date.parse('2026-12-31T16:00:00.000Z'));
  expect(campusMonthStart('2028-03')).toBe(Date.parse('2028-02-29T16:00:00.000Z'));
  const start = campusMonthStart('2026-12');
  expect(campusMonth(start)).toBe('2026-12');
  expect(campusMonth(start - 1)).toBe('2026-11');
});

it('agrees with dayjs in Asia/Shanghai, which the functions used before', () => {
  const same = (ms: number) => {
    const t = campusTime(ms);
    expect(campusDay(ms)).toBe(t.format('YYYY-MM-DD'));
    expect(campusMonth(ms)).toBe(t.format('YYYY-MM'));
    expect(campusDayStart(campusDay(ms))).toBe(t.startOf('day').valueOf());
    expect(campusMonthStart(campusMonth(ms))).toBe(t.startOf('month').valueOf());
  };
  // Every 17h 13m over two years: all hours of the day, in every month.
  const from = Date.parse('2026-01-01T00:00:00Z');
  for (let ms = from; ms < from + 2 * 366 * DAY_MS; ms += 17 * 3600_000 + 13 * 60_000) same(ms);
  // Each month end over those years from both sides, with dayjs saying where the month starts.
  for (let m = campusTime(from).startOf('month'); m.valueOf() < from + 2 * 366 * DAY_MS; m = m.add(1, 'month')) {
    same(m.valueOf() - 1);
    same(m.valueOf());
  }
});

test('a message time is campus time whatever the machine', () => {
  // 2026-11-24 02:00 UTC is 10:00 on the 24th in Shanghai; 16:30 UTC is 00:30 on the next day.
  expect(campusMonthDayTime(Date.UTC(2026, 10, 24, 2, 0))).toBe('11月24日 10:00');
  expect(campusMonthDayTime(Date.UTC(2026, 10, 24, 16, 30))).toBe('11月25日 00:30');
});
