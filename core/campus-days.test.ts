import { campusDay, campusDayStart, lastCampusDays } from './campus-days';

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
