import { campusTime, formatCampusDateTime } from './time';

it('campus time is UTC+8 whatever the machine', () => {
  const ms = Date.parse('2026-11-22T16:30:00Z');
  expect(formatCampusDateTime(ms)).toBe('2026-11-23 00:30');
  expect(campusTime(ms).hour()).toBe(0);
});
