import * as contract from '@core/contracts/timetable';
import {
  CONSENT_PURPOSE,
  CONSENT_VERSION,
  formatWeeks,
  isDate,
  MAX_COURSES,
  MAX_IMPORT_CHARS,
  MAX_TERM_WEEKS,
  mondayOf,
  slotText,
  termWeeksFor,
  weekdayOf,
  weekShortcut,
} from './shared';

describe('the copies of the contract’s constants', () => {
  it('are the contract’s', () => {
    expect({ CONSENT_PURPOSE, CONSENT_VERSION, MAX_COURSES, MAX_IMPORT_CHARS, MAX_TERM_WEEKS }).toEqual({
      CONSENT_PURPOSE: contract.CONSENT_PURPOSE,
      CONSENT_VERSION: contract.CONSENT_VERSION,
      MAX_COURSES: contract.MAX_COURSES,
      MAX_IMPORT_CHARS: contract.MAX_IMPORT_CHARS,
      MAX_TERM_WEEKS: contract.MAX_TERM_WEEKS,
    });
  });
});

describe('weeks as a timetable prints them', () => {
  it.each([
    [[], '未选周'],
    [[7], '第7周'],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], '1-16周'],
    [[1, 3, 5, 7, 9, 11, 13, 15], '1-15周(单)'],
    [[2, 4, 6, 8], '2-8周(双)'],
    [[4, 5, 6, 8, 9, 10, 11, 12, 13], '4-6,8-13周'],
    [[3, 1, 2, 2], '1-3周'],
    [[1, 5], '1,5周'],
    [[1, 3], '1-3周(单)'],
  ])('%j → %s', (weeks, text) => {
    expect(formatWeeks(weeks)).toBe(text);
  });
});

describe('dates', () => {
  it('knows the weekday and the Monday of a date', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-03-01')).toBe('2026-02-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });
  it('refuses a date that does not exist', () => {
    expect(isDate('2026-02-30')).toBe(false);
    expect(isDate('2026-2-3')).toBe(false);
    expect(isDate('2026-02-28')).toBe(true);
  });
});

describe('small helpers', () => {
  it('names a class’s slot', () => {
    expect(slotText({ day: 1, startNode: 1, endNode: 2 })).toBe('周一 第1-2节');
    expect(slotText({ day: 7, startNode: 3, endNode: 3, startTime: '10:20', endTime: '11:05' })).toBe('周日 第3节 10:20-11:05');
  });
  it('offers all, odd and even weeks of the term', () => {
    expect(weekShortcut('odd', 5)).toEqual([1, 3, 5]);
    expect(weekShortcut('even', 5)).toEqual([2, 4]);
    expect(weekShortcut('all', 3)).toEqual([1, 2, 3]);
  });
  it('sizes the term by its last week, else the default', () => {
    expect(termWeeksFor([{ weeks: [1, 18] }, { weeks: [2] }])).toBe(18);
    expect(termWeeksFor([])).toBe(20);
  });
});
