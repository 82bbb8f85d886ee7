// Documented read behaviour: orderBy (BSON order: UTF-8 strings, arrays, mixed types), skip and
// limit (the functions' limits), field() projections and count. Test names cite their page.
import { type DocumentedCases, failure, projection } from './documented';

const Q = 'doc_q';

export const sortCases: DocumentedCases = (fx) => {
  const order = async (field: string, dir: 'asc' | 'desc') => (await fx().db.collection(Q).orderBy(field, dir).get()).data.map((d) => d._id);

  it('wx:collection/Collection.orderBy — numbers ascending and descending, integers and decimals together', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', n: 3 },
      { _id: 'b', n: 1.5 },
      { _id: 'c', n: -1 },
      { _id: 'd', n: 10 },
    ]);
    expect(await order('n', 'asc')).toEqual(['c', 'b', 'a', 'd']);
    expect(await order('n', 'desc')).toEqual(['d', 'a', 'b', 'c']);
  });

  it('wx:collection/Collection.orderBy — several orderBy calls sort by the first field, then the next', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', p: 1, s: 'b' },
      { _id: 'b', p: 2, s: 'a' },
      { _id: 'c', p: 1, s: 'a' },
      { _id: 'd', p: 2, s: 'b' },
    ]);
    const { data } = await f.db.collection(Q).orderBy('p', 'desc').orderBy('s', 'asc').get();
    expect(data.map((d) => d._id)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('wx:collection/Collection.orderBy — a nested field by its dot path', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', o: { x: 2 } },
      { _id: 'b', o: { x: 1 } },
      { _id: 'c', o: { x: 3 } },
    ]);
    expect(await order('o.x', 'asc')).toEqual(['b', 'a', 'c']);
  });

  it('mdb:bson-type-comparison-order — strings sort by binary (UTF-8) order: "，" (U+FF0C) before "😀" (U+1F600), "B" before "a"', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'emoji', s: '😀' },
      { _id: 'comma', s: '，' },
      { _id: 'a', s: 'a' },
      { _id: 'B', s: 'B' },
      { _id: 'e', s: 'é' },
      { _id: 'zh', s: '中' },
    ]);
    expect(await order('s', 'asc')).toEqual(['B', 'a', 'e', 'zh', 'comma', 'emoji']);
    expect(await order('s', 'desc')).toEqual(['emoji', 'comma', 'zh', 'e', 'a', 'B']);
  });

  it('mdb:bson-type-comparison-order — string ranges in a query use the same binary order', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'emoji', s: '😀' },
      { _id: 'comma', s: '，' },
      { _id: 'zh', s: '中' },
    ]);
    expect(await f.ids(Q, { s: f._.gt('，') })).toEqual(['emoji']);
    expect(await f.ids(Q, { s: f._.lt('😀') })).toEqual(['comma', 'zh']);
  });

  it('mdb:bson-type-comparison-order — an array sorts by its smallest element ascending and its largest descending', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'a', v: [1, 10] },
      { _id: 'b', v: [5] },
      { _id: 'c', v: [3, 4] },
      { _id: 'd', v: 2 },
    ]);
    expect(await order('v', 'asc')).toEqual(['a', 'd', 'c', 'b']);
    expect(await order('v', 'desc')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('mdb:bson-type-comparison-order — an empty array sorts before null and a missing field', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'null', v: null }, { _id: 'one', v: 1 }, { _id: 'empty', v: [] }, { _id: 'missing' }]);
    const asc = await order('v', 'asc');
    expect(asc[0]).toBe('empty');
    expect(asc.slice(1, 3).sort()).toEqual(['missing', 'null']);
    expect(asc[3]).toBe('one');
    const desc = await order('v', 'desc');
    expect(desc[0]).toBe('one');
    expect(desc[3]).toBe('empty');
  });

  it('mdb:bson-type-comparison-order — mixed types sort null < numbers < strings < objects < arrays < booleans < dates', async () => {
    const f = fx();
    await f.seed(Q, [
      { _id: 'bool', v: true },
      { _id: 'str', v: 'x' },
      { _id: 'num', v: 3 },
      { _id: 'null', v: null },
      { _id: 'obj', v: { k: 1 } },
      { _id: 'date', v: new Date(0) },
      // A sort looks inside an array: [[1]] sorts by its element [1], an array.
      { _id: 'arr', v: [[1]] },
    ]);
    expect(await order('v', 'asc')).toEqual(['null', 'num', 'str', 'obj', 'arr', 'bool', 'date']);
    expect(await order('v', 'desc')).toEqual(['date', 'bool', 'arr', 'obj', 'str', 'num', 'null']);
  });
};

export const pagingCases: DocumentedCases = (fx) => {
  it('wx:collection/Collection.skip — skip and limit page through an ordered result', async () => {
    const f = fx();
    await f.seed(
      Q,
      [1, 2, 3, 4, 5].map((n) => ({ _id: `n${n}`, n })),
    );
    const { data } = await f.db.collection(Q).orderBy('n', 'asc').skip(1).limit(2).get();
    expect(data.map((d) => d.n)).toEqual([2, 3]);
  });

  it('wx:collection/Collection.limit — functions read 100 by default and up to 1,000 when they ask; limit(0) asks for the default', async () => {
    const f = fx();
    await f.seed(
      Q,
      Array.from({ length: 150 }, (_, i) => ({ i })),
    );
    const col = f.db.collection(Q);
    expect((await col.get()).data).toHaveLength(100);
    expect((await col.limit(150).get()).data).toHaveLength(150);
    expect((await col.limit(1000).get()).data).toHaveLength(150);
    expect((await col.limit(0).get()).data).toHaveLength(100);
  });

  it('wx:collection/Collection.count — count() counts the documents a where() selects, without the read limit', async () => {
    const f = fx();
    await f.seed(
      Q,
      Array.from({ length: 120 }, (_, i) => ({ even: i % 2 === 0 })),
    );
    expect((await f.db.collection(Q).where({ even: true }).count()).total).toBe(60);
    expect((await f.db.collection(Q).count()).total).toBe(120);
  });
};

export const projectionCases: DocumentedCases = (fx) => {
  const doc = {
    _id: 'a',
    name: 'An',
    secret: 's',
    o: { x: 1, y: 2 },
    items: [
      { name: 'pen', qty: 2 },
      { name: 'ink', qty: 10 },
    ],
  };

  it('wx:collection/Collection.field — true includes fields (and _id)', async () => {
    const f = fx();
    await f.seed(Q, [doc]);
    expect((await f.db.collection(Q).field({ name: true }).get()).data).toEqual([{ _id: 'a', name: 'An' }]);
  });

  it('wx:collection/Collection.field — false excludes fields', async () => {
    const f = fx();
    await f.seed(Q, [doc]);
    const { data } = await f.db.collection(Q).field({ secret: false, items: false }).get();
    expect(data).toEqual([{ _id: 'a', name: 'An', o: { x: 1, y: 2 } }]);
  });

  it('mdbt:project-fields-from-query-results — _id can be excluded from an inclusion', async () => {
    const f = fx();
    await f.seed(Q, [doc]);
    expect((await f.db.collection(Q).field({ _id: false, name: true }).get()).data).toEqual([{ name: 'An' }]);
  });

  it('mdbt:project-fields-from-query-results — { _id: false } alone returns every field but _id', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', n: 1, s: 'x' }]);
    expect((await f.db.collection(Q).field({ _id: false }).get()).data).toEqual([{ n: 1, s: 'x' }]);
  });

  it('mdbt:project-fields-from-query-results — a dot path includes one field of an embedded document', async () => {
    const f = fx();
    await f.seed(Q, [doc]);
    expect((await f.db.collection(Q).field({ 'o.x': true }).get()).data).toEqual([{ _id: 'a', o: { x: 1 } }]);
  });

  it('mdbt:project-fields-from-query-results — a dot path into an array of documents keeps that field of every element', async () => {
    const f = fx();
    await f.seed(Q, [doc]);
    const { data } = await f.db.collection(Q).field({ 'items.name': true }).get();
    expect(data).toEqual([{ _id: 'a', items: [{ name: 'pen' }, { name: 'ink' }] }]);
  });

  it('mdb:projection/slice — _.project.slice limits an array (first n, last n, [skip, n]) and keeps the other fields', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', name: 'An', tags: ['x', 'y', 'z', 'w'] }]);
    const sliced = async (spec: unknown) =>
      (
        await f.db
          .collection(Q)
          .field(projection({ tags: f._.project.slice(spec) }))
          .get()
      ).data[0];
    expect(await sliced(2)).toEqual({ _id: 'a', name: 'An', tags: ['x', 'y'] });
    expect(await sliced(-1)).toEqual({ _id: 'a', name: 'An', tags: ['w'] });
    expect(await sliced([1, 2])).toEqual({ _id: 'a', name: 'An', tags: ['y', 'z'] });
  });

  it('mdb:projection/elemMatch — _.project.elemMatch returns the first matching element only (with _id)', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', zip: '63109', items: [{ n: 1 }, { n: 5, k: 1 }, { n: 5, k: 2 }] }]);
    const { data } = await f.db
      .collection(Q)
      .field(projection({ items: f._.project.elemMatch({ n: 5 }) }))
      .get();
    expect(data).toEqual([{ _id: 'a', items: [{ n: 5, k: 1 }] }]);
  });

  it('sdk: _.project.elemMatch with a query command inside is sent as the SDK object, so nothing matches', async () => {
    const f = fx();
    await f.seed(Q, [{ _id: 'a', items: [{ n: 1 }, { n: 5 }] }]);
    const { data } = await f.db
      .collection(Q)
      .field(projection({ items: f._.project.elemMatch({ n: f._.gt(2) }) }))
      .get();
    expect(data).toEqual([{ _id: 'a' }]);
  });

  it('wx:document/Document.field — field() on doc().get()', async () => {
    const f = fx();
    await f.seed(Q, [doc]);
    expect((await f.db.collection(Q).doc('a').field({ o: true }).get()).data).toEqual({ _id: 'a', o: { x: 1, y: 2 } });
  });

  it('mdbt:project-fields-from-query-results — inclusion and exclusion cannot be mixed (except _id)', async () => {
    const f = fx();
    await f.seed(Q, [doc]);
    expect(await failure(f.db.collection(Q).field({ name: true, secret: false }).get())).toBeTruthy();
  });
};
