// catalog.search on the demo world (its products carry terms from the seed) and on products a
// merchant saves: Chinese by bigrams, title matches first, only products on sale, pages that
// show each product once.
import { PAGE_SIZE, type ProductCard } from '../../core/contracts/catalog';
import { testCloud } from '../../local-cloud/testing';
import { listedKey, type ProductDoc } from '../../server/catalog/products';
import { backfillSearchTerms } from '../../server/catalog/search';

type Page = { items: ProductCard[]; nextCursor: string | null };
const STUDENT = 'demo-student-1';
const MERCHANT = 'demo-merchant-2';

async function demo() {
  const t = await testCloud();
  const search = async (q: string, cursor?: string) => {
    const r = await t.call<Page>('catalog', STUDENT, { action: 'search', q, ...(cursor ? { cursor } : {}) });
    if (!r.ok) throw new Error(r.message);
    return r.data;
  };
  const ids = async (q: string) => (await search(q)).items.map((p) => p.id);
  let n = 0;
  const save = async (fields: { title: string; subtitle?: string; description?: string; category?: string }) => {
    t.clock.advance(1000);
    const r = await t.call<{ productId: string }>('merchant', MERCHANT, {
      action: 'saveProduct',
      requestId: `search-req-${n++}`,
      images: ['/files/products/x.png'],
      priceFen: 990,
      stock: 5,
      category: '文具',
      subtitle: '',
      description: '',
      ...fields,
    });
    if (!r.ok) throw new Error(r.message);
    return r.data.productId;
  };
  return { ...t, search, ids, save };
}

describe('catalog search', () => {
  it('finds the lamp by 台灯, by two characters from the middle of its title, and by its ASCII word', async () => {
    const t = await demo();
    expect(await t.ids('台灯')).toEqual(['p-lamp']);
    expect(await t.ids('眼台')).toEqual(['p-lamp']);
    expect(await t.ids('led')).toEqual(['p-lamp']);
    expect(await t.ids('LED 护眼')).toEqual(['p-lamp']);
    const [card] = (await t.search('台灯')).items;
    expect(card).toMatchObject({ title: 'LED 护眼台灯', priceFen: 6900, merchantName: '青柠文创' });
  });

  it('answers an empty list for a query nothing matches, or one with no letters', async () => {
    const t = await demo();
    expect(await t.search('火箭发动机')).toEqual({ items: [], nextCursor: null });
    expect(await t.search('！？')).toEqual({ items: [], nextCursor: null });
    const blank = await t.call('catalog', STUDENT, { action: 'search', q: '   ' });
    expect(blank).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(blank.ok ? '' : blank.message).toContain('请输入关键词');
  });

  it('ranks title matches above matches in the subtitle, category or description, newest first within each', async () => {
    const t = await demo();
    const inDescription = await t.save({ title: '笔记本支架', description: '放在台灯旁边刚好' });
    const inSubtitle = await t.save({ title: '桌面收纳', subtitle: '台灯下的小空间' });
    const inTitle = await t.save({ title: '迷你台灯' });
    // Newer products found elsewhere still come after every title match.
    expect(await t.ids('台灯')).toEqual([inTitle, 'p-lamp', inSubtitle, inDescription]);
    // The category's name is searchable too (文具 is 学习文具).
    expect(await t.ids('学习文具')).toEqual(expect.arrayContaining(['p-notebook', 'p-pens', inDescription]));
  });

  it('finds a product by its new title after an edit, and not once it is unlisted', async () => {
    const t = await demo();
    const id = await t.save({ title: '复古闹钟' });
    expect(await t.ids('闹钟')).toEqual([id]);
    const edit = await t.call('merchant', MERCHANT, {
      action: 'saveProduct',
      productId: id,
      requestId: 'search-edit-1',
      title: '复古座钟',
      subtitle: '',
      description: '',
      images: ['/files/products/x.png'],
      priceFen: 990,
      stock: 5,
      expectedStock: 5,
      category: '文具',
    });
    expect(edit).toMatchObject({ ok: true });
    expect(await t.ids('闹钟')).toEqual([]);
    expect(await t.ids('座钟')).toEqual([id]);
    await t.call('merchant', MERCHANT, { action: 'setProductStatus', productId: id, status: 'off_sale' });
    expect(await t.ids('座钟')).toEqual([]);
  });

  it('pages through every match once, title matches first, with a stable cursor', async () => {
    const t = await demo();
    const titled: string[] = [];
    const described: string[] = [];
    for (let i = 0; i < PAGE_SIZE + 3; i++) titled.unshift(await t.save({ title: `抽屉盒 ${i} 号` }));
    for (let i = 0; i < PAGE_SIZE + 1; i++) described.unshift(await t.save({ title: `文件夹 ${i}`, description: '可以当抽屉用' }));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await t.search('抽屉', cursor);
      expect(page.items.length).toBeLessThanOrEqual(PAGE_SIZE);
      seen.push(...page.items.map((p) => p.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...titled, ...described]);
  });

  it('gives products saved without terms (an older database) their terms, and old category ids their new ones', async () => {
    const t = await testCloud({ seed: false });
    await t.cloud.db.collection('merchants').add({ data: { _id: 'fx-shop', name: '旧店', logo: '', campusId: 'fx', ownerOpenid: 'fx-owner' } });
    const old = {
      _id: 'fx-old',
      merchantId: 'fx-shop',
      title: '折叠台灯',
      subtitle: '',
      description: '',
      priceFen: 100,
      originalPriceFen: null,
      images: [],
      stock: 1,
    };
    await t.cloud.db
      .collection('products')
      .add({ data: { ...old, category: 'dorm', status: 'on_sale', listedKey: listedKey(1, 'fx-old'), createdAt: new Date(0) } });
    const before = await t.call<Page>('catalog', STUDENT, { action: 'search', q: '台灯' });
    expect(before.ok && before.data.items).toEqual([]);
    expect(await backfillSearchTerms(t.cloud.db)).toBe(1);
    expect(await backfillSearchTerms(t.cloud.db)).toBe(0);
    const after = await t.call<Page>('catalog', STUDENT, { action: 'search', q: '宿舍 台灯' });
    expect(after.ok && after.data.items.map((p) => p.id)).toEqual(['fx-old']);
    const doc = (await t.cloud.db.collection<ProductDoc>('products').doc('fx-old').get()).data;
    expect(doc.category).toBe('日用');
  });
});
