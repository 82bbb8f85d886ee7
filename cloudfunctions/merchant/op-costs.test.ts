// What the merchant's list pages cost in database round trips (5-20 ms each in WeChat): the same
// number however many rows a page shows. Each world is built twice, with a short and a longer
// page; the counts are equal and equal to the hand count in the comment, so a read per row, or
// one more read anywhere, fails here.
import { MERCHANT_PRODUCTS_PAGE } from '../../server/catalog/merchant-products';
import { OWNER, paidGroup, SHOP, STUDENTS, world } from '../groupbuy/fixture';

describe("the merchant's pages cost the same whatever their length", () => {
  it('listOrders: 4 reads for a page of 2 orders and of 10 (shop, orders, their refunds, buyers); q by nickname adds 1', async () => {
    const page = async (groups: number) => {
      const w = await world({ groupSize: 2, stock: 30, perStudentLimit: 10 });
      for (let i = 0; i < groups; i++) {
        await paidGroup(w, STUDENTS[(2 * i) % 6], STUDENTS[(2 * i + 1) % 6]);
        w.clock.advance(1000);
      }
      // The newest order of one buyer asks for a refund, so the page joins a refund request too.
      const newest = (await w.orders()).filter((o) => o.buyer === STUDENTS[1]).sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt))[0];
      const asked = await w.call('order', STUDENTS[1], { action: 'requestRefund', orderId: newest._id, amountFen: 500, reason: '不想要了' });
      if (!asked.ok) throw new Error(asked.message);
      type Page = { items: { id: string; buyerNickname: string; refundRequest: { amountFen: number } | null }[]; nextCursor: string | null };
      const m = await w.callMetered<Page>('merchant', OWNER, { action: 'listOrders', state: 'all' });
      const byName = await w.callMetered<Page>('merchant', OWNER, { action: 'listOrders', state: 'all', q: '学生二' });
      const next =
        m.result.ok && m.result.data.nextCursor
          ? await w.call<Page>('merchant', OWNER, { action: 'listOrders', state: 'all', cursor: m.result.data.nextCursor })
          : null;
      w.dispose();
      return { ...m, byName, next, asked: newest._id };
    };
    const [small, large] = [await page(1), await page(6)];
    if (!small.result.ok || !large.result.ok || !large.byName.result.ok) throw new Error('listOrders failed');
    expect([small.result.data.items.length, large.result.data.items.length]).toEqual([2, 10]);
    expect([small.result.data.nextCursor, large.next?.ok && large.next.data.items.length]).toEqual([null, 2]);
    // Each order names its own buyer, and only the asked order carries the request.
    expect(new Set(large.result.data.items.map((o) => o.buyerNickname))).toEqual(new Set(['学生一', '学生二', '学生三', '学生四', '学生五', '学生六']));
    expect(large.result.data.items.filter((o) => o.refundRequest).map((o) => [o.id, o.refundRequest?.amountFen])).toEqual([[large.asked, 500]]);
    expect(new Set(large.byName.result.data.items.map((o) => o.buyerNickname))).toEqual(new Set(['学生二']));
    // 1 caller's shop + 1 orders query + 1 refunds (`_.in` latest refund ids) + 1 buyers (users `_.in`); q: + 1 users by nickname.
    expect([small.ops.reads, large.ops.reads, large.byName.ops.reads]).toEqual([4, 4, 5]);
    expect([small.ops.writes, large.ops.writes]).toEqual([0, 0]);
  });

  it('listCampaigns: 2 reads for 2 campaigns and for 12 (shop, campaigns)', async () => {
    const page = async (n: number) => {
      const w = await world();
      for (let i = 1; i < n; i++) await w.makeCampaign();
      const m = await w.callMetered<unknown[]>('merchant', OWNER, { action: 'listCampaigns' });
      w.dispose();
      return m;
    };
    const [small, large] = [await page(2), await page(12)];
    expect([small.result.ok && small.result.data.length, large.result.ok && large.result.data.length]).toEqual([2, 12]);
    // 1 caller's shop + 1 campaigns query.
    expect([small.ops.reads, large.ops.reads]).toEqual([2, 2]);
    expect([small.ops.writes, large.ops.writes]).toEqual([0, 0]);
  });

  it('listProducts: 2 reads for 1 product and for a full page (shop, products)', async () => {
    const page = async (n: number) => {
      const w = await world();
      for (let i = 1; i < n; i++) {
        const product = { _id: `fx-more-${i}`, merchantId: SHOP, title: `更多${i}`, subtitle: '', description: '', priceFen: 100 + i, originalPriceFen: null };
        await w.cloud.db
          .collection('products')
          .add({ data: { ...product, images: [], category: 'life', status: 'on_sale', listedKey: `0_${i}`, createdAt: new Date() } });
      }
      const m = await w.callMetered<{ items: unknown[]; nextCursor: string | null }>('merchant', OWNER, { action: 'listProducts' });
      w.dispose();
      return m;
    };
    const [small, large] = [await page(1), await page(MERCHANT_PRODUCTS_PAGE + 3)];
    if (!small.result.ok || !large.result.ok) throw new Error('listProducts failed');
    expect([small.result.data.items.length, large.result.data.items.length]).toEqual([1, MERCHANT_PRODUCTS_PAGE]);
    expect([small.result.data.nextCursor, typeof large.result.data.nextCursor]).toEqual([null, 'string']);
    // 1 caller's shop + 1 products query (a page and one more, for the cursor).
    expect([small.ops.reads, large.ops.reads]).toEqual([2, 2]);
    expect([small.ops.writes, large.ops.writes]).toEqual([0, 0]);
  });
});

describe("the merchant's product form and campaign changes cost a fixed number of operations", () => {
  const FORM = {
    title: '护眼台灯',
    subtitle: '',
    images: ['/files/products/a.png'],
    priceFen: 8900,
    originalPriceFen: null,
    stock: 10,
    category: '日用',
    description: '',
  };

  it('saveProduct: 2 reads and 1 write to create, 2 to edit (shop, product; add, or conditional update and live campaigns)', async () => {
    const w = await world();
    const create = await w.callMetered<{ productId: string }>('merchant', OWNER, { action: 'saveProduct', requestId: 'req-cost-1', ...FORM });
    if (!create.result.ok) throw new Error(create.result.message);
    const productId = create.result.data.productId;
    const edit = await w.callMetered('merchant', OWNER, { action: 'saveProduct', productId, requestId: 'req-cost-2', ...FORM, stock: 12, expectedStock: 10 });
    const get = await w.callMetered('merchant', OWNER, { action: 'getProduct', productId });
    const unlist = await w.callMetered('merchant', OWNER, { action: 'setProductStatus', productId, status: 'off_sale' });
    w.dispose();
    expect([create.ops.reads, create.ops.writes]).toEqual([2, 1]);
    // An edit also brings the title and cover to the product's live campaigns (one update of them all).
    expect([edit.ops.reads, edit.ops.writes]).toEqual([2, 2]);
    // 1 caller's shop + 1 product.
    expect([get.ops.reads, get.ops.writes]).toEqual([2, 0]);
    expect([unlist.ops.reads, unlist.ops.writes]).toEqual([2, 1]);
  });

  it('updateCampaign: 3 reads and 2 writes with a stock change (shop, campaign; its fields, then stock conditional on the stock read)', async () => {
    const w = await world();
    const m = await w.callMetered('merchant', OWNER, { action: 'updateCampaign', campaignId: w.campaignId, groupPriceFen: 1500, perStudentLimit: 3, stock: 7 });
    w.dispose();
    expect(m.result).toMatchObject({ ok: true });
    expect([m.ops.reads, m.ops.writes]).toEqual([3, 2]);
  });
});
