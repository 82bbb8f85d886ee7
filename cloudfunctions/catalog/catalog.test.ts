import { PAGE_SIZE, type ProductCard } from '../../core/contracts/catalog';
import { testCloud } from '../../local-cloud/testing';
import { listedKey } from '../../server/catalog/products';

const BUYER = 'fx-buyer';
const HOUR = 3600_000;

/** A catalog of its own: two shops and six products on sale, listed an hour apart (the first newest). */
const SHELF = [
  { _id: 'fx-soda', merchantId: 'fx-shop-a', title: '气泡水 12瓶', category: 'snacks', priceFen: 3990 },
  { _id: 'fx-chips', merchantId: 'fx-shop-a', title: '薯片', category: 'snacks', priceFen: 990 },
  { _id: 'fx-notebook', merchantId: 'fx-shop-b', title: '活页笔记本', category: 'stationery', priceFen: 1290 },
  { _id: 'fx-pens', merchantId: 'fx-shop-b', title: '中性笔', category: 'stationery', priceFen: 1590 },
  { _id: 'fx-lamp', merchantId: 'fx-shop-b', title: '护眼台灯', category: 'life', priceFen: 6900 },
  { _id: 'fx-mat', merchantId: 'fx-shop-a', title: '瑜伽垫', category: 'sports', priceFen: 4900 },
];

async function shelf() {
  const t = await testCloud({ seed: false });
  const db = t.cloud.db;
  for (const [id, name] of [
    ['fx-shop-a', '甲小店'],
    ['fx-shop-b', '乙文创'],
  ])
    await db.collection('merchants').add({ data: { _id: id, name, logo: '', campusId: 'fx-campus', ownerOpenid: `${id}-owner` } });
  // Added oldest first, so listing newest first is the listing's doing, not the insertion order's.
  for (const [i, p] of [...SHELF.entries()].reverse()) {
    const listedAt = t.clock.now() - i * HOUR;
    await db.collection('products').add({
      data: {
        ...p,
        subtitle: '',
        description: '测试用',
        originalPriceFen: null,
        images: [`/assets/products/${p._id}.svg`],
        status: 'on_sale',
        listedKey: listedKey(listedAt, p._id),
        createdAt: new Date(listedAt),
      },
    });
  }
  return t;
}

describe('catalog function', () => {
  it('lists the products newest first, by category, with merchant names', async () => {
    const { call } = await shelf();
    const all = await call<{ items: ProductCard[]; nextCursor: string | null }>('catalog', BUYER, { action: 'listProducts' });
    if (!all.ok) throw new Error(all.message);
    expect(all.data.items.length).toBeGreaterThan(5);
    expect(all.data.items[0]).toMatchObject({ id: 'fx-soda', priceFen: 3990, merchantName: '甲小店' });
    const stationery = await call<{ items: ProductCard[] }>('catalog', BUYER, { action: 'listProducts', category: 'stationery' });
    expect(stationery.ok && stationery.data.items.map((p) => p.id)).toEqual(['fx-notebook', 'fx-pens']);
  });

  it('pages with a cursor through every product exactly once', async () => {
    const { call, cloud } = await shelf();
    for (let i = 0; i < 25; i++) {
      await cloud.db.collection('products').add({
        data: {
          _id: `extra-${i}`,
          merchantId: 'fx-shop-a',
          title: `商品${i}`,
          subtitle: '',
          description: '',
          priceFen: 100 + i,
          originalPriceFen: null,
          images: [],
          category: 'snacks',
          stock: 1,
          status: 'on_sale',
          listedKey: listedKey(1000 + i, `extra-${i}`),
          createdAt: new Date(0),
        },
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await call<{ items: ProductCard[]; nextCursor: string | null }>('catalog', BUYER, {
        action: 'listProducts',
        ...(cursor ? { cursor } : {}),
      });
      if (!res.ok) throw new Error(res.message);
      expect(res.data.items.length).toBeLessThanOrEqual(PAGE_SIZE);
      seen.push(...res.data.items.map((p) => p.id));
      if (!res.data.nextCursor) break;
      cursor = res.data.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength((await cloud.db.collection('products').count()).total); // 6 + 25 = 31: four pages
  });

  it('getProduct returns details or NOT_FOUND', async () => {
    const { call } = await shelf();
    expect(await call('catalog', BUYER, { action: 'getProduct', productId: 'fx-lamp' })).toMatchObject({
      ok: true,
      data: { title: '护眼台灯', priceFen: 6900, merchant: { name: '乙文创' }, images: ['/assets/products/fx-lamp.svg'] },
    });
    expect(await call('catalog', BUYER, { action: 'getProduct', productId: 'nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('catalog', BUYER, { action: 'getProduct' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});
