import fc from 'fast-check';
import type { Weekday } from './model';
import { addDays, dateOf, dayNumber, weekdayOf, weekOf } from './term';

describe('term dates', () => {
  it('counts weeks from the term start', () => {
    expect(weekOf('2026-09-07', '2026-09-07')).toBe(1);
    expect(weekOf('2026-09-07', '2026-09-13')).toBe(1);
    expect(weekOf('2026-09-07', '2026-09-14')).toBe(2);
    expect(weekOf('2026-09-07', '2026-12-27')).toBe(16);
    expect(weekOf('2026-09-07', '2026-09-06')).toBe(0);
    expect(weekOf('2026-09-07', '2026-08-30')).toBe(-1);
  });

  it('finds the date of a weekday in a week', () => {
    expect(dateOf('2026-09-07', 1, 1)).toBe('2026-09-07');
    expect(dateOf('2026-09-07', 1, 7)).toBe('2026-09-13');
    expect(dateOf('2026-09-07', 5, 3)).toBe('2026-10-07');
    expect(dateOf('2026-02-23', 2, 7)).toBe('2026-03-08');
    // across a year end and a leap day
    expect(dateOf('2027-12-27', 2, 1)).toBe('2028-01-03');
    expect(dateOf('2028-02-21', 2, 2)).toBe('2028-02-29');
    // a term that starts on a Wednesday: week 1 runs Wednesday to Tuesday
    expect(dateOf('2026-09-09', 1, 3)).toBe('2026-09-09');
    expect(dateOf('2026-09-09', 1, 2)).toBe('2026-09-15');
  });

  it('knows weekdays', () => {
    expect(weekdayOf('2026-09-07')).toBe(1);
    expect(weekdayOf('2026-09-13')).toBe(7);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-29')).toBe(1);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('refuses what is not a date', () => {
    expect(() => dayNumber('2026-02-30')).toThrow('not a date');
    expect(() => dayNumber('2026-9-7')).toThrow('not a date');
  });

  it('dateOf and weekOf/weekdayOf are inverses, whatever the start weekday', () => {
    const start = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2060-12-31') }).map((n) => addDays('1970-01-01', n));
    fc.assert(
      fc.property(start, fc.integer({ min: -5, max: 40 }), fc.integer({ min: 1, max: 7 }), (termStart, week, day) => {
        const date = dateOf(termStart, week, day as Weekday);
        expect(weekOf(termStart, date)).toBe(week);
        expect(weekdayOf(date)).toBe(day);
      }),
    );
  });
});
