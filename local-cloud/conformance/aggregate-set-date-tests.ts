// Documented aggregation operators, continued: code-point string operators (where UTF-16
// JavaScript differs from the server), accumulators used as expressions over arrays, set
// operators, array helpers, and dates built from parts or strings. Test names cite their page.
import { evaluator } from './aggregate-operator-tests';
import type { DocumentedCases } from './documented';

const when = new Date('2026-03-04T05:06:07.089Z'); // a Wednesday, day 63 of the year
const subject = {
  _id: 'x',
  vals: [2, 4, 4, 4, 5, 5, 7, 9],
  e: '😀ab',
  zh: '中文',
  arr: [10, 20, 30],
  other: [30, 40],
  flags: [true, 1, 'x'],
  mixed: [true, 0],
  d: when,
};

export const codePointCases: DocumentedCases = (fx) => {
  const run = evaluator(fx, subject);
  const $ = () => fx().$;

  it('wx:command/aggregate/AggregateCommand.substrCP — substrCP counts code points: an emoji is one', async () => {
    expect(await run({ v: $().substrCP(['$e', 0, 1]), w: $().substrCP(['$e', 1, 2]) })).toEqual({ v: '😀', w: 'ab' });
  });
  it('wx:command/aggregate/AggregateCommand.substrBytes — substrBytes counts UTF-8 bytes: a Chinese character is three', async () => {
    expect(await run({ v: $().substrBytes(['$zh', 3, 3]) })).toEqual({ v: '文' });
  });
  it('wx:command/aggregate/AggregateCommand.indexOfCP — indexOfCP gives a code point index; -1 when absent', async () => {
    expect(await run({ v: $().indexOfCP(['$e', 'b']), n: $().indexOfCP(['$e', 'z']) })).toEqual({ v: 2, n: -1 });
  });
  it('wx:command/aggregate/AggregateCommand.indexOfBytes — indexOfBytes gives a UTF-8 byte index', async () => {
    expect(await run({ v: $().indexOfBytes(['$zh', '文']) })).toEqual({ v: 3 });
  });
};

export const arrayExpressionCases: DocumentedCases = (fx) => {
  const run = evaluator(fx, subject);
  const $ = () => fx().$;

  it('mdb:operator/aggregation/sum — in a projection, sum, avg, max and min of one array operand work over its elements', async () => {
    const out = await run({ s: $().sum('$arr'), a: $().avg('$arr'), max: $().max('$arr'), min: $().min('$arr') });
    expect(out).toEqual({ s: 60, a: 20, max: 30, min: 10 });
  });
  it('wx:command/aggregate/AggregateCommand.stdDevPop — population and sample standard deviation of an array', async () => {
    const out = await run({ pop: $().stdDevPop('$vals'), samp: $().stdDevSamp('$vals') });
    expect(out.pop).toBe(2);
    expect(out.samp as number).toBeCloseTo(Math.sqrt(32 / 7), 10);
  });
  it('wx:command/aggregate/AggregateCommand.let — let binds variables for the in expression', async () => {
    expect(await run({ v: $().let({ vars: { total: $().sum('$arr') }, in: $().multiply(['$$total', 2]) }) })).toEqual({ v: 120 });
  });
  it('wx:command/aggregate/AggregateCommand.setUnion — setUnion, setIntersection, setDifference', async () => {
    const out = await run({
      u: $().setUnion(['$arr', '$other']),
      i: $().setIntersection(['$arr', '$other']),
      d: $().setDifference(['$arr', '$other']),
    });
    expect((out.u as number[]).slice().sort((a, b) => a - b)).toEqual([10, 20, 30, 40]);
    expect(out.i).toEqual([30]);
    expect((out.d as number[]).slice().sort((a, b) => a - b)).toEqual([10, 20]);
  });
  it('wx:command/aggregate/AggregateCommand.setEquals — setEquals ignores order and repeats; setIsSubset', async () => {
    const out = await run({
      eq: $().setEquals([
        [1, 2, 2],
        [2, 1],
      ]),
      sub: $().setIsSubset([[30], '$arr']),
      not: $().setIsSubset(['$other', '$arr']),
    });
    expect(out).toEqual({ eq: true, sub: true, not: false });
  });
  it('wx:command/aggregate/AggregateCommand.allElementsTrue — allElementsTrue and anyElementTrue use aggregation truthiness', async () => {
    const out = await run({ all: $().allElementsTrue(['$flags']), allMixed: $().allElementsTrue(['$mixed']), any: $().anyElementTrue(['$mixed']) });
    expect(out).toEqual({ all: true, allMixed: false, any: true });
  });
  it('wx:command/aggregate/AggregateCommand.indexOfArray — indexOfArray finds an element; range builds a sequence', async () => {
    expect(await run({ i: $().indexOfArray(['$arr', 20]), r: $().range([0, 10, 4]) })).toEqual({ i: 1, r: [0, 4, 8] });
  });
  it('wx:command/aggregate/AggregateCommand.zip — zip pairs the elements of arrays', async () => {
    expect(await run({ v: $().zip({ inputs: ['$arr', '$other'] }) })).toEqual({
      v: [
        [10, 30],
        [20, 40],
      ],
    });
  });
};

export const dateBuildCases: DocumentedCases = (fx) => {
  const run = evaluator(fx, subject);
  const $ = () => fx().$;

  it('wx:command/aggregate/AggregateCommand.dateFromParts — builds a UTC date; a timezone shifts it', async () => {
    const out = await run({
      utc: $().dateFromParts({ year: 2026, month: 3, day: 4, hour: 5 }),
      sh: $().dateFromParts({ year: 2026, month: 3, day: 4, hour: 13, timezone: 'Asia/Shanghai' }),
    });
    expect(out).toEqual({ utc: new Date('2026-03-04T05:00:00Z'), sh: new Date('2026-03-04T05:00:00Z') });
  });
  it('wx:command/aggregate/AggregateCommand.dateFromString — parses an ISO date string', async () => {
    expect(await run({ v: $().dateFromString({ dateString: '2026-03-04T05:06:07.089Z' }) })).toEqual({ v: when });
  });
  it('mdb:operator/aggregation/dateToString — without a format it prints %Y-%m-%dT%H:%M:%S.%LZ', async () => {
    expect(await run({ v: $().dateToString({ date: '$d' }) })).toEqual({ v: '2026-03-04T05:06:07.089Z' });
  });
  it('wx:command/aggregate/AggregateCommand.week — week counts from the first Sunday; isoWeek is the ISO 8601 week', async () => {
    expect(await run({ w: $().week('$d'), iso: $().isoWeek('$d'), isoYear: $().isoWeekYear('$d') })).toEqual({ w: 9, iso: 10, isoYear: 2026 });
  });
};
