import fc from 'fast-check';
import { formatWeeks, parseWeeks } from './weeks';

const weeksOf = (text: string, maxWeek?: number) => {
  const r = parseWeeks(text, maxWeek);
  if ('error' in r) throw new Error(r.error);
  return r.weeks;
};

describe('parseWeeks', () => {
  it.each([
    ['1-16', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]],
    ['1-15单', [1, 3, 5, 7, 9, 11, 13, 15]],
    ['2-16双', [2, 4, 6, 8, 10, 12, 14, 16]],
    ['1-5、7-11单、12-16双', [1, 2, 3, 4, 5, 7, 9, 11, 12, 14, 16]],
    ['3', [3]],
    ['1,3,5', [1, 3, 5]],
    ['4-6周,8-13周', [4, 5, 6, 8, 9, 10, 11, 12, 13]],
    ['1-16周(单)', [1, 3, 5, 7, 9, 11, 13, 15]],
    ['1-8周（双）', [2, 4, 6, 8]],
    ['第1-6周', [1, 2, 3, 4, 5, 6]],
    ['第1-7单周', [1, 3, 5, 7]],
    ['1-3，5 7;9', [1, 2, 3, 5, 7, 9]],
    ['1月6日', [1, 2, 3, 4, 5, 6]],
    ['1月5日、7月11日单', [1, 2, 3, 4, 5, 7, 9, 11]],
    ['2周5周8周', [2, 5, 8]],
    ['１－４', [1, 2, 3, 4]],
    ['1~4 单', [1, 3]],
    ['5,3,3,1-2', [1, 2, 3, 5]],
    [' 10 ', [10]],
  ])('reads %s', (text, weeks) => {
    expect(weeksOf(text)).toEqual(weeks);
  });

  it.each([
    ['', '周数是空的'],
    ['x', '周数“x”看不懂'],
    ['1-', '周数“1-”看不懂'],
    ['1-16周三', '周数“1-16周三”看不懂'],
    ['0', '周数“0”超出了 1-30 周'],
    ['1-31', '周数“1-31”超出了 1-30 周'],
    ['8-3', '周数“8-3”里的“8-3”开始周大于结束周'],
    ['2单', '周数“2单”里的“2单”没有单周'],
  ])('refuses %j', (text, error) => {
    expect(parseWeeks(text)).toEqual({ error });
  });

  it('honours maxWeek', () => {
    expect(parseWeeks('1-20', 18)).toEqual({ error: '周数“1-20”超出了 1-18 周' });
    expect(weeksOf('17-18', 18)).toEqual([17, 18]);
  });

  it('never throws, and what it reads is ascending, unique and within range', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789-、,，单双周第()月日 x'.split('')), maxLength: 20 }), (text) => {
        const r = parseWeeks(text);
        if ('weeks' in r) {
          expect(r.weeks.length).toBeGreaterThan(0);
          for (let i = 0; i < r.weeks.length; i++) {
            expect(Number.isInteger(r.weeks[i])).toBe(true);
            expect(r.weeks[i]).toBeGreaterThanOrEqual(1);
            expect(r.weeks[i]).toBeLessThanOrEqual(30);
            if (i > 0) expect(r.weeks[i]).toBeGreaterThan(r.weeks[i - 1]);
          }
        } else {
          expect(r.error).toContain('周');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatWeeks', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], '1-16'],
    [[1, 3, 5, 7, 9, 11, 13, 15], '1-15单'],
    [[2, 4, 6, 8, 10, 12, 14, 16], '2-16双'],
    [[1, 2, 3, 4, 5, 7, 9, 11], '1-5、7-11单'],
    [[1, 2, 3, 4, 5, 7, 9, 11, 12, 14, 16], '1-5、7-11单、12-16双'],
    [[4, 5, 6, 8, 9, 10, 11, 12, 13], '4-6、8-13'],
    [[3], '3'],
    [[3, 9], '3、9'],
    [[9, 3, 3], '3、9'],
    [[], ''],
  ])('writes %j as %s', (weeks, text) => {
    expect(formatWeeks(weeks)).toBe(text);
  });

  it('parseWeeks reads back exactly the set it was given', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 30 }), (weeks) => {
        const text = formatWeeks(weeks);
        expect(weeksOf(text)).toEqual([...weeks].sort((a, b) => a - b));
      }),
      { numRuns: 1000 },
    );
  });

  it('is a fixed point: formatting what it read gives the same text', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 30 }), (weeks) => {
        const text = formatWeeks(weeks);
        expect(formatWeeks(weeksOf(text))).toBe(text);
      }),
    );
  });
});
