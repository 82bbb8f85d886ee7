// What the catalog page costs in database round trips (5-20 ms each in WeChat): the same number
// however many cards it shows. The world is built twice, with a short and a full page; the counts
// are equal and equal to the hand count in the comment, so a read per card fails here.
import { PAGE_SIZE, type ProductCard } from '../../core/contracts/catalog';
import { testCloud } from '../../local-cloud/testing';
import { listedKey } from '../../server/catalog/products';
import { termsOf } from '../../server/catalog/search';

const SHOPS = [
  ['fx-shop-a', '甲小店'],
  ['fx-shop-b', '乙文创'],
  ['fx-shop-c', '丙运动'],
];

/** `n` products on sale, listed a minute apart, from the three shops in turn. */
async function shelf(n: number) {
  const t = await testCloud({ seed: false });
  for (const [id, name] of SHOPS)
    await t.cloud.db.collection('merchants').add({ data: { _id: id, name, logo: '', campusId: 'fx-campus', ownerOpenid: `${id}-owner` } });
  for (let i = 0; i < n; i++) {
    const listedAt = t.clock.now() - i * 60_000;
    const id = `fx-p${i}`;
    await t.cloud.db.collection('products').add({
      data: {
        _id: id,
        merchantId: SHOPS[i % 3][0],
        title: `商品${i}`,
        subtitle: '',
        description: '',
        category: 'life',
        priceFen: 100 + i,
        originalPriceFen: null,
        images: [],
        status: 'on_sale',
        listedKey: listedKey(listedAt, id),
        createdAt: new Date(listedAt),
      },
    });
  }
  return t;
}

describe('the catalog costs the same whatever its length', () => {
  it('listProducts: 2 reads for 2 cards and for a full page (products, their shops)', async () => {
    const page = async (n: number) => {
      const t = await shelf(n);
      const m = await t.callMetered<{ items: ProductCard[] }>('catalog', 'fx-buyer', { action: 'listProducts' });
      t.dispose();
      return m;
    };
    const [small, large] = [await page(2), await page(PAGE_SIZE + 2)];
    if (!small.result.ok || !large.result.ok) throw new Error('listProducts failed');
    expect([small.result.data.items.length, large.result.data.items.length]).toEqual([2, PAGE_SIZE]);
    // Each card names its own shop.
    expect(large.result.data.items.map((p) => p.merchantName)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => SHOPS[i % 3][1]));
    // 1 products query (a page and one more, for the cursor) + 1 shops (merchants `_.in`).
    expect([small.ops.reads, large.ops.reads]).toEqual([2, 2]);
    expect([small.ops.writes, large.ops.writes]).toEqual([0, 0]);
  });
});

describe('search costs the same whatever it finds', () => {
  /** `inTitle` products with 台灯 in the title and `elsewhere` with it in the description, on sale, from the three shops. */
  async function lamps(inTitle: number, elsewhere: number) {
    const t = await testCloud({ seed: false });
    for (const [id, name] of SHOPS)
      await t.cloud.db.collection('merchants').add({ data: { _id: id, name, logo: '', campusId: 'fx-campus', ownerOpenid: `${id}-owner` } });
    for (let i = 0; i < inTitle + elsewhere; i++) {
      const id = `fx-lamp${i}`;
      const text = i < inTitle ? { title: `台灯${i}`, description: '' } : { title: `灯罩${i}`, description: '配台灯用' };
      const p = { ...text, subtitle: '', category: '日用' };
      await t.cloud.db.collection('products').add({
        data: {
          _id: id,
          merchantId: SHOPS[i % 3][0],
          ...p,
          terms: termsOf(p),
          priceFen: 100,
          originalPriceFen: null,
          images: [],
          stock: 1,
          status: 'on_sale',
          listedKey: listedKey(t.clock.now() - i * 60_000, id),
          createdAt: new Date(0),
        },
      });
    }
    return t;
  }

  it('search: 3 reads for a short answer and for a full page that ends where title matches end (title part, the rest, shops)', async () => {
    const run = async (inTitle: number, elsewhere: number) => {
      const t = await lamps(inTitle, elsewhere);
      const m = await t.callMetered<{ items: ProductCard[]; nextCursor: string | null }>('catalog', 'fx-buyer', { action: 'search', q: '台灯' });
      const next =
        m.result.ok && m.result.data.nextCursor
          ? await t.call<{ items: ProductCard[] }>('catalog', 'fx-buyer', { action: 'search', q: '台灯', cursor: m.result.data.nextCursor })
          : null;
      t.dispose();
      return { ...m, next };
    };
    const [small, large] = [await run(2, 1), await run(PAGE_SIZE, 3)];
    if (!small.result.ok || !large.result.ok) throw new Error('search failed');
    expect(small.result.data.items.map((p) => p.title)).toEqual(['台灯0', '台灯1', '灯罩2']);
    expect(large.result.data.items.map((p) => p.title)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => `台灯${i}`));
    // The next page starts with the products found in their description.
    expect(large.next?.ok && large.next.data.items.map((p) => p.title)).toEqual([`灯罩${PAGE_SIZE}`, `灯罩${PAGE_SIZE + 1}`, `灯罩${PAGE_SIZE + 2}`]);
    // 1 products query with the title's terms + 1 with the others' (one row when the page is full) + 1 shops.
    expect([small.ops.reads, large.ops.reads]).toEqual([3, 3]);
    expect([small.ops.writes, large.ops.writes]).toEqual([0, 0]);
  });
});
