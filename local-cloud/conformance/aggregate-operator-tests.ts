// Documented aggregation expression operators, each evaluated in a $project over one document:
// arithmetic, string, array, conditional, comparison, boolean, date and object operators, with
// MongoDB's null / missing / error rules, and the SDK's multi-argument forms that the server
// refuses. Test names cite their page (see documented.ts).
import { type DocumentedCases, type Expr, type Fixture, failure } from './documented';

const A = 'doc_a';
const when = new Date('2026-03-04T05:06:07.089Z'); // a Wednesday, day 63 of the year
const doc = {
  _id: 'x',
  a: 2,
  b: 3,
  neg: -5,
  f: 2.1,
  s: 'Hello',
  first: 'Ada',
  last: 'Lovelace',
  arr: [10, 20, 30],
  d: when,
  nil: null,
  o: { x: 1, y: 2 },
  emoji: '😀a',
  zh: '中',
};

/** Evaluates named expressions against `doc`; a field whose expression yields nothing is absent. */
export function evaluator(fx: () => Fixture, subject: object = doc) {
  return async (exprs: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const f = fx();
    await f.seed(A, [subject]);
    const { list } = await f
      .pipeline(A)
      .project({ _id: 0, ...exprs })
      .end();
    return list[0];
  };
}

export const arithmeticCases: DocumentedCases = (fx) => {
  const run = evaluator(fx);
  const $ = () => fx().$;

  it('wx:command/aggregate/AggregateCommand.add — adds numbers', async () => {
    expect(await run({ v: $().add(['$a', '$b', 5]) })).toEqual({ v: 10 });
  });
  it('mdb:operator/aggregation/add — a date plus numbers is a date that many milliseconds later', async () => {
    expect(await run({ v: $().add(['$d', 86_400_000]) })).toEqual({ v: new Date('2026-03-05T05:06:07.089Z') });
  });
  it('mdb:operator/aggregation/add — null or a missing field makes the sum null', async () => {
    expect(await run({ n: $().add(['$a', '$nil']), m: $().add(['$a', '$missing']) })).toEqual({ n: null, m: null });
  });
  it('mdb:operator/aggregation/add — a string argument fails', async () => {
    expect(await failure(run({ v: $().add(['$s', 1]) }))).toBeTruthy();
  });
  it('wx:command/aggregate/AggregateCommand.subtract — numbers, date minus date (milliseconds), date minus milliseconds (date)', async () => {
    const later = new Date(when.getTime() + 5000);
    expect(await run({ n: $().subtract(['$a', '$b']), ms: $().subtract([later, '$d']), d: $().subtract(['$d', 1000]) })).toEqual({
      n: -1,
      ms: 5000,
      d: new Date(when.getTime() - 1000),
    });
  });
  it('mdb:operator/aggregation/subtract — null or a missing field gives null', async () => {
    expect(await run({ n: $().subtract(['$a', '$nil']), m: $().subtract(['$missing', 1]) })).toEqual({ n: null, m: null });
  });
  it('wx:command/aggregate/AggregateCommand.multiply — multiplies; null or missing gives null', async () => {
    expect(await run({ v: $().multiply(['$a', '$b', 2]), m: $().multiply(['$a', '$missing']) })).toEqual({ v: 12, m: null });
  });
  it('wx:command/aggregate/AggregateCommand.divide — divides', async () => {
    expect(await run({ v: $().divide(['$b', '$a']) })).toEqual({ v: 1.5 });
  });
  it('mdb:operator/aggregation/divide — dividing by zero fails', async () => {
    expect(await failure(run({ v: $().divide(['$a', 0]) }))).toBeTruthy();
  });
  it('mdb:operator/aggregation/divide — null or a missing field gives null', async () => {
    expect(await run({ n: $().divide(['$nil', 2]), m: $().divide(['$a', '$missing']) })).toEqual({ n: null, m: null });
  });
  it('wx:command/aggregate/AggregateCommand.mod — remainder; a negative dividend keeps its sign', async () => {
    expect(await run({ v: $().mod(['$b', '$a']), n: $().mod(['$neg', 3]) })).toEqual({ v: 1, n: -2 });
  });
  it('mdb:operator/aggregation/mod — mod by zero fails', async () => {
    expect(await failure(run({ v: $().mod(['$a', 0]) }))).toBeTruthy();
  });
  it('wx:command/aggregate/AggregateCommand.abs — absolute value; null or missing gives null', async () => {
    expect(await run({ v: $().abs('$neg'), n: $().abs('$nil'), m: $().abs('$missing') })).toEqual({ v: 5, n: null, m: null });
  });
  it('wx:command/aggregate/AggregateCommand.ceil — ceil and floor round up and down; null gives null', async () => {
    expect(await run({ c: $().ceil('$f'), fl: $().floor($().multiply(['$f', -1])), n: $().ceil('$nil') })).toEqual({ c: 3, fl: -3, n: null });
  });
  it('wx:command/aggregate/AggregateCommand.trunc — truncates toward zero', async () => {
    expect(await run({ p: $().trunc(2.7), n: $().trunc(-2.7) })).toEqual({ p: 2, n: -2 });
  });
  it('wx:command/aggregate/AggregateCommand.pow — pow and sqrt', async () => {
    expect(await run({ p: $().pow(['$a', 10]), r: $().sqrt(16) })).toEqual({ p: 1024, r: 4 });
  });
};

export const stringCases: DocumentedCases = (fx) => {
  const run = evaluator(fx);
  const $ = () => fx().$;

  it('wx:command/aggregate/AggregateCommand.concat — joins strings', async () => {
    expect(await run({ v: $().concat(['$first', ' ', '$last']) })).toEqual({ v: 'Ada Lovelace' });
  });
  it('mdb:operator/aggregation/concat — null or a missing field makes the result null', async () => {
    expect(await run({ n: $().concat(['$first', '$nil']), m: $().concat(['$first', '$missing']) })).toEqual({ n: null, m: null });
  });
  it('mdb:operator/aggregation/concat — a non-string argument fails', async () => {
    expect(await failure(run({ v: $().concat(['$first', '$a']) }))).toBeTruthy();
  });
  it('wx:command/aggregate/AggregateCommand.substr — substr([string, start, length])', async () => {
    expect(await run({ v: $().substr(['$s', 1, 3]) })).toEqual({ v: 'ell' });
  });
  it('wx:command/aggregate/AggregateCommand.toLower — toLower and toUpper; null becomes "" (mdb:operator/aggregation/toLower)', async () => {
    expect(await run({ l: $().toLower('$s'), u: $().toUpper('$s'), n: $().toLower('$nil') })).toEqual({ l: 'hello', u: 'HELLO', n: '' });
  });
  it('wx:command/aggregate/AggregateCommand.strLenCP — strLenCP counts code points, strLenBytes UTF-8 bytes', async () => {
    expect(await run({ cp: $().strLenCP('$emoji'), bytes: $().strLenBytes('$emoji'), zh: $().strLenBytes('$zh') })).toEqual({ cp: 2, bytes: 5, zh: 3 });
  });
  it('wx:command/aggregate/AggregateCommand.split — splits by a delimiter, keeping empty parts', async () => {
    expect(await run({ v: $().split(['a,b,,c', ',']) })).toEqual({ v: ['a', 'b', '', 'c'] });
  });
  it('wx:command/aggregate/AggregateCommand.strcasecmp — case-insensitive comparison', async () => {
    expect(await run({ eq: $().strcasecmp(['$s', 'hELLO']), lt: $().strcasecmp(['$first', 'b']) })).toEqual({ eq: 0, lt: -1 });
  });
};

export const arrayCases: DocumentedCases = (fx) => {
  const run = evaluator(fx);
  const $ = () => fx().$;

  it('wx:command/aggregate/AggregateCommand.size — number of elements', async () => {
    expect(await run({ v: $().size('$arr') })).toEqual({ v: 3 });
  });
  it('mdb:operator/aggregation/size — size of a missing field or a non-array fails', async () => {
    expect(await failure(run({ v: $().size('$missing') }))).toBeTruthy();
    expect(await failure(run({ v: $().size('$s') }))).toBeTruthy();
  });
  it('wx:command/aggregate/AggregateCommand.arrayElemAt — from the start, from the end; out of range gives no field', async () => {
    const out = await run({ first: $().arrayElemAt(['$arr', 0]), last: $().arrayElemAt(['$arr', -1]), none: $().arrayElemAt(['$arr', 5]) });
    expect(out).toEqual({ first: 10, last: 30 });
    expect('none' in out).toBe(false);
  });
  it('wx:command/aggregate/AggregateCommand.filter — keeps the elements whose cond holds', async () => {
    expect(await run({ v: $().filter({ input: '$arr', as: 'x', cond: $().gte(['$$x', 20]) }) })).toEqual({ v: [20, 30] });
  });
  it('wx:command/aggregate/AggregateCommand.map — applies an expression to each element', async () => {
    expect(await run({ v: $().map({ input: '$arr', as: 'x', in: $().multiply(['$$x', 2]) }) })).toEqual({ v: [20, 40, 60] });
  });
  it('wx:command/aggregate/AggregateCommand.in — whether a value is in an array', async () => {
    expect(await run({ y: $().in([20, '$arr']), n: $().in([25, '$arr']) })).toEqual({ y: true, n: false });
  });
  it('mdb:operator/aggregation/in — a second argument that is not an array fails', async () => {
    expect(await failure(run({ v: $().in([1, '$missing']) }))).toBeTruthy();
  });
  it('wx:command/aggregate/AggregateCommand.slice — the first n, the last n, or n from a position', async () => {
    const out = await run({ head: $().slice(['$arr', 2]), tail: $().slice(['$arr', -1]), mid: $().slice(['$arr', 1, 1]) });
    expect(out).toEqual({ head: [10, 20], tail: [30], mid: [20] });
  });
  it('wx:command/aggregate/AggregateCommand.concatArrays — concatenates; a null or missing array gives null', async () => {
    const out = await run({ v: $().concatArrays(['$arr', [$().literal(1)]]), n: $().concatArrays(['$arr', '$missing']) });
    expect(out).toEqual({ v: [10, 20, 30, 1], n: null });
  });
  it('wx:command/aggregate/AggregateCommand.reverseArray — reverses; isArray tells an array', async () => {
    expect(await run({ r: $().reverseArray('$arr'), y: $().isArray(['$arr']), n: $().isArray(['$s']) })).toEqual({ r: [30, 20, 10], y: true, n: false });
  });
};

export const conditionalCases: DocumentedCases = (fx) => {
  const items = [
    { _id: '0', name: 'item-a', amount: 100 },
    { _id: '1', name: 'item-b', amount: 200 },
    { _id: '2', name: 'item-c', amount: 300 },
  ];
  const discounts = async (discount: Expr) => {
    const f = fx();
    await f.seed(A, items);
    return (await f.pipeline(A).project({ name: 1, discount }).sort({ _id: 1 }).end()).list;
  };
  const expected = [
    { _id: '0', name: 'item-a', discount: 0.9 },
    { _id: '1', name: 'item-b', discount: 0.7 },
    { _id: '2', name: 'item-c', discount: 0.7 },
  ];
  const run = evaluator(fx);
  const $ = () => fx().$;

  it('wx:command/aggregate/AggregateCommand.cond — the array form [if, then, else]', async () => {
    expect(await discounts($().cond([$().gte(['$amount', 200]), 0.7, 0.9]))).toEqual(expected);
  });
  it('wx:command/aggregate/AggregateCommand.cond — the { if, then, else } form', async () => {
    // biome-ignore lint/suspicious/noThenProperty: the documented $cond form has a field named `then`
    expect(await discounts($().cond({ if: $().gte(['$amount', 200]), then: 0.7, else: 0.9 }))).toEqual(expected);
  });
  it('mdb:operator/aggregation/cond — all three arguments are required', async () => {
    // biome-ignore lint/suspicious/noThenProperty: the documented $cond form has a field named `then`
    expect(await failure(run({ v: $().cond({ if: true, then: 1 }) }))).toBeTruthy();
  });
  it('wx:command/aggregate/AggregateCommand.ifNull — replaces null and missing, not other falsy values', async () => {
    const out = await run({ n: $().ifNull(['$nil', 'dflt']), m: $().ifNull(['$missing', 'dflt']), z: $().ifNull([$().subtract(['$a', 2]), 'dflt']) });
    expect(out).toEqual({ n: 'dflt', m: 'dflt', z: 0 });
  });
  it('wx:command/aggregate/AggregateCommand.switch — the first true branch, else the default', async () => {
    const grade = (v: string) =>
      $().switch({
        branches: [
          // biome-ignore lint/suspicious/noThenProperty: $switch branches have a field named `then`
          { case: $().gt([v, 2]), then: 'big' },
          // biome-ignore lint/suspicious/noThenProperty: $switch branches have a field named `then`
          { case: $().gt([v, 1]), then: 'mid' },
        ],
        default: 'small',
      });
    expect(await run({ b: grade('$b'), a: grade('$a'), n: grade('$neg') })).toEqual({ b: 'big', a: 'mid', n: 'small' });
  });
  it('mdb:operator/aggregation/switch — no branch true and no default fails', async () => {
    // biome-ignore lint/suspicious/noThenProperty: $switch branches have a field named `then`
    expect(await failure(run({ v: $().switch({ branches: [{ case: $().gt(['$a', 5]), then: 1 }] }) }))).toBeTruthy();
  });
};
