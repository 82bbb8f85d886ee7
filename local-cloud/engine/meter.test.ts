// The meter counts what WeChat Cloud would bill: one operation per round trip.
import { testCloud } from '../testing';
import { metered } from './meter';

it('counts each round trip once, per request: a query is 1 read, a transaction of two writes is 2 reads + 4 writes', async () => {
  const { cloud } = await testCloud({ seed: false });
  await cloud.db.createCollection('things');
  const db = cloud.db;
  const first = await metered(async () => {
    for (let i = 0; i < 30; i++) await db.collection('things').add({ data: { _id: `t${i}`, n: i } });
  });
  expect(first.ops).toEqual({ reads: 0, writes: 30, scanned: 0 });

  // A query returning 5 of 30 with no index on n: 1 read, and all 30 rows looked at.
  const query = await metered(() =>
    db
      .collection('things')
      .where({ n: db.command.lt(5) })
      .get(),
  );
  expect(query.ops).toEqual({ reads: 1, writes: 0, scanned: 30 });
  // By id: one row.
  expect((await metered(() => db.collection('things').doc('t7').get())).ops).toEqual({ reads: 1, writes: 0, scanned: 1 });

  // start, get, get, update, update, commit.
  const tx = await metered(() =>
    db.runTransaction(async (t) => {
      await t.collection('things').doc('t1').get();
      await t.collection('things').doc('t2').get();
      await t
        .collection('things')
        .doc('t1')
        .update({ data: { n: 100 } });
      await t
        .collection('things')
        .doc('t2')
        .update({ data: { n: 200 } });
    }),
  );
  expect(tx.ops).toMatchObject({ reads: 2, writes: 4 });

  // Two requests at once keep their own counts.
  const [a, b] = await Promise.all([
    metered(() => db.collection('things').doc('t3').get()),
    metered(async () => {
      await db.collection('things').doc('t4').get();
      await db.collection('things').doc('t5').get();
    }),
  ]);
  expect([a.ops.reads, b.ops.reads]).toEqual([1, 2]);
});
