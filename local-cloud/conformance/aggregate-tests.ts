// Conformance: aggregation pipelines and their default limit.
import type { Db } from '../../server/db/types';

export function aggregateTests(getDb: () => Db): void {
  let db: Db;
  beforeEach(() => {
    db = getDb();
  });
  describe('aggregate', () => {
    it('match group sort', async () => {
      const $ = db.command.aggregate;
      const { list } = await db
        .collection('conf_people')
        .aggregate()
        .match({ age: db.command.gt(18) })
        .group({ _id: '$city', n: $.sum(1), avgAge: $.avg('$age'), names: $.push('$name') })
        .sort({ n: -1, _id: 1 })
        .end();
      expect(list).toEqual([
        { _id: 'sh', n: 2, avgAge: 21, names: ['An', 'Cy'] },
        { _id: 'bj', n: 1, avgAge: 21, names: ['Bo'] },
        { _id: 'gz', n: 1, avgAge: 25, names: ['Di'] },
      ]);
    });
    it('unwind project addFields skip limit count', async () => {
      const $ = db.command.aggregate;
      const { list } = await db
        .collection('conf_people')
        .aggregate()
        .unwind('$items')
        .addFields({ total: $.multiply(['$items.n', 10]) })
        .project({ _id: 0, sku: '$items.sku', total: 1 })
        .sort({ total: 1 })
        .skip(1)
        .limit(5)
        .end();
      expect(list).toEqual([
        { sku: 'b', total: 30 },
        { sku: 'a', total: 50 },
      ]);
      const counted = await db.collection('conf_people').aggregate().match({ city: 'sh' }).count('n').end();
      expect(counted.list).toEqual([{ n: 2 }]);
    });
    it('lookup joins another collection', async () => {
      await db.collection('conf_orders').add({ data: { _id: 'o1', who: 'p1', fen: 100 } });
      await db.collection('conf_orders').add({ data: { _id: 'o2', who: 'p1', fen: 250 } });
      const { list } = await db
        .collection('conf_people')
        .aggregate()
        .match({ _id: 'p1' })
        .lookup({ from: 'conf_orders', localField: '_id', foreignField: 'who', as: 'orders' })
        .project({ _id: 1, orders: 1 })
        .end();
      expect(list[0]._id).toBe('p1');
      expect((list[0].orders as unknown[]).length).toBe(2);
    });
    it('returns 20 results unless limit is set', async () => {
      for (let i = 0; i < 30; i++) await db.collection('conf_many').add({ data: { i } });
      expect((await db.collection('conf_many').aggregate().sort({ i: 1 }).end()).list).toHaveLength(20);
      expect((await db.collection('conf_many').aggregate().sort({ i: 1 }).limit(30).end()).list).toHaveLength(30);
    });
  });
}
