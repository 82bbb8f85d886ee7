// The merchant's products and campaigns: the product form (create once per request, edit,
// validation that writes nothing), listing and unlisting, the lists with their counters, and
// campaign changes students see at once.
import type { MerchantProductDetail, MerchantProductRow, ProductDetail } from '../../core/contracts/catalog';
import type { CampaignDetail, MerchantCampaignRow } from '../../core/contracts/groupbuy';
import type { ProductDoc } from '../../server/catalog/products';
import { OWNER, PRICE_FEN, PRODUCT, paidGroup, RIVAL, world } from '../groupbuy/fixture';

const PICS = ['/files/products/a1.png', 'cloud://env-1.7370/products/b2.jpg'];
const FORM = {
  title: '北欧风护眼台灯',
  subtitle: '宿舍夜读不伤眼',
  images: PICS,
  priceFen: 8900,
  originalPriceFen: 12900,
  stock: 10,
  category: '日用',
  description: '三档色温，USB 充电。',
  commissionRateBp: 1500,
};

type Page = { items: MerchantProductRow[]; nextCursor: string | null };

async function shop() {
  const w = await world();
  const save = (fields: Record<string, unknown>, who = OWNER) => w.call<{ productId: string }>('merchant', who, { action: 'saveProduct', ...fields });
  const detail = async (productId: string, who = OWNER) => w.call<MerchantProductDetail>('merchant', who, { action: 'getProduct', productId });
  const create = async (fields: Record<string, unknown> = {}) => {
    const made = await save({ requestId: w.rid(), ...FORM, ...fields });
    if (!made.ok) throw new Error(made.message);
    return made.data.productId;
  };
  const doc = (id: string) =>
    w.cloud.db
      .collection<ProductDoc & { stocked: number }>('products')
      .doc(id)
      .get()
      .then((r) => r.data);
  return { ...w, save, detail, create, doc };
}

describe('merchant products', () => {
  it('creates a product with two pictures once per request; students see it', async () => {
    const w = await shop();
    const made = await w.save({ requestId: 'req-create-1', ...FORM });
    expect(made).toMatchObject({ ok: true });
    const id = made.ok ? made.data.productId : '';
    // The same request again (a lost answer, a double tap) makes nothing new.
    const before = w.fingerprint();
    expect(await w.save({ requestId: 'req-create-1', ...FORM, title: '别的标题' })).toEqual({ ok: true, data: { productId: id } });
    expect(w.fingerprint()).toBe(before);

    expect(await w.detail(id)).toEqual({
      ok: true,
      data: {
        id,
        title: FORM.title,
        subtitle: FORM.subtitle,
        image: PICS[0],
        images: PICS,
        priceFen: 8900,
        originalPriceFen: 12900,
        stock: 10,
        status: 'on_sale',
        category: '日用',
        description: FORM.description,
        commissionRateBp: 1500,
        sold: 0,
      },
    });
    // Commission reads the override where it is stored (server/commission/settle.ts).
    expect(await w.doc(id)).toMatchObject({ commissionRateBp: 1500, stocked: 10, merchantId: 'fx-shop' });
    const seen = await w.call<ProductDetail>('catalog', 'fx-s1', { action: 'getProduct', productId: id });
    expect(seen).toMatchObject({ ok: true, data: { title: FORM.title, images: PICS, priceFen: 8900, merchant: { name: '测试小店' } } });
  });

  it('edits a product: text, pictures, price and stock; the edit applied once per request', async () => {
    const w = await shop();
    const id = await w.create();
    const edit = {
      productId: id,
      requestId: 'req-edit-1',
      ...FORM,
      title: '极简护眼台灯',
      images: [PICS[1]],
      priceFen: 7900,
      stock: 15,
      expectedStock: 10,
      commissionRateBp: null,
    };
    expect(await w.save(edit)).toEqual({ ok: true, data: { productId: id } });
    expect(await w.detail(id)).toMatchObject({
      ok: true,
      data: { title: '极简护眼台灯', images: [PICS[1]], priceFen: 7900, stock: 15, commissionRateBp: null },
    });
    expect(await w.doc(id)).toMatchObject({ stocked: 15 });
    const again = w.fingerprint();
    expect(await w.save({ ...edit, stock: 99 })).toEqual({ ok: true, data: { productId: id } });
    expect(w.fingerprint()).toBe(again);
  });

  it("an edited title and cover show on the product's live campaign", async () => {
    const w = await shop();
    const edit = {
      productId: PRODUCT.id,
      requestId: 'req-follow-1',
      ...FORM,
      expectedStock: FORM.stock,
      title: '新款护眼台灯',
      priceFen: 2990,
      originalPriceFen: null,
    };
    expect(await w.save(edit)).toMatchObject({ ok: true });
    const seen = await w.call<CampaignDetail>('groupbuy', 'fx-s1', { action: 'getCampaign', campaignId: w.campaignId });
    expect(seen).toMatchObject({ ok: true, data: { title: '新款护眼台灯', image: PICS[0], description: FORM.description } });
  });

  it('a stock change keeps the units orders took meanwhile', async () => {
    const w = await shop();
    const id = await w.create({ stock: 10 });
    const shown = await w.detail(id);
    expect(shown.ok && shown.data.stock).toBe(10);
    // An order takes 2 units while the merchant's form is open (as server/catalog/stock.ts takes them).
    const _ = w.cloud.db.command;
    await w.cloud.db
      .collection('products')
      .where({ _id: id, stock: _.gte(2) })
      .update({ data: { stock: _.inc(-2) } });
    // The merchant adds 5 to the 10 shown: 8 left + 5, not 15.
    expect(await w.save({ productId: id, requestId: 'req-stock-1', ...FORM, stock: 15, expectedStock: 10 })).toMatchObject({ ok: true });
    expect(await w.doc(id)).toMatchObject({ stock: 13, stocked: 15 });
    // Retrying the same save does not add the 5 again.
    expect(await w.save({ productId: id, requestId: 'req-stock-1', ...FORM, stock: 15, expectedStock: 10 })).toMatchObject({ ok: true });
    expect(await w.doc(id)).toMatchObject({ stock: 13, stocked: 15 });
    // Taking away more than is left stops at zero.
    expect(await w.save({ productId: id, requestId: 'req-stock-2', ...FORM, stock: 0, expectedStock: 20 })).toMatchObject({ ok: true });
    expect(await w.doc(id)).toMatchObject({ stock: 0, stocked: 2 });
  });

  it('unlists and lists again: an unlisted product is gone from the catalog, its page and search', async () => {
    const w = await shop();
    const id = await w.create();
    const catalogIds = async () => {
      const r = await w.call<{ items: { id: string }[] }>('catalog', 'fx-s1', { action: 'listProducts' });
      return r.ok ? r.data.items.map((p) => p.id) : [];
    };
    const searchIds = async () => {
      const r = await w.call<{ items: { id: string }[] }>('catalog', 'fx-s1', { action: 'search', q: '台灯' });
      return r.ok ? r.data.items.map((p) => p.id) : [];
    };
    expect(await catalogIds()).toContain(id);
    expect(await searchIds()).toContain(id);
    expect(await w.call('merchant', OWNER, { action: 'setProductStatus', productId: id, status: 'off_sale' })).toMatchObject({
      ok: true,
      data: { id, status: 'off_sale' },
    });
    expect(await catalogIds()).not.toContain(id);
    expect(await searchIds()).not.toContain(id);
    expect(await w.call('catalog', 'fx-s1', { action: 'getProduct', productId: id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const off = await w.call<Page>('merchant', OWNER, { action: 'listProducts', status: 'off_sale' });
    expect(off.ok && off.data.items.map((p) => p.id)).toEqual([id]);
    const on = await w.call<Page>('merchant', OWNER, { action: 'listProducts', status: 'on_sale' });
    expect(on.ok && on.data.items.map((p) => p.id)).toEqual([PRODUCT.id]);

    expect(await w.call('merchant', OWNER, { action: 'setProductStatus', productId: id, status: 'on_sale' })).toMatchObject({ ok: true });
    expect(await catalogIds()).toContain(id);
    expect(await w.call('catalog', 'fx-s1', { action: 'getProduct', productId: id })).toMatchObject({ ok: true });
  });

  it('refuses an edit that does not say the stock it showed (expectedStock), and writes nothing', async () => {
    const w = await shop();
    const id = await w.create();
    const before = w.fingerprint();
    const res = await w.save({ productId: id, requestId: w.rid(), ...FORM, stock: 15 });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(res.ok ? '' : res.message).toContain('请刷新后再保存');
    expect(w.fingerprint()).toBe(before);
  });

  it.each([
    ['a negative stock', { stock: -1 }, '库存不能为负数'],
    ['a price of 0', { priceFen: 0 }, '价格要大于 0'],
    ['an original price below the price', { originalPriceFen: 5000 }, '划线价要高于售价'],
    ['an original price equal to the price', { originalPriceFen: 8900 }, '划线价要高于售价'],
    ['10 pictures', { images: Array.from({ length: 10 }, (_, i) => `/files/products/${i}.png`) }, '最多 9 张图片'],
    ['no picture', { images: [] }, '请至少上传 1 张图片'],
    ['an empty title', { title: '   ' }, '标题至少 2 个字'],
    ['a category the app does not offer', { category: 'weapons' }, '请选择分类'],
    ['a picture that was not uploaded', { images: ['https://example.com/x.png'] }, '图片要先上传再保存'],
  ])('refuses %s, naming the field, and writes nothing', async (_name, bad, message) => {
    const w = await shop();
    const before = w.fingerprint();
    const res = await w.save({ requestId: w.rid(), ...FORM, ...bad });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(res.ok ? '' : res.message).toContain(message);
    expect(w.fingerprint()).toBe(before);
  });

  it('refuses text the content check refuses, and writes nothing', async () => {
    const w = await shop();
    const id = await w.create();
    const before = w.fingerprint();
    expect(await w.save({ requestId: w.rid(), ...FORM, description: '可以代考' })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(await w.save({ productId: id, requestId: w.rid(), ...FORM, expectedStock: 10, title: '违禁台灯' })).toMatchObject({
      ok: false,
      code: 'CONTENT_REJECTED',
    });
    expect(w.fingerprint()).toBe(before);
  });

  it('another merchant cannot see, edit or unlist your product; a student cannot save one', async () => {
    const w = await shop();
    const id = await w.create();
    const before = w.fingerprint();
    expect(await w.save({ productId: id, requestId: w.rid(), ...FORM, expectedStock: 10, priceFen: 1 }, RIVAL)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.detail(id, RIVAL)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.call('merchant', RIVAL, { action: 'setProductStatus', productId: id, status: 'off_sale' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.save({ requestId: w.rid(), ...FORM }, 'fx-s1')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(w.fingerprint()).toBe(before);
    const theirs = await w.call<Page>('merchant', RIVAL, { action: 'listProducts' });
    expect(theirs.ok && theirs.data.items).toEqual([]);
  });

  it('lists products a page at a time, each once, with units sold', async () => {
    const w = await shop();
    for (let i = 0; i < 24; i++) {
      w.clock.advance(1000);
      await w.create({ title: `收纳盒 ${i}` });
    }
    await paidGroup(w);
    const seen: MerchantProductRow[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof w.call<Page>>> = await w.call<Page>('merchant', OWNER, { action: 'listProducts', ...(cursor ? { cursor } : {}) });
      if (!page.ok) throw new Error(page.message);
      expect(page.data.items.length).toBeLessThanOrEqual(20);
      seen.push(...page.data.items);
      cursor = page.data.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen.map((p) => p.id)).size).toBe(25);
    // Newest first (the fixture's own product has a listing key of its own making).
    expect(seen.filter((p) => p.id !== PRODUCT.id).map((p) => p.title)).toEqual(Array.from({ length: 24 }, (_, i) => `收纳盒 ${23 - i}`));
    // The fixture's product sold a 2-seat group.
    expect(seen.find((p) => p.id === PRODUCT.id)).toMatchObject({ sold: 2 });
  });
});

describe('merchant products: units sold', () => {
  it('a solo buy of 2 shows as 2 sold in the list and the detail (each unit counted once)', async () => {
    const w = await shop();
    const shop0 = await w.shopFulfilment();
    const bought = await w.buy('fx-s1', 2, { type: 'pickup', pickupPointId: shop0.pickupPoints[0].id });
    if (!bought.ok) throw new Error(bought.message);
    expect(await w.pay('fx-s1', bought.data.orderId)).toMatchObject({ ok: true });
    const list = await w.call<Page>('merchant', OWNER, { action: 'listProducts' });
    expect(list.ok && list.data.items.find((p) => p.id === PRODUCT.id)).toMatchObject({ sold: 2 });
    expect(await w.detail(PRODUCT.id)).toMatchObject({ ok: true, data: { sold: 2 } });
  });
});

describe('merchant campaigns', () => {
  it('lists campaigns with their dates, units sold and groups formed', async () => {
    const w = await shop();
    await paidGroup(w);
    const list = await w.call<MerchantCampaignRow[]>('merchant', OWNER, { action: 'listCampaigns' });
    const c = await w.campaign();
    expect(list).toEqual({
      ok: true,
      data: [
        {
          id: w.campaignId,
          productId: PRODUCT.id,
          title: PRODUCT.title,
          image: '',
          groupPriceFen: PRICE_FEN,
          groupSize: 2,
          groupHours: 24,
          perStudentLimit: 2,
          stock: c.stock,
          status: 'live',
          startAt: new Date(c.startAt).getTime(),
          endAt: new Date(c.endAt).getTime(),
          sold: 2,
          groupsFormed: 1,
          courseName: null,
        },
      ],
    });
    expect(await w.call('merchant', RIVAL, { action: 'listCampaigns' })).toEqual({ ok: true, data: [] });
  });

  it('changes price, end, stock and the per-student limit; students see them at once', async () => {
    const w = await shop();
    const endAt = w.clock.now() + 3 * 86_400_000;
    const change = { action: 'updateCampaign', campaignId: w.campaignId, groupPriceFen: 1590, endAt, stock: 4, perStudentLimit: 1 };
    expect(await w.call('merchant', OWNER, change)).toEqual({ ok: true, data: { campaignId: w.campaignId } });
    const seen = await w.call<CampaignDetail>('groupbuy', 'fx-s1', { action: 'getCampaign', campaignId: w.campaignId });
    expect(seen).toMatchObject({ ok: true, data: { groupPriceFen: 1590, endAt, stock: 4, perStudentLimit: 1 } });

    const before = w.fingerprint();
    const refused = await w.call('merchant', OWNER, { action: 'updateCampaign', campaignId: w.campaignId, groupPriceFen: PRODUCT.priceFen });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '拼团价要低于原价' });
    expect(await w.call('merchant', OWNER, { action: 'updateCampaign', campaignId: w.campaignId, perStudentLimit: 11 })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(await w.call('merchant', RIVAL, { action: 'updateCampaign', campaignId: w.campaignId, stock: 100 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(w.fingerprint()).toBe(before);
  });
});
