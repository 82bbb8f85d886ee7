// Documented query behaviour: comparison commands on scalars, arrays, null and missing fields,
// dates and booleans; in / nin; regular expressions. Test names cite their page (see documented.ts).
import type { DocumentedCases } from './documented';

const Q = 'doc_q';

export const comparisonCases: DocumentedCases = (fx) => {
  it('wx:command/Command.eq — eq(v) and a plain value select the same documents; 2 is not "2"', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
      { _id: 'c', n: '2' },
    ]);
    expect(await f.ids(Q, { n: f._.eq(2) })).toEqual(['b']);
    expect(await f.ids(Q, { n: 2 })).toEqual(['b']);
  });

  it('mdb:operator/query/eq — a value matches an array field that contains it; an array value matches the whole array, in order', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', tags: ['x', 'y'] },
      { _id: 'b', tags: ['y', 'x'] },
      { _id: 'c', tags: ['x'] },
      { _id: 'd', tags: 'x' },
    ]);
    expect(await f.ids(Q, { tags: 'x' })).toEqual(['a', 'b', 'c', 'd']);
    expect(await f.ids(Q, { tags: f._.eq(['x', 'y']) })).toEqual(['a']);
    expect(await f.ids(Q, { tags: ['y', 'x'] })).toEqual(['b']);
  });

  it('mdbt:query-embedded-documents — equality on a whole embedded document (_.eq) needs the same fields in the same order', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', o: { x: 1, y: 2 } },
      { _id: 'b', o: { y: 2, x: 1 } },
      { _id: 'c', o: { x: 1, y: 2, z: 3 } },
    ]);
    expect(await f.ids(Q, { o: f._.eq({ x: 1, y: 2 }) })).toEqual(['a']);
    expect(await f.ids(Q, { o: f._.eq({ y: 2, x: 1 }) })).toEqual(['b']);
  });

  it('wxguide:query — a nested object in where() matches field by field (the SDK flattens it to dot paths), whatever the order or extra fields', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', o: { x: 1, y: 2 } },
      { _id: 'b', o: { y: 2, x: 1 } },
      { _id: 'c', o: { x: 1, y: 2, z: 3 } },
      { _id: 'd', o: { x: 1 } },
    ]);
    expect(await f.ids(Q, { o: { x: 1, y: 2 } })).toEqual(['a', 'b', 'c']);
  });

  it('mdbt:query-for-null-fields — { f: null } and eq(null) match a null value and a missing field', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', v: null }, { _id: 'b' }, { _id: 'c', v: 0 }, { _id: 'd', v: '' }, { _id: 'e', v: false }]);
    expect(await f.ids(Q, { v: null })).toEqual(['a', 'b']);
    expect(await f.ids(Q, { v: f._.eq(null) })).toEqual(['a', 'b']);
  });

  it('mdbt:query-for-null-fields — exists(true) counts a null value as present; exists(false) only the missing field', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', v: null }, { _id: 'b' }, { _id: 'c', v: 0 }]);
    expect(await f.ids(Q, { v: f._.exists(true) })).toEqual(['a', 'c']);
    expect(await f.ids(Q, { v: f._.exists(false) })).toEqual(['b']);
  });

  it('mdb:operator/query/ne — neq matches documents without the field and excludes arrays that contain the value', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', tags: ['x', 'y'] }, { _id: 'b', tags: ['y'] }, { _id: 'c' }, { _id: 'd', tags: 'x' }]);
    expect(await f.ids(Q, { tags: f._.neq('x') })).toEqual(['b', 'c']);
  });

  it('mdb:operator/query/ne — neq(null) selects documents whose field exists and is not null', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', v: null }, { _id: 'b' }, { _id: 'c', v: 0 }, { _id: 'd', v: 'x' }]);
    expect(await f.ids(Q, { v: f._.neq(null) })).toEqual(['c', 'd']);
  });

  const numbers = [
    { _id: 'a', n: 1 },
    { _id: 'b', n: 2 },
    { _id: 'c', n: 3 },
    { _id: 'd', n: 2.5 },
  ];
  it.each([
    ['lt', 2.5, ['a', 'b']],
    ['lte', 2.5, ['a', 'b', 'd']],
    ['gt', 2, ['c', 'd']],
    ['gte', 3, ['c']],
  ] as const)('wx:command/Command.%s — compares numbers, integers and decimals alike', async (op, operand, expected) => {
    const f = fx();
    await f.seed(Q, numbers);
    expect(await f.ids(Q, { n: f._[op](operand) })).toEqual(expected);
  });

  it('mdb:bson-type-comparison-order — a range condition compares only values of the operand type (type bracketing)', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', v: 5 }, { _id: 'b', v: '5' }, { _id: 'c', v: '10' }, { _id: 'd', v: null }, { _id: 'e' }, { _id: 'f', v: true }]);
    expect(await f.ids(Q, { v: f._.gt(1) })).toEqual(['a']);
    expect(await f.ids(Q, { v: f._.gt('1') })).toEqual(['b', 'c']);
    // Strings compare character by character: '10' < '2'.
    expect(await f.ids(Q, { v: f._.lt('2') })).toEqual(['c']);
  });

  it('mdbt:query-arrays — a range on an array field matches when any element satisfies it', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', nums: [1, 10] },
      { _id: 'b', nums: [3, 4] },
      { _id: 'c', nums: [] },
      { _id: 'd', nums: 9 },
    ]);
    expect(await f.ids(Q, { nums: f._.gt(8) })).toEqual(['a', 'd']);
  });

  it('mdbt:query-arrays — with gt(..).and(lt(..)) on an array, different elements may satisfy each condition', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', nums: [1, 10] },
      { _id: 'b', nums: [3, 4] },
      { _id: 'c', nums: 7 },
    ]);
    expect(await f.ids(Q, { nums: f._.gt(5).and(f._.lt(8)) })).toEqual(['a', 'c']);
  });

  it('wxguide:data-type — dates compare as dates, never with strings that look like dates', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', d: new Date('2026-01-01T00:00:00Z') },
      { _id: 'b', d: new Date('2026-06-01T00:00:00Z') },
      { _id: 'c', d: '2026-03-01T00:00:00Z' },
    ]);
    expect(await f.ids(Q, { d: f._.gt(new Date('2026-02-01T00:00:00Z')) })).toEqual(['b']);
    expect(await f.ids(Q, { d: f._.lt(new Date('2026-12-31T00:00:00Z')) })).toEqual(['a', 'b']);
    expect(await f.ids(Q, { d: new Date('2026-01-01T00:00:00Z') })).toEqual(['a']);
  });

  it('wx:Database.serverDate — serverDate() can stand for the server time in a query condition', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'past', d: new Date('2000-01-01T00:00:00Z') },
      { _id: 'future', d: new Date('2100-01-01T00:00:00Z') },
    ]);
    expect(await f.ids(Q, { d: f._.lt(f.db.serverDate()) })).toEqual(['past']);
    expect(await f.ids(Q, { d: f._.gt(f.db.serverDate({ offset: 60_000 })) })).toEqual(['future']);
  });

  it('wxguide:data-type — booleans match only booleans: false is not 0, null or missing', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', b: true }, { _id: 'b', b: false }, { _id: 'c', b: null }, { _id: 'd' }, { _id: 'e', b: 0 }]);
    expect(await f.ids(Q, { b: false })).toEqual(['b']);
    expect(await f.ids(Q, { b: true })).toEqual(['a']);
    expect(await f.ids(Q, { b: f._.neq(true) })).toEqual(['b', 'c', 'd', 'e']);
  });

  it('mdb:bson-type-comparison-order — false sorts before true, so gt(false) selects true', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', b: true },
      { _id: 'b', b: false },
      { _id: 'c', b: 1 },
    ]);
    expect(await f.ids(Q, { b: f._.gt(false) })).toEqual(['a']);
  });
};

export const inCases: DocumentedCases = (fx) => {
  const cities = [{ _id: 'a', c: 'sh' }, { _id: 'b', c: 'bj' }, { _id: 'c', c: 'gz' }, { _id: 'd' }];
  it('wx:command/Command.in — in selects documents whose value is one of the list', async () => {
    const f = fx();
    await f.seed(Q, cities);
    expect(await f.ids(Q, { c: f._.in(['sh', 'gz']) })).toEqual(['a', 'c']);
  });

  it('mdb:operator/query/in — on an array field, in matches when any element is in the list', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', tags: ['x', 'y'] },
      { _id: 'b', tags: ['x'] },
      { _id: 'c', tags: 'z' },
      { _id: 'd', tags: [] },
    ]);
    expect(await f.ids(Q, { tags: f._.in(['y', 'z']) })).toEqual(['a', 'c']);
  });

  it('mdbt:query-for-null-fields — in([null, ...]) matches a missing field as null', async () => {
    const f = fx();
    await f.seed(Q, cities);
    expect(await f.ids(Q, { c: f._.in([null, 'bj']) })).toEqual(['b', 'd']);
  });

  it('wx:command/Command.nin — nin selects values not in the list, and documents without the field', async () => {
    const f = fx();
    await f.seed(Q, cities);
    expect(await f.ids(Q, { c: f._.nin(['sh', 'gz']) })).toEqual(['b', 'd']);
  });

  it('mdb:operator/query/nin — on an array field, nin excludes arrays with any element in the list', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', tags: ['x', 'y'] }, { _id: 'b', tags: ['x'] }, { _id: 'c', tags: 'z' }, { _id: 'd' }]);
    expect(await f.ids(Q, { tags: f._.nin(['y']) })).toEqual(['b', 'c', 'd']);
  });

  const words = [
    { _id: 'a', s: 'Hello' },
    { _id: 'b', s: 'help' },
    { _id: 'c', s: 'world' },
    { _id: 'd', s: 'shell' },
    { _id: 'e', s: 42 },
  ];
  it('mdb:operator/query/in — in takes regular expressions (JS /re/flags) beside values', async () => {
    const f = fx();
    await f.seed(Q, words);
    expect(await f.ids(Q, { s: f._.in([/^hel/i, 'world']) })).toEqual(['a', 'b', 'c']);
  });

  it('wx:Database.RegExp — db.RegExp({regexp, options}) works inside in', async () => {
    const f = fx();
    await f.seed(Q, words);
    expect(await f.ids(Q, { s: f._.in([f.db.RegExp({ regexp: '^HEL', options: 'i' })]) })).toEqual(['a', 'b']);
  });

  it('mdb:operator/query/nin — nin with a regular expression excludes the strings it matches', async () => {
    const f = fx();
    await f.seed(Q, words);
    expect(await f.ids(Q, { s: f._.nin([/^hel/]) })).toEqual(['a', 'c', 'd', 'e']);
  });
};

export const regexCases: DocumentedCases = (fx) => {
  const words = [
    { _id: 'a', s: 'Hello' },
    { _id: 'b', s: 'help' },
    { _id: 'c', s: 'world' },
    { _id: 'd', s: 'line1\nhello' },
    { _id: 'e', s: 123 },
  ];

  it('wx:Database.RegExp — db.RegExp({regexp, options: "i"}) matches case-insensitively', async () => {
    const f = fx();
    await f.seed(Q, words);
    expect(await f.ids(Q, { s: f.db.RegExp({ regexp: '^hel', options: 'i' }) })).toEqual(['a', 'b']);
    expect(await f.ids(Q, { s: f.db.RegExp({ regexp: '^hel' }) })).toEqual(['b']);
  });

  it('wx:Database.RegExp — a JS regular expression literal works in where(), flags included', async () => {
    const f = fx();
    await f.seed(Q, words);
    expect(await f.ids(Q, { s: /LL/i })).toEqual(['a', 'd']);
    expect(await f.ids(Q, { s: /^world$/ })).toEqual(['c']);
  });

  it('wx:Database.RegExp — option "m" lets ^ match after a line break', async () => {
    const f = fx();
    await f.seed(Q, words);
    expect(await f.ids(Q, { s: f.db.RegExp({ regexp: '^hello', options: 'm' }) })).toEqual(['d']);
  });

  it('mdb:operator/query/regex — a regular expression never matches a number', async () => {
    const f = fx();
    await f.seed(Q, words);
    expect(await f.ids(Q, { s: /1/ })).toEqual(['d']);
  });

  it('mdb:operator/query/regex — a regular expression matches an array when an element matches', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', tags: ['apple', 'kiwi'] },
      { _id: 'b', tags: ['pear'] },
    ]);
    expect(await f.ids(Q, { tags: /^ki/ })).toEqual(['a']);
  });
};
