// Local-only properties: index use, the scalar rule for indexed fields, and that pushing
// conditions down to SQLite never changes a result.
import fc from 'fast-check';
import type { Db } from '../../server/db/types';
import { openLocalEngine } from '../index';

const open = (options: { file?: string; indexes: typeof indexes | Record<string, never>; strictCollections?: boolean }) =>
  openLocalEngine({ strictCollections: false, ...options });

const indexes = {
  items: [
    {
      name: 'cat_price',
      fields: [
        ['cat', 'asc'],
        ['price', 'desc'],
      ] as Array<[string, 'asc' | 'desc']>,
      why: 'test',
    },
    { name: 'at', fields: [['at', 'asc']] as Array<[string, 'asc' | 'desc']>, why: 'test' },
  ],
};

describe('local database', () => {
  it('an equality query with orderBy on indexed fields uses the SQLite index, not a scan', () => {
    const { engine } = open({ indexes });
    const plan = engine.store.table('items').explain({ cat: 'a' }, [['price', -1]]);
    expect(plan).toMatch(/USING (COVERING )?INDEX/);
    expect(plan).not.toMatch(/SCAN c_items(?! USING)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('refuses an array or object in an indexed field with a clear message', async () => {
    const { db } = open({ indexes });
    await expect(db.collection('items').add({ data: { cat: ['a'] } })).rejects.toThrow(/indexed field 'cat'.*scalar/);
  });

  it('an index declared later is filled from existing documents', async () => {
    const file = `${require('node:os').tmpdir()}/sprout-migrate-${process.pid}-${Date.now()}.db`;
    const a = open({ file, indexes: {} });
    await a.db.collection('items').add({ data: { cat: 'x', price: 5 } });
    a.engine.close();
    const b = open({ file, indexes });
    expect((await b.db.collection('items').where({ cat: 'x' }).get()).data).toHaveLength(1);
    b.engine.close();
  });

  const value = fc.oneof(
    fc.constantFrom('a', 'b', 'c'),
    fc.integer({ min: -3, max: 3 }),
    fc.boolean(),
    fc.constant(null),
    fc.date({ min: new Date(0), max: new Date(10), noInvalidDate: true }),
  );
  const doc = fc.record({ cat: value, price: value, at: value }, { requiredKeys: [] });
  const cond = fc.oneof(
    value.map((v) => ['eq', v] as const),
    fc.tuple(fc.constantFrom('lt', 'lte', 'gt', 'gte', 'neq'), value),
    fc.array(value, { minLength: 1, maxLength: 3 }).map((vs) => ['in', vs] as const),
  );

  it('results are the same with and without indexes (pushdown is only ever a superset)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(doc, { maxLength: 25 }),
        fc.constantFrom('cat', 'price', 'at'),
        cond,
        fc.constantFrom('asc', 'desc'),
        async (docs, field, [op, v], dir) => {
          const plain = open({ indexes: {} }).db;
          const indexed = open({ indexes }).db;
          for (const [i, d] of docs.entries()) {
            await plain.collection('items').add({ data: { ...d, _id: `d${i}` } });
            await indexed.collection('items').add({ data: { ...d, _id: `d${i}` } });
          }
          const _ = plain.command as unknown as Record<string, (x: unknown) => unknown>;
          const q = { [field]: _[op](v) };
          const run = (db: Db) => db.collection('items').where(q).orderBy(field, dir).get();
          const a = (await run(plain)).data.map((d) => d._id);
          const b = (await run(indexed)).data.map((d) => d._id);
          expect([...b].sort()).toEqual([...a].sort());
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('local database: _id conditions', () => {
  it('a where() on _id uses the primary key, not a scan', () => {
    const { engine } = open({ indexes });
    expect(engine.store.table('items').explain({ _id: 'x', price: 3 })).toMatch(/USING INDEX sqlite_autoindex|USING (COVERING )?INDEX/);
  });
});

describe('local database: collections', () => {
  it('in strict mode refuses a collection nobody declared, as WeChat refuses one nobody created', async () => {
    const { db } = open({ indexes, strictCollections: true });
    await expect(db.collection('itmes').get()).rejects.toMatchObject({ errCode: -502005, errMsg: expect.stringMatching(/collection not exists.*itmes/) });
    await expect(db.runTransaction(async (tx) => tx.collection('itmes').add({ data: {} }))).rejects.toMatchObject({ errCode: -502005 });
    await db.collection('items').add({ data: { cat: 'a' } });
    // createCollection works as in WeChat: afterwards the collection exists, a second create fails.
    await db.createCollection('itmes');
    await db.collection('itmes').add({ data: { x: 1 } });
    expect((await db.collection('itmes').count()).total).toBe(1);
    await expect(db.createCollection('itmes')).rejects.toMatchObject({ errMsg: expect.stringMatching(/exist/i) });
  });
});
