// Documented transaction behaviour (wxguide:transaction: snapshot isolation, single-document
// operations, transaction locks) and runTransaction's contract. Test names cite their page
// (see documented.ts).
import type { Transaction } from '../../server/db/types';
import { type DocumentedCases, failure } from './documented';

const T = 'doc_tx';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Where a promise stands after `ms`: settled one way or the other, or still pending. */
const stateAfter = (p: Promise<unknown>, ms: number) =>
  Promise.race([
    p.then(
      () => 'resolved',
      () => 'rejected',
    ),
    sleep(ms).then(() => 'pending'),
  ]);

type WhereTx = { collection(name: string): { where(q: object): { get(): Promise<unknown>; update(o: object): Promise<{ stats: { updated: number } }> } } };

export const transactionCases: DocumentedCases = (fx) => {
  const seed = () =>
    fx().seed(T, [
      { _id: 'x', n: 0 },
      { _id: 'y', n: 0 },
    ]);
  const n = async (id = 'x') => (await fx().read(T, id)).n;

  it('wxguide:transaction — where().get() inside a transaction is refused (single-document operations only)', async () => {
    const f = fx();
    await seed();
    const err = await failure(f.db.runTransaction(async (tx) => (tx as unknown as WhereTx).collection(T).where({ n: 0 }).get(), 0));
    expect(err).toMatch(/single|where/i);
  });

  it('sdk: where().update() on a transaction collection is sent without the transaction: it applies at once and survives the rollback', async () => {
    // wxguide:transaction allows single-document operations only; the SDK's Query.update() drops
    // the transaction id, so the server sees a plain multi-document update (not refusable here).
    const f = fx();
    await seed();
    const tx = await f.db.startTransaction();
    const res = await (tx as unknown as WhereTx)
      .collection(T)
      .where({ n: 0 })
      .update({ data: { n: 1 } });
    expect(res).toMatchObject({ stats: { updated: 2 } });
    await tx.rollback();
    expect([await n('x'), await n('y')]).toEqual([1, 1]);
  });

  it('wxguide:transaction — a transaction reads its own writes; others see them only after commit', async () => {
    const f = fx();
    await seed();
    const tx = await f.db.startTransaction();
    await tx
      .collection(T)
      .doc('x')
      .update({ data: { n: 5 } });
    expect((await tx.collection(T).doc('x').get()).data.n).toBe(5);
    expect(await n()).toBe(0);
    await tx.commit();
    expect(await n()).toBe(5);
  });

  it('wxguide:transaction — reads return the snapshot taken at the first read', async () => {
    const f = fx();
    await seed();
    const tx = await f.db.startTransaction();
    expect((await tx.collection(T).doc('y').get()).data.n).toBe(0);
    await f.db
      .collection(T)
      .doc('y')
      .update({ data: { n: 7 } });
    expect((await tx.collection(T).doc('y').get()).data.n).toBe(0);
    await tx.rollback();
  });

  it('wxguide:transaction — without throwOnNotFound: false, doc().get() of a missing document inside a transaction rejects', async () => {
    const f = fx();
    await seed();
    const err = await failure(f.db.runTransaction(async (tx) => tx.collection(T).doc('none').get(), 0));
    expect(err).toMatch(/not exist/);
  });

  it('wxguide:transaction — another transaction writing a locked document fails at once', async () => {
    const f = fx();
    await seed();
    const first = await f.db.startTransaction();
    await first
      .collection(T)
      .doc('x')
      .update({ data: { n: 1 } });
    const second = await f.db.startTransaction();
    const write = second
      .collection(T)
      .doc('x')
      .update({ data: { n: 2 } });
    expect(await stateAfter(write, 500)).toBe('rejected');
    await second.rollback();
    await first.commit();
    expect(await n()).toBe(1);
  });

  it('wxguide:transaction — a plain update of a locked document waits for the commit, then applies on top', async () => {
    const f = fx();
    await seed();
    const tx = await f.db.startTransaction();
    await tx
      .collection(T)
      .doc('x')
      .update({ data: { n: 10 } });
    const plain = f.db
      .collection(T)
      .doc('x')
      .update({ data: { n: f._.inc(1) } });
    expect(await stateAfter(plain, 50)).toBe('pending');
    await tx.commit();
    expect((await plain).stats.updated).toBe(1);
    expect(await n()).toBe(11);
  });

  it('wxguide:transaction — a plain update waiting on a lock applies to the original after a rollback', async () => {
    const f = fx();
    await seed();
    const tx = await f.db.startTransaction();
    await tx
      .collection(T)
      .doc('x')
      .update({ data: { n: 10 } });
    const plain = f.db
      .collection(T)
      .where({ n: 0 })
      .update({ data: { n: f._.inc(1) } });
    expect(await stateAfter(plain, 50)).toBe('pending');
    await tx.rollback();
    await plain;
    expect([await n('x'), await n('y')]).toEqual([1, 1]);
  });

  it('wx:Database.runTransaction — resolves with the callback result; add, set, update and remove commit together', async () => {
    const f = fx();
    await seed();
    const result = await f.db.runTransaction(async (tx: Transaction) => {
      await tx.collection(T).add({ data: { _id: 'z', n: 3 } });
      await tx
        .collection(T)
        .doc('x')
        .set({ data: { n: 4 } });
      await tx
        .collection(T)
        .doc('y')
        .update({ data: { m: 1 } });
      await tx.collection(T).doc('z').remove();
      return 'done';
    });
    expect(result).toBe('done');
    expect(await f.read(T, 'x')).toEqual({ _id: 'x', n: 4 });
    expect(await f.read(T, 'y')).toEqual({ _id: 'y', n: 0, m: 1 });
    expect((await f.db.collection(T).count()).total).toBe(2);
  });

  it('wx:Database.runTransaction — rollback(reason) rejects with that reason and writes nothing', async () => {
    const f = fx();
    await seed();
    const reason = { code: 'NO_STOCK' };
    const rejected = await f.db
      .runTransaction(async (tx) => {
        await tx
          .collection(T)
          .doc('x')
          .update({ data: { n: 9 } });
        await tx.rollback(reason);
      })
      .catch((e) => e);
    expect(rejected).toEqual(reason);
    expect(await n()).toBe(0);
  });

  it('wx:Database.runTransaction — an error thrown by the callback rejects without a retry', async () => {
    const f = fx();
    await seed();
    let attempts = 0;
    const rejected = await f.db
      .runTransaction(async (tx) => {
        attempts++;
        await tx
          .collection(T)
          .doc('x')
          .update({ data: { n: 9 } });
        throw new Error('boom');
      })
      .catch((e) => e);
    expect((rejected as Error).message).toBe('boom');
    expect(attempts).toBe(1);
    expect(await n()).toBe(0);
  });

  it('mdbc:transactions-production-consideration — a write to a document changed outside since the read conflicts; runTransaction retries it', async () => {
    const f = fx();
    await seed();
    let attempts = 0;
    await f.db.runTransaction(async (tx) => {
      attempts++;
      const { data } = await tx.collection(T).doc('x').get();
      if (attempts === 1) {
        await f.db
          .collection(T)
          .doc('x')
          .update({ data: { n: 100 } });
      }
      await tx
        .collection(T)
        .doc('x')
        .update({ data: { n: (data.n as number) + 1 } });
    });
    expect(attempts).toBe(2);
    expect(await n()).toBe(101);
  });

  it('sdk: runTransaction(fn, times) gives up on conflicts after times + 1 runs and rejects', async () => {
    const f = fx();
    await seed();
    let attempts = 0;
    const err = await failure(
      f.db.runTransaction(async (tx) => {
        attempts++;
        await tx.collection(T).doc('x').get();
        await f.db
          .collection(T)
          .doc('x')
          .update({ data: { n: f._.inc(1) } });
        await tx
          .collection(T)
          .doc('x')
          .update({ data: { n: -1 } });
      }, 2),
    );
    expect(err).toBeTruthy();
    expect(attempts).toBe(3);
    expect(await n()).toBe(3);
  });
};
