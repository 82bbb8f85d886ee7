// Documented query behaviour: logic commands (and, or, nor, not), element and array commands
// (exists, size, all, elemMatch), mod, nested objects and dot paths, and what the SDK itself does
// with forms it cannot send. Test names cite their page (see documented.ts).
import { type DocumentedCases, failure } from './documented';

const Q = 'doc_q';
const nums = [{ _id: 'a', n: 1, m: 'x' }, { _id: 'b', n: 2 }, { _id: 'c', n: 3, m: 'y' }, { _id: 'd', n: 4 }, { _id: 'e' }];

export const logicCases: DocumentedCases = (fx) => {
  it('wx:command/Command.and — and in the chained form on one field', async () => {
    const f = fx();
    await f.seed(Q, nums);
    expect(await f.ids(Q, { n: f._.gt(1).and(f._.lt(4)) })).toEqual(['b', 'c']);
  });

  it('wx:command/Command.and — and in the prefix form on one field', async () => {
    const f = fx();
    await f.seed(Q, nums);
    expect(await f.ids(Q, { n: f._.and(f._.gt(1), f._.lt(4)) })).toEqual(['b', 'c']);
  });

  it('wx:command/Command.and — and across fields with an array of conditions', async () => {
    const f = fx();
    await f.seed(Q, nums);
    expect(await f.ids(Q, f._.and([{ n: f._.gt(1) }, { m: 'y' }]))).toEqual(['c']);
  });

  it('wx:command/Command.or — or on one field (chained and prefix forms)', async () => {
    const f = fx();
    await f.seed(Q, nums);
    expect(await f.ids(Q, { n: f._.lt(2).or(f._.gt(3)) })).toEqual(['a', 'd']);
    expect(await f.ids(Q, { n: f._.or(f._.lt(2), f._.gt(3)) })).toEqual(['a', 'd']);
  });

  it('wx:command/Command.or — or across fields', async () => {
    const f = fx();
    await f.seed(Q, nums);
    expect(await f.ids(Q, f._.or([{ n: 2 }, { m: 'y' }]))).toEqual(['b', 'c']);
  });

  it('mdb:operator/query/nor — nor selects documents failing every condition, including those without the fields', async () => {
    const f = fx();
    await f.seed(Q, nums);
    expect(await f.ids(Q, f._.nor([{ n: f._.lt(3) }, { m: 'y' }]))).toEqual(['d', 'e']);
  });

  it('wx:command/Command.nor — nor on one field: neither condition holds (a missing field holds neither)', async () => {
    const f = fx();
    await f.seed(Q, nums);
    expect(await f.ids(Q, { n: f._.nor([f._.lt(2), f._.gt(3)]) })).toEqual(['b', 'c', 'e']);
  });

  it('wx:command/Command.not — not(eq) selects other values and documents without the field', async () => {
    const f = fx();
    await f.seed(Q, nums);
    expect(await f.ids(Q, { n: f._.not(f._.eq(2)) })).toEqual(['a', 'c', 'd', 'e']);
  });

  it('mdb:operator/query/not — not(gt) is not the same as lte: it also selects documents without the field', async () => {
    const f = fx();
    await f.seed(Q, nums);
    expect(await f.ids(Q, { n: f._.not(f._.gt(2)) })).toEqual(['a', 'b', 'e']);
    expect(await f.ids(Q, { n: f._.lte(2) })).toEqual(['a', 'b']);
  });

  it('mdb:operator/query/not — not(/regex/) excludes the strings the expression matches (it does not match everything)', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', s: 'Hello' }, { _id: 'b', s: 'world' }, { _id: 'c' }]);
    expect(await f.ids(Q, { s: f._.not(/ell/) })).toEqual(['b', 'c']);
    expect(await f.ids(Q, { s: f._.not(/^W/i) })).toEqual(['a', 'c']);
  });

  it('sdk: not(db.RegExp(..)) is sent as {field: {}} (equality with an empty object), so it selects nothing else', async () => {
    const f = fx();
    // The SDK encodes only a JS RegExp inside not(); db.RegExp(..) and logic commands come out
    // as undefined, which its serializer drops: the server sees { s: {} }.
    await f.seed(Q, [{ _id: 'a', s: 'Hello' }, { _id: 'b', s: 'world' }, { _id: 'c' }, { _id: 'd', s: {} }]);
    expect(await f.ids(Q, { s: f._.not(f.db.RegExp({ regexp: 'ell' })) })).toEqual(['d']);
  });

  it('sdk: not(or([...])), documented on wx:command/Command.not, is sent as {field: {}} too', async () => {
    const f = fx();
    await f.seed(Q, [...nums, { _id: 'z', n: {} }]);
    expect(await f.ids(Q, { n: f._.not(f._.or([f._.lt(2), f._.eq(4)])) })).toEqual(['z']);
  });
};

export const elementCases: DocumentedCases = (fx) => {
  it('wx:command/Command.exists — exists(true) and exists(false), also on a nested field', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', tags: [] },
      { _id: 'b', o: { x: 1 } },
      { _id: 'c', o: {} },
    ]);
    expect(await f.ids(Q, { tags: f._.exists(true) })).toEqual(['a']);
    expect(await f.ids(Q, { tags: f._.exists(false) })).toEqual(['b', 'c']);
    expect(await f.ids(Q, { 'o.x': f._.exists(true) })).toEqual(['b']);
  });

  it('wx:command/Command.size — size(n) matches arrays of exactly n elements, never a non-array', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', v: [] }, { _id: 'b', v: [1, 2] }, { _id: 'c', v: 'ab' }, { _id: 'd' }, { _id: 'e', v: [[1, 2]] }]);
    expect(await f.ids(Q, { v: f._.size(2) })).toEqual(['b']);
    expect(await f.ids(Q, { v: f._.size(0) })).toEqual(['a']);
    expect(await f.ids(Q, { v: f._.size(1) })).toEqual(['e']);
  });

  it('wx:command/Command.all — all matches arrays that contain every listed value, in any order', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', tags: ['x', 'y', 'z'] },
      { _id: 'b', tags: ['y', 'x'] },
      { _id: 'c', tags: ['x'] },
      { _id: 'd', tags: 'x' },
    ]);
    expect(await f.ids(Q, { tags: f._.all(['x', 'y']) })).toEqual(['a', 'b']);
    // A single value: $all [v] behaves as equality, so a scalar field holding it matches too.
    expect(await f.ids(Q, { tags: f._.all(['x']) })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('wx:command/Command.elemMatch — one element must satisfy every condition (unlike dot paths)', async () => {
    const f = fx();
    await f.seed(Q, [
      {
        _id: 'a',
        items: [
          { name: 'pen', qty: 2 },
          { name: 'ink', qty: 10 },
        ],
      },
      { _id: 'b', items: [{ name: 'pen', qty: 7 }] },
    ]);
    expect(await f.ids(Q, { items: f._.elemMatch({ name: 'pen', qty: f._.gt(5) }) })).toEqual(['b']);
    expect(await f.ids(Q, { 'items.name': 'pen', 'items.qty': f._.gt(5) })).toEqual(['a', 'b']);
  });

  it('wx:command/Command.elemMatch — elemMatch(command) on an array of values; a non-array never matches', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', v: [1, 10] },
      { _id: 'b', v: [3] },
      { _id: 'c', v: 12 },
    ]);
    expect(await f.ids(Q, { v: f._.elemMatch(f._.gt(5)) })).toEqual(['a']);
  });

  it('wx:command/Command.mod — mod(divisor, remainder) selects value % divisor == remainder', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', n: 10 }, { _id: 'b', n: 15 }, { _id: 'c', n: 20 }, { _id: 'd', n: '20' }, { _id: 'e' }]);
    expect(await f.ids(Q, { n: f._.mod(10, 0) })).toEqual(['a', 'c']);
    expect(await f.ids(Q, { n: f._.mod(10, 5) })).toEqual(['b']);
  });

  it('mdb:operator/query/mod — a negative dividend leaves a negative remainder (JavaScript %)', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', n: -5 },
      { _id: 'b', n: 7 },
    ]);
    expect(await f.ids(Q, { n: f._.mod(3, -2) })).toEqual(['a']);
    expect(await f.ids(Q, { n: f._.mod(3, 1) })).toEqual(['b']);
  });

  it('mdb:operator/query/mod — on an array field, mod matches when any element satisfies it', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', n: [3, 8] },
      { _id: 'b', n: [5, 7] },
    ]);
    expect(await f.ids(Q, { n: f._.mod(4, 0) })).toEqual(['a']);
  });

  it('mdb:operator/query/in — in([]) matches nothing and nin([]) everything', async () => {
    const f = fx();
    await f.seed(Q, nums);
    expect(await f.ids(Q, { n: f._.in([]) })).toEqual([]);
    expect(await f.ids(Q, { n: f._.nin([]) })).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('wx:command/Command.in — in on _id selects documents by id', async () => {
    const f = fx();
    await f.seed(Q, nums);
    expect(await f.ids(Q, { _id: f._.in(['b', 'd', 'zz']) })).toEqual(['b', 'd']);
  });

  it('mdb:operator/query/mod — a decimal divisor is truncated toward zero', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', n: 8 },
      { _id: 'b', n: 9 },
    ]);
    expect(await f.ids(Q, { n: f._.mod(4.5, 0) })).toEqual(['a']);
  });
};

export const pathCases: DocumentedCases = (fx) => {
  const shop = [
    {
      _id: 'a',
      o: { x: 1, deep: { k: 'v' } },
      items: [
        { name: 'pen', qty: 2 },
        { name: 'ink', qty: 10 },
      ],
      nums: [5, 9],
    },
    { _id: 'b', o: { x: 2 }, items: [{ name: 'ink', qty: 1 }], nums: [9, 5] },
  ];

  it('wxguide:query — a dot path string selects a nested field', async () => {
    const f = fx();
    await f.seed(Q, shop);
    expect(await f.ids(Q, { 'o.x': 1 })).toEqual(['a']);
    expect(await f.ids(Q, { 'o.deep.k': 'v' })).toEqual(['a']);
  });

  it('wxguide:query — nested objects in where() with commands inside (flattened to dot paths)', async () => {
    const f = fx();
    await f.seed(Q, shop);
    expect(await f.ids(Q, { o: { x: f._.gt(1) } })).toEqual(['b']);
    expect(await f.ids(Q, { o: { deep: { k: 'v' } } })).toEqual(['a']);
  });

  it('mdbt:query-array-of-documents — a dot path through an array of documents matches any element', async () => {
    const f = fx();
    await f.seed(Q, shop);
    expect(await f.ids(Q, { 'items.name': 'pen' })).toEqual(['a']);
    expect(await f.ids(Q, { 'items.qty': f._.lt(2) })).toEqual(['b']);
    expect(await f.ids(Q, { items: { name: 'ink' } })).toEqual(['a', 'b']);
  });

  it('wxguide:query — an array index in the path ("nums.0", "items.1.name") selects one element', async () => {
    const f = fx();
    await f.seed(Q, shop);
    expect(await f.ids(Q, { 'nums.0': 9 })).toEqual(['b']);
    expect(await f.ids(Q, { 'items.1.name': 'ink' })).toEqual(['a']);
  });

  it('mdbt:query-array-of-documents — exists on a path through an array of documents asks whether any element has the field', async () => {
    const f = fx();
    await f.seed(Q, [...shop, { _id: 'c', items: [{ name: 'cap' }] }]);
    expect(await f.ids(Q, { 'items.qty': f._.exists(true) })).toEqual(['a', 'b']);
    expect(await f.ids(Q, { 'items.qty': f._.exists(false) })).toEqual(['c']);
  });

  it('sdk: a where() whose values are all undefined is refused before it is sent', async () => {
    const f = fx();
    await f.seed(Q, shop);
    // The SDK throws from where() itself, synchronously.
    const message = await failure((async () => f.db.collection(Q).where({ n: undefined }).get())());
    expect(message).toMatch(/undefined/);
  });

  it('sdk: a field whose value is undefined is left out of the condition (the rest still applies)', async () => {
    const f = fx();
    await f.seed(Q, shop);
    expect(await f.ids(Q, { 'o.x': 2, missing: undefined })).toEqual(['b']);
  });
};
