// Conformance: transactions (single-document operations, rollback, conflicts).
import type { Db } from '../../server/db/types';

export function transactionTests(getDb: () => Db, ids: (q: Promise<{ data: { _id: string }[] }>) => Promise<string[]>): void {
  let db: Db;
  beforeEach(() => {
    db = getDb();
  });
  describe('transactions', () => {
    it('commits single-document operations together', async () => {
      const out = await db.runTransaction(async (tx) => {
        const a = await tx.collection('conf_people').doc('p1').get();
        await tx
          .collection('conf_people')
          .doc('p1')
          .update({ data: { age: (a.data.age as number) + 1 } });
        await tx.collection('conf_people').doc('p2').remove();
        await tx.collection('conf_people').add({ data: { _id: 'p5', name: 'Ek' } });
        return 'done';
      });
      expect(out).toBe('done');
      expect(await ids(db.collection('conf_people').get())).toEqual(['p1', 'p3', 'p4', 'p5']);
      expect((await db.collection('conf_people').doc('p1').get()).data.age).toBe(20);
    });
    it('rolls everything back when the callback throws, and on rollback()', async () => {
      const failed = await db
        .runTransaction(async (tx) => {
          await tx
            .collection('conf_people')
            .doc('p1')
            .update({ data: { age: 99 } });
          throw new Error('boom');
        })
        .catch((e) => e);
      expect(failed.message).toBe('boom');
      const rolled = await db
        .runTransaction(async (tx) => {
          await tx
            .collection('conf_people')
            .doc('p1')
            .update({ data: { age: 98 } });
          await tx.rollback('no stock');
        })
        .catch((e) => e);
      expect(rolled).toBe('no stock');
      expect((await db.collection('conf_people').doc('p1').get()).data.age).toBe(19);
    });
    it('refuses where() inside a transaction', async () => {
      const err = await db
        .runTransaction(async (tx) => {
          await (tx.collection('conf_people') as unknown as { where(q: object): { get(): Promise<unknown> } }).where({ city: 'sh' }).get();
        }, 0)
        .catch((e) => e);
      expect(String(err.message ?? err.errMsg)).toMatch(/single|where/i);
    });
    it('startTransaction commits or rolls back by hand', async () => {
      const tx = await db.startTransaction();
      await tx
        .collection('conf_people')
        .doc('p1')
        .update({ data: { age: 40 } });
      expect((await db.collection('conf_people').doc('p1').get()).data.age).toBe(19);
      await tx.commit();
      expect((await db.collection('conf_people').doc('p1').get()).data.age).toBe(40);
      const tx2 = await db.startTransaction();
      await tx2
        .collection('conf_people')
        .doc('p1')
        .update({ data: { age: 41 } });
      await tx2.rollback();
      expect((await db.collection('conf_people').doc('p1').get()).data.age).toBe(40);
    });
    it('two transactions writing one document do not both win: increments are never lost', async () => {
      await db.collection('conf_groups').add({ data: { _id: 'c', n: 0 } });
      const bump = () =>
        db.runTransaction(async (tx) => {
          const { data } = await tx.collection('conf_groups').doc('c').get();
          await new Promise((r) => setTimeout(r, 1));
          await tx
            .collection('conf_groups')
            .doc('c')
            .update({ data: { n: (data.n as number) + 1 } });
        }, 20);
      const results = await Promise.allSettled(Array.from({ length: 5 }, bump));
      const ok = results.filter((r) => r.status === 'fulfilled').length;
      expect((await db.collection('conf_groups').doc('c').get()).data.n).toBe(ok);
    });
  });
}
