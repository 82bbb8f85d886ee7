// Documented aggregation stages that reshape across documents: lookup (the simple form) and
// unwind (string and object forms). Test names cite their page (see documented.ts).
import type { DocumentedCases } from './documented';

const A = 'doc_a';
const B = 'doc_b';

export const joinStageCases: DocumentedCases = (fx) => {
  const orders = [
    { _id: 'o1', item: 'almonds', n: 2 },
    { _id: 'o2', item: 'pecans', n: 1 },
    { _id: 'o3', n: 9 },
  ];
  const stock = [
    { _id: 's1', sku: 'almonds', left: 120 },
    { _id: 's2', sku: 'bread', left: 80 },
    { _id: 's3', sku: 'pecans', left: 70 },
    { _id: 's4', left: 0 },
  ];
  const lookup = { from: B, localField: 'item', foreignField: 'sku', as: 'inventory' };

  it('wx:aggregate/Aggregate.lookup — joins the documents of another collection whose foreignField equals localField', async () => {
    const f = fx();
    await f.seed(A, orders);
    await f.seed(B, stock);
    const { list } = await f.pipeline(A).match({ _id: 'o1' }).lookup(lookup).end();
    expect(list).toEqual([{ ...orders[0], inventory: [stock[0]] }]);
  });

  it('mdb:operator/aggregation/lookup — a missing localField matches foreign documents whose foreignField is missing or null', async () => {
    const f = fx();
    await f.seed(A, orders);
    await f.seed(B, stock);
    const { list } = await f.pipeline(A).match({ _id: 'o3' }).lookup(lookup).end();
    expect(list[0].inventory).toEqual([stock[3]]);
  });

  it('mdb:operator/aggregation/lookup — an array localField matches any of its elements; no match gives []', async () => {
    const f = fx();
    await f.seed(A, [
      { _id: 'm', item: ['bread', 'pecans'] },
      { _id: 'z', item: 'caviar' },
    ]);
    await f.seed(B, stock);
    const { list } = await f.pipeline(A).lookup(lookup).sort({ _id: 1 }).end();
    expect((list[0].inventory as Array<{ _id: string }>).map((d) => d._id).sort()).toEqual(['s2', 's3']);
    expect(list[1].inventory).toEqual([]);
  });

  const carts = [{ _id: 'c1', items: ['a', 'b'] }, { _id: 'c2', items: [] }, { _id: 'c3', items: null }, { _id: 'c4' }, { _id: 'c5', items: 'solo' }];
  it('wx:aggregate/Aggregate.unwind — one document per element; missing, null and empty arrays are dropped', async () => {
    const f = fx();
    await f.seed(A, carts);
    const { list } = await f.pipeline(A).unwind('$items').limit(100).end();
    expect(list).toEqual([
      { _id: 'c1', items: 'a' },
      { _id: 'c1', items: 'b' },
      { _id: 'c5', items: 'solo' },
    ]);
  });

  it('wx:aggregate/Aggregate.unwind — includeArrayIndex adds each element index', async () => {
    const f = fx();
    await f.seed(A, carts);
    const { list } = await f.pipeline(A).match({ _id: 'c1' }).unwind({ path: '$items', includeArrayIndex: 'i' }).end();
    expect(list).toEqual([
      { _id: 'c1', items: 'a', i: 0 },
      { _id: 'c1', items: 'b', i: 1 },
    ]);
  });

  it('wx:aggregate/Aggregate.unwind — preserveNullAndEmptyArrays keeps documents with missing, null or empty arrays', async () => {
    const f = fx();
    await f.seed(A, carts);
    const { list } = await f.pipeline(A).unwind({ path: '$items', includeArrayIndex: 'i', preserveNullAndEmptyArrays: true }).limit(100).end();
    expect(list).toEqual([
      { _id: 'c1', items: 'a', i: 0 },
      { _id: 'c1', items: 'b', i: 1 },
      { _id: 'c2', i: null },
      { _id: 'c3', items: null, i: null },
      { _id: 'c4', i: null },
      { _id: 'c5', items: 'solo', i: null },
    ]);
  });
};
