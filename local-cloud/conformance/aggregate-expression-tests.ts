// Documented aggregation expression operators, continued: comparison, boolean, date and object
// operators, expressions in where() through _.expr, and the SDK's multi-argument call forms
// (it keeps only the first argument, which the server refuses). Test names cite their page.
import { evaluator } from './aggregate-operator-tests';
import { type DocumentedCases, failure } from './documented';

const when = new Date('2026-03-04T05:06:07.089Z'); // a Wednesday, day 63 of the year
const subject = { _id: 'x', a: 2, b: 3, s: 'abc', d: when, nil: null, o: { x: 1, y: 2 }, pairs: [{ k: 'p', v: 1 }] };

export const comparisonExpressionCases: DocumentedCases = (fx) => {
  const run = evaluator(fx, subject);
  const $ = () => fx().$;

  it('wx:command/aggregate/AggregateCommand.eq — eq, neq, gt, gte, lt, lte compare two expressions', async () => {
    const out = await run({
      eq: $().eq(['$a', 2]),
      ne: $().neq(['$a', 2]),
      gt: $().gt(['$b', '$a']),
      gte: $().gte(['$a', 2]),
      lt: $().lt(['$b', '$a']),
      lte: $().lte(['$a', 1]),
    });
    expect(out).toEqual({ eq: true, ne: false, gt: true, gte: true, lt: false, lte: false });
  });
  it('wx:command/aggregate/AggregateCommand.cmp — cmp gives -1, 0 or 1', async () => {
    expect(await run({ lt: $().cmp(['$a', '$b']), eq: $().cmp(['$a', 2]), gt: $().cmp(['$b', 2]) })).toEqual({ lt: -1, eq: 0, gt: 1 });
  });
  it('mdb:bson-type-comparison-order — expressions compare values of different types by type order', async () => {
    const out = await run({ strNum: $().gt(['$s', 5]), nullNum: $().lt(['$nil', 0]), objStr: $().gt(['$o', '$s']), dateBool: $().gt(['$d', true]) });
    expect(out).toEqual({ strNum: true, nullNum: true, objStr: true, dateBool: true });
  });
  it('wx:command/aggregate/AggregateCommand.and — and, or, not treat null, 0 and missing as false', async () => {
    const out = await run({
      and: $().and(['$a', true]),
      and0: $().and(['$a', 0]),
      or: $().or(['$nil', '$missing', false]),
      not: $().not(['$nil']),
      notArr: $().not([[false]]),
    });
    expect(out).toEqual({ and: true, and0: false, or: false, not: true, notArr: false });
  });
  it('wx:command/Command.expr — expr() uses aggregation expressions in where(), comparing two fields', async () => {
    const f = fx();
    await f.seed('doc_q', [
      { _id: 'a', spent: 5, budget: 10 },
      { _id: 'b', spent: 12, budget: 10 },
    ]);
    const expr = (f._ as unknown as { expr(e: unknown): object }).expr(f.$.gt(['$spent', '$budget']));
    expect(await f.ids('doc_q', expr)).toEqual(['b']);
  });
};

export const dateExpressionCases: DocumentedCases = (fx) => {
  const run = evaluator(fx, subject);
  const $ = () => fx().$;

  it('wx:command/aggregate/AggregateCommand.year — year, month, dayOfMonth, hour, minute, second, millisecond (UTC)', async () => {
    const out = await run({
      y: $().year('$d'),
      mo: $().month('$d'),
      day: $().dayOfMonth('$d'),
      h: $().hour('$d'),
      mi: $().minute('$d'),
      s: $().second('$d'),
      ms: $().millisecond('$d'),
    });
    expect(out).toEqual({ y: 2026, mo: 3, day: 4, h: 5, mi: 6, s: 7, ms: 89 });
  });
  it('wx:command/aggregate/AggregateCommand.dayOfWeek — Sunday is 1; isoDayOfWeek counts Monday as 1; dayOfYear', async () => {
    expect(await run({ w: $().dayOfWeek('$d'), iso: $().isoDayOfWeek('$d'), doy: $().dayOfYear('$d') })).toEqual({ w: 4, iso: 3, doy: 63 });
  });
  it('mdb:operator/aggregation/hour — a timezone moves the date parts', async () => {
    expect(await run({ h: $().hour({ date: '$d', timezone: 'Asia/Shanghai' }) })).toEqual({ h: 13 });
  });
  it('wx:command/aggregate/AggregateCommand.dateToString — formats a date, in UTC or in a timezone', async () => {
    const out = await run({
      utc: $().dateToString({ date: '$d', format: '%Y-%m-%d %H:%M:%S' }),
      sh: $().dateToString({ date: '$d', format: '%Y-%m-%dT%H:%M:%S.%L', timezone: 'Asia/Shanghai' }),
    });
    expect(out).toEqual({ utc: '2026-03-04 05:06:07', sh: '2026-03-04T13:06:07.089' });
  });
  it('mdb:operator/aggregation/year — a null or missing date gives null', async () => {
    expect(await run({ n: $().year('$nil'), m: $().month('$missing') })).toEqual({ n: null, m: null });
  });
};

export const objectExpressionCases: DocumentedCases = (fx) => {
  const run = evaluator(fx, subject);
  const $ = () => fx().$;

  it('wx:command/aggregate/AggregateCommand.literal — literal keeps a value that looks like a field path', async () => {
    expect(await run({ v: $().literal('$a') })).toEqual({ v: '$a' });
  });
  it('wx:command/aggregate/AggregateCommand.mergeObjects — later documents override earlier fields', async () => {
    expect(await run({ v: $().mergeObjects(['$o', { y: 9, z: 3 }]) })).toEqual({ v: { x: 1, y: 9, z: 3 } });
  });
  it('wx:command/aggregate/AggregateCommand.objectToArray — objectToArray and arrayToObject', async () => {
    const out = await run({ arr: $().objectToArray('$o'), obj: $().arrayToObject('$pairs') });
    expect(out).toEqual({
      arr: [
        { k: 'x', v: 1 },
        { k: 'y', v: 2 },
      ],
      obj: { p: 1 },
    });
  });
};

export const sdkArgumentCases: DocumentedCases = (fx) => {
  const run = evaluator(fx, subject);
  const $ = () => fx().$;

  it('sdk: $.cond(a, b, c) keeps only its first argument ({ $cond: a }), which the server refuses', async () => {
    expect(await failure(run({ v: $().cond($().gt(['$a', 1]), 'yes', 'no') }))).toMatch(/cond/i);
  });
  it('sdk: $.multiply("$a", 2) keeps only "$a" ({ $multiply: "$a" }), which fails here as in WeChat', async () => {
    expect(await failure(run({ v: $().multiply('$a', 2) }))).toMatch(/multiply/i);
  });
  it('sdk: $.add(1, 2) sends { $add: 1 } and fails the same way', async () => {
    expect(await failure(run({ v: $().add(1, 2) }))).toMatch(/add/i);
  });
};
