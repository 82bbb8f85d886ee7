import { PAGE_SIZE, type ProductCard } from '../../core/contracts/catalog';
import { testCloud } from '../../local-cloud/testing';
import { listedKey } from '../../server/catalog/products';

describe('catalog function', () => {
  it('lists the seeded products newest first, by category, with merchant names', async () => {
    const { call } = await testCloud();
    const all = await call<{ items: ProductCard[]; nextCursor: string | null }>('catalog', 'demo-student-1', { action: 'listProducts' });
    if (!all.ok) throw new Error(all.message);
    expect(all.data.items.length).toBeGreaterThan(5);
    expect(all.data.items[0]).toMatchObject({ id: 'p-sparkling', priceFen: 3990, merchantName: '云朵便利店' });
    const stationery = await call<{ items: ProductCard[] }>('catalog', 'demo-student-1', { action: 'listProducts', category: 'stationery' });
    expect(stationery.ok && stationery.data.items.map((p) => p.id)).toEqual(['p-notebook', 'p-pens']);
  });

  it('pages with a cursor through every product exactly once', async () => {
    const { call, cloud } = await testCloud();
    for (let i = 0; i < 25; i++) {
      await cloud.db.collection('products').add({
        data: {
          _id: `extra-${i}`,
          merchantId: 'm-yunduo',
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
      const res = await call<{ items: ProductCard[]; nextCursor: string | null }>('catalog', 'demo-student-1', {
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
    expect(seen).toHaveLength((await cloud.db.collection('products').count()).total);
  });

  it('getProduct returns details or NOT_FOUND', async () => {
    const { call } = await testCloud();
    expect(await call('catalog', 'demo-student-1', { action: 'getProduct', productId: 'p-lamp' })).toMatchObject({
      ok: true,
      data: { title: 'LED 护眼台灯', priceFen: 6900, merchant: { name: '青柠文创' }, images: ['/assets/products/p-lamp.svg'] },
    });
    expect(await call('catalog', 'demo-student-1', { action: 'getProduct', productId: 'nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('catalog', 'demo-student-1', { action: 'getProduct' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});
