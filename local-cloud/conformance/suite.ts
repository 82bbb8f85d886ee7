// The database conformance suite: WeChat Cloud's documented behaviour of the server-side
// database API, written against the `Db` interface only. It runs on the local database in
// `npm test`; pointed at a real environment (a `Db` from cloud.database() inside a function,
// with the indexes of `conformanceIndexes` created in the console) it checks the same facts there.
import type { IndexPlan } from '../../server/db/index-spec';
import { type Db, isDuplicateKeyError, isNotFoundError } from '../../server/db/types';
import { aggregateTests } from './aggregate-tests';
import { transactionTests } from './transaction-tests';

export const conformanceIndexes: IndexPlan = {
  conf_people: [
    {
      name: 'city_age',
      fields: [
        ['city', 'asc'],
        ['age', 'desc'],
      ],
      why: 'equality + order pushdown',
    },
    { name: 'email_unique', fields: [['email', 'asc']], unique: true, why: 'unique violations' },
  ],
  conf_seats: [{ name: 'request_unique', fields: [['requestId', 'asc']], unique: true, why: 'idempotency key' }],
  conf_many: [],
  conf_w: [],
  conf_groups: [],
  conf_orders: [],
};

export interface Harness {
  db: Db;
  /** Moves the database clock (serverDate); a real environment cannot, so those tests are skipped there. */
  advanceClock?: (ms: number) => void;
  reset(): Promise<void>;
}

const people = [
  { _id: 'p1', name: 'An', age: 19, city: 'sh', tags: ['run', 'art'], scores: [80, 95], pet: { kind: 'cat', age: 2 }, email: 'an@x' },
  { _id: 'p2', name: 'Bo', age: 21, city: 'bj', tags: ['art'], scores: [60], pet: { kind: 'dog', age: 5 }, email: 'bo@x' },
  {
    _id: 'p3',
    name: 'Cy',
    age: 23,
    city: 'sh',
    tags: [],
    scores: [],
    email: 'cy@x',
    items: [
      { sku: 'a', n: 1 },
      { sku: 'b', n: 3 },
    ],
  },
  { _id: 'p4', name: 'Di', age: 25, city: 'gz', tags: ['run'], scores: [99, 70, 88], pet: null, email: 'di@x', items: [{ sku: 'a', n: 5 }] },
];

export function conformanceSuite(name: string, makeHarness: () => Promise<Harness>): void {
  describe(`database conformance: ${name}`, () => {
    let h: Harness;
    let db: Db;
    const ids = async (q: Promise<{ data: { _id: string }[] }>) => (await q).data.map((d) => d._id).sort();
    const where = (q: object) => ids(db.collection('conf_people').where(q).get());

    beforeEach(async () => {
      h = await makeHarness();
      db = h.db;
      await h.reset();
      for (const p of people) await db.collection('conf_people').add({ data: p });
    });

    describe('query operators', () => {
      it('eq, and equality on an array field matches an element', async () => {
        const _ = db.command;
        expect(await where({ city: 'sh' })).toEqual(['p1', 'p3']);
        expect(await where({ city: _.eq('bj') })).toEqual(['p2']);
        expect(await where({ tags: 'art' })).toEqual(['p1', 'p2']);
        expect(await where({ tags: _.eq(['art']) })).toEqual(['p2']);
      });
      it('neq also matches a missing field', async () => {
        expect(await where({ 'pet.kind': db.command.neq('cat') })).toEqual(['p2', 'p3', 'p4']);
      });
      it('lt lte gt gte compare within one type', async () => {
        const _ = db.command;
        expect(await where({ age: _.lt(21) })).toEqual(['p1']);
        expect(await where({ age: _.lte(21) })).toEqual(['p1', 'p2']);
        expect(await where({ age: _.gt(23) })).toEqual(['p4']);
        expect(await where({ age: _.gte(23) })).toEqual(['p3', 'p4']);
        expect(await where({ name: _.gt(20) })).toEqual([]);
      });
      it('in and nin', async () => {
        const _ = db.command;
        expect(await where({ city: _.in(['sh', 'gz']) })).toEqual(['p1', 'p3', 'p4']);
        expect(await where({ city: _.nin(['sh', 'gz']) })).toEqual(['p2']);
        expect(await where({ tags: _.in(['run']) })).toEqual(['p1', 'p4']);
      });
      it('and, or, nor, not at field level and at top level', async () => {
        const _ = db.command;
        expect(await where({ age: _.gt(19).and(_.lt(25)) })).toEqual(['p2', 'p3']);
        expect(await where({ age: _.lt(20).or(_.gt(24)) })).toEqual(['p1', 'p4']);
        expect(await where({ age: _.and(_.gt(19), _.lt(25)) })).toEqual(['p2', 'p3']);
        expect(
          await ids(
            db
              .collection('conf_people')
              .where(_.or([{ city: 'bj' }, { age: 25 }]))
              .get(),
          ),
        ).toEqual(['p2', 'p4']);
        expect(
          await ids(
            db
              .collection('conf_people')
              .where(_.and([{ city: 'sh' }, { age: _.gt(20) }]))
              .get(),
          ),
        ).toEqual(['p3']);
        expect(
          await ids(
            db
              .collection('conf_people')
              .where(_.nor([{ city: 'sh' }, { age: 25 }]))
              .get(),
          ),
        ).toEqual(['p2']);
        expect(await where({ age: _.not(_.gt(20)) })).toEqual(['p1']);
        expect(await where({ age: _.nor([_.lt(20), _.gt(24)]) })).toEqual(['p2', 'p3']);
      });
      it('exists, including a null value', async () => {
        const _ = db.command;
        expect(await where({ pet: _.exists(true) })).toEqual(['p1', 'p2', 'p4']);
        expect(await where({ pet: _.exists(false) })).toEqual(['p3']);
        expect(await where({ pet: null })).toEqual(['p3', 'p4']);
      });
      it('size, all, elemMatch', async () => {
        const _ = db.command;
        expect(await where({ tags: _.size(0) })).toEqual(['p3']);
        expect(await where({ scores: _.size(3) })).toEqual(['p4']);
        expect(await where({ tags: _.all(['run', 'art']) })).toEqual(['p1']);
        expect(await where({ scores: _.elemMatch(_.gt(96)) })).toEqual(['p4']);
        // The SDK cannot express a logic command inside elemMatch: it sends its internal
        // {operator, operands} object, which the server reads as element fields: nothing matches.
        expect(await where({ scores: _.elemMatch(_.gt(90).and(_.lt(96))) })).toEqual([]);
        expect(await where({ items: _.elemMatch({ sku: 'a', n: _.gt(2) }) })).toEqual(['p4']);
      });
      it('nested field paths, dotted and as nested objects, through arrays of objects', async () => {
        const _ = db.command;
        expect(await where({ 'pet.kind': 'dog' })).toEqual(['p2']);
        expect(await where({ pet: { age: _.gt(1) } })).toEqual(['p1', 'p2']);
        expect(await where({ 'items.sku': 'b' })).toEqual(['p3']);
        expect(await where({ 'scores.0': 99 })).toEqual(['p4']);
      });
    });

    describe('reads', () => {
      it('orderBy, skip, limit and field', async () => {
        const res = await db.collection('conf_people').orderBy('age', 'desc').skip(1).limit(2).field({ name: true }).get();
        expect(res.data).toEqual([
          { _id: 'p3', name: 'Cy' },
          { _id: 'p2', name: 'Bo' },
        ]);
        const byTwo = await db.collection('conf_people').orderBy('city', 'asc').orderBy('age', 'desc').get();
        expect(byTwo.data.map((d) => d._id)).toEqual(['p2', 'p4', 'p3', 'p1']);
        const excluded = await db.collection('conf_people').doc('p1').field({ tags: false, scores: false, pet: false, email: false }).get();
        expect(excluded.data).toEqual({ _id: 'p1', name: 'An', age: 19, city: 'sh' });
      });
      it('count', async () => {
        expect((await db.collection('conf_people').where({ city: 'sh' }).count()).total).toBe(2);
        expect((await db.collection('conf_people').count()).total).toBe(4);
      });
      it('doc().get() of a missing document rejects', async () => {
        const err = await db
          .collection('conf_people')
          .doc('nope')
          .get()
          .catch((e) => e);
        expect(isNotFoundError(err)).toBe(true);
      });
      it('get() returns at most 100 documents in a function, by default and with a larger limit', async () => {
        for (let i = 0; i < 120; i++) await db.collection('conf_many').add({ data: { i } });
        expect((await db.collection('conf_many').get()).data).toHaveLength(100);
        // Functions may read up to 1,000 a call when they ask (the 100 default is the SDK's).
        expect((await db.collection('conf_many').limit(1000).get()).data).toHaveLength(120);
        expect((await db.collection('conf_many').limit(5000).get()).data).toHaveLength(120);
        // limit(0) is no limit to the SDK: it asks for the default 100.
        expect((await db.collection('conf_many').limit(0).get()).data).toHaveLength(100);
        expect((await db.collection('conf_many').skip(100).get()).data).toHaveLength(20);
        expect((await db.collection('conf_many').count()).total).toBe(120);
      });
    });

    describe('writes', () => {
      it('add gives a non-sequential id and keeps dates', async () => {
        const when = new Date('2026-09-01T00:00:00Z');
        const a = await db.collection('conf_w').add({ data: { when } });
        const b = await db.collection('conf_w').add({ data: { when } });
        expect(a._id).not.toBe(b._id);
        expect(a._id.length).toBeGreaterThanOrEqual(20);
        const got = await db.collection('conf_w').doc(a._id).get();
        expect(got.data.when).toEqual(when);
      });
      it('serverDate resolves to the server clock, with an offset', async () => {
        const before = Date.now();
        const { _id } = await db.collection('conf_w').add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60000 }) } });
        const { data } = await db.collection('conf_w').doc(_id).get();
        const at = (data.at as Date).getTime();
        if (!h.advanceClock) expect(at).toBeGreaterThanOrEqual(before - 5000);
        expect((data.later as Date).getTime() - at).toBe(60000);
      });
      it('update merges nested objects; _.set replaces them', async () => {
        const people = db.collection('conf_people');
        await people.doc('p1').update({ data: { pet: { age: 3 } } });
        expect((await people.doc('p1').get()).data.pet).toEqual({ kind: 'cat', age: 3 });
        await people.doc('p1').update({ data: { pet: db.command.set({ age: 4 }) } });
        expect((await people.doc('p1').get()).data.pet).toEqual({ age: 4 });
      });
      it('update operators: remove inc mul min max', async () => {
        const _ = db.command;
        const doc = db.collection('conf_people').doc('p1');
        await doc.update({ data: { email: _.remove(), age: _.inc(2), 'pet.age': _.mul(3), n: _.inc(5) } });
        let d = (await doc.get()).data;
        expect(d.email).toBeUndefined();
        expect([d.age, (d.pet as { age: number }).age, d.n]).toEqual([21, 6, 5]);
        await doc.update({ data: { age: _.min(20), n: _.max(9) } });
        await doc.update({ data: { age: _.min(30), n: _.max(1) } });
        d = (await doc.get()).data;
        expect([d.age, d.n]).toEqual([20, 9]);
      });
      it('array operators: push pop shift unshift addToSet pull pullAll', async () => {
        const _ = db.command;
        const doc = db.collection('conf_people').doc('p4');
        const scores = async () => (await doc.get()).data.scores;
        await doc.update({ data: { scores: _.push([1, 2]) } });
        expect(await scores()).toEqual([99, 70, 88, 1, 2]);
        await doc.update({ data: { scores: _.push({ each: [50], position: 0, sort: -1, slice: 4 }) } });
        expect(await scores()).toEqual([99, 88, 70, 50]);
        await doc.update({ data: { scores: _.pop() } });
        await doc.update({ data: { scores: _.shift() } });
        expect(await scores()).toEqual([88, 70]);
        await doc.update({ data: { scores: _.unshift([7, 8]) } });
        expect(await scores()).toEqual([7, 8, 88, 70]);
        await doc.update({ data: { scores: _.addToSet(8) } });
        await doc.update({ data: { scores: _.addToSet({ each: [8, 9] }) } });
        expect(await scores()).toEqual([7, 8, 88, 70, 9]);
        await doc.update({ data: { scores: _.pull(_.gt(80)) } });
        expect(await scores()).toEqual([7, 8, 70, 9]);
        await doc.update({ data: { scores: _.pullAll([7, 9]) } });
        expect(await scores()).toEqual([8, 70]);
        await doc.update({ data: { items: _.pull({ sku: 'a' }) } });
        expect((await doc.get()).data.items).toEqual([]);
      });
      it('stats.updated counts documents that changed, not those matched', async () => {
        const people = db.collection('conf_people');
        expect((await people.where({ city: 'sh' }).update({ data: { flag: true } })).stats.updated).toBe(2);
        expect((await people.where({ city: 'sh' }).update({ data: { flag: true } })).stats.updated).toBe(0);
        expect((await people.doc('p2').update({ data: { city: 'bj' } })).stats.updated).toBe(0);
        expect((await people.doc('none').update({ data: { city: 'bj' } })).stats.updated).toBe(0);
      });
      it('a conditional inc takes a seat only while seats are left', async () => {
        const _ = db.command;
        await db.collection('conf_groups').add({ data: { _id: 'g', taken: 0, size: 3 } });
        const take = () =>
          db
            .collection('conf_groups')
            .where({ _id: 'g', taken: _.lt(3) })
            .update({ data: { taken: _.inc(1) } });
        const results = await Promise.all(Array.from({ length: 10 }, take));
        expect(results.filter((r) => r.stats.updated === 1)).toHaveLength(3);
        expect((await db.collection('conf_groups').doc('g').get()).data.taken).toBe(3);
      });
      it('set creates or replaces; remove reports what it removed', async () => {
        const doc = db.collection('conf_people').doc('p9');
        expect((await doc.set({ data: { name: 'Ed' } })).stats).toMatchObject({ created: 1 });
        expect((await doc.set({ data: { city: 'sh' } })).stats).toMatchObject({ updated: 1 });
        expect((await doc.get()).data).toEqual({ _id: 'p9', city: 'sh' });
        expect((await doc.remove()).stats.removed).toBe(1);
        expect((await doc.remove()).stats.removed).toBe(0);
        expect((await db.collection('conf_people').where({ city: 'sh' }).remove()).stats.removed).toBe(2);
      });
      it('a unique index refuses a duplicate, and a missing field counts as null', async () => {
        const seats = db.collection('conf_seats');
        await seats.add({ data: { requestId: 'r1' } });
        expect(isDuplicateKeyError(await seats.add({ data: { requestId: 'r1' } }).catch((e) => e))).toBe(true);
        await seats.add({ data: { other: 1 } });
        expect(isDuplicateKeyError(await seats.add({ data: { other: 2 } }).catch((e) => e))).toBe(true);
        expect(
          isDuplicateKeyError(
            await db
              .collection('conf_people')
              .doc('p2')
              .update({ data: { email: 'an@x' } })
              .catch((e) => e),
          ),
        ).toBe(true);
        expect((await seats.count()).total).toBe(2);
      });
      it('a duplicate _id is refused', async () => {
        const err = await db
          .collection('conf_people')
          .add({ data: { _id: 'p1' } })
          .catch((e) => e);
        expect(isDuplicateKeyError(err)).toBe(true);
      });
    });

    transactionTests(() => db, ids);
    aggregateTests(() => db);
  });
}
