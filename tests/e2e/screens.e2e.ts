// Every page of the app at 390x844 in its key states, saved as test-results/screens/<name>.png
// for a person to look at, and checked in the page for overlapping, clipped or escaping
// elements (tests/e2e/layout.ts). Orders are made through the functions (as the flows in
// shop.e2e.ts make them through the pages) so each state has something to show.
import type { Page } from 'playwright-core';
import { simulatePayment } from '../../local-cloud/pay-sim';
import { startE2E } from './harness';
import { formatProblems, screen } from './layout';

let e2e: Awaited<ReturnType<typeof startE2E>>;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

type Res = { ok: boolean; data?: { orderId: string; groupId?: string }; message?: string };
const call = async (fn: string, openid: string, event: object) => {
  const res = (await e2e.cloud.invoke(fn, event, { openid })) as Res;
  if (!res.ok) throw new Error(`${fn}.${(event as { action: string }).action}: ${res.message}`);
  return res.data as { orderId: string; groupId?: string; refundId?: string };
};
let n = 0;
const requestId = () => `screens-${Date.now()}-${n++}`;

/** A paid solo order for pickup at the shop's first point. */
async function paidOrder(buyer: string, productId: string, merchant: string): Promise<string> {
  const shop = (await call('merchant', merchant, { action: 'getShopFulfilment' })) as unknown as { pickupPoints: { id: string }[] };
  const { orderId } = await call('order', buyer, {
    action: 'buy',
    productId,
    quantity: 1,
    fulfilment: { type: 'pickup', pickupPointId: shop.pickupPoints[0].id },
    requestId: requestId(),
  });
  await call('order', buyer, { action: 'pay', orderId });
  await simulatePayment(e2e.cloud, orderId, 'success', 1);
  return orderId;
}

/** Goes to a route and waits until nothing says 加载中 any more. */
async function visit(page: Page, route: string) {
  await page.goto(`${e2e.base}/#/${route}`);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .getByText('加载中', { exact: false })
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'hidden', timeout: 10_000 })
    .catch(() => undefined);
}

const problems: string[] = [];
async function shot(page: Page, route: string, name: string) {
  await visit(page, route);
  const found = await screen(page, name);
  if (found.length) problems.push(formatProblems(name, found));
}

test('each page, as a student, a KOC and a merchant, has no overlapping or clipped elements', async () => {
  // Something in each state: a paid order ready for pickup, one with a rejected refund, a group.
  const ready = await paidOrder('demo-student-1', 'p-lamp', 'demo-merchant-2');
  await call('merchant', 'demo-merchant-2', { action: 'readyForPickup', orderId: ready });
  const refused = await paidOrder('demo-student-1', 'p-notebook', 'demo-merchant-2');
  const asked = await call('order', 'demo-student-1', {
    action: 'requestRefund',
    orderId: refused,
    amountFen: 500,
    reason: '少件或漏发',
    note: '少了一本方格本',
  });
  await call('merchant', 'demo-merchant-2', { action: 'rejectRefund', orderId: refused, refundId: asked.refundId, reason: '发货前称重无误，请再找找快递袋' });
  const { groupId } = await call('groupbuy', 'demo-student-2', { action: 'open', campaignId: 'c-lamp', requestId: requestId() });

  const student = await e2e.newUser();
  await e2e.signIn(student.page, 'demo-student-1');
  const s = student.page;
  await shot(s, 'pages/index/index', 'student-home');
  await shot(s, 'pages/groupbuy/index', 'student-groupbuy');
  await shot(s, 'pages/me/index', 'student-me');
  await shot(s, 'pages/profile/index', 'student-profile');
  await shot(s, 'pages/product/index?id=p-lamp', 'student-product');
  await shot(s, 'pages/product/index?id=p-nothing', 'student-product-missing');
  await shot(s, 'pages/campaign/index?id=c-lamp', 'student-campaign');
  await shot(s, `pages/group/index?id=${groupId}`, 'student-group');
  await shot(s, 'pages/orders/index', 'student-orders');
  await shot(s, 'pages/orders/index?tab=after_sales', 'student-orders-after-sales');
  await shot(s, `packages/order/detail/index?id=${ready}`, 'student-order-ready');
  await shot(s, `packages/order/detail/index?id=${refused}`, 'student-order-refund-rejected');
  await shot(s, `packages/order/refund/index?id=${refused}`, 'student-refund-form');
  await shot(s, 'packages/search/index?q=%E5%8F%B0%E7%81%AF', 'student-search');
  await shot(s, 'pages/share/index?sc=%%%', 'student-share-malformed');
  await shot(s, 'pages/nowhere/index', 'student-unknown-route');

  const koc = await e2e.newUser();
  await e2e.signIn(koc.page, 'demo-koc-1');
  await shot(koc.page, 'pages/me/index', 'koc-me');
  await shot(koc.page, 'packages/koc/share-stats/index', 'koc-share-stats');
  await shot(koc.page, 'packages/koc/earnings/index', 'koc-earnings');

  const merchant = await e2e.newUser();
  await e2e.signIn(merchant.page, 'demo-merchant-2');
  const m = merchant.page;
  await shot(m, 'pages/me/index', 'merchant-me');
  await shot(m, 'packages/merchant/orders/index', 'merchant-orders');
  await shot(m, 'packages/merchant/products/index', 'merchant-products');
  await shot(m, 'packages/merchant/product-edit/index?id=p-lamp', 'merchant-product-edit');
  await shot(m, 'packages/merchant/campaigns/index', 'merchant-campaigns');
  await shot(m, 'packages/merchant/shop/index', 'merchant-shop');
  await shot(m, 'packages/merchant/payouts/index', 'merchant-payouts');
  await shot(m, 'packages/merchant/commission/index', 'merchant-commission');
  await shot(m, 'packages/merchant/attribution/index', 'merchant-attribution');

  expect(problems.join('\n')).toBe('');
  expect(e2e.errors).toEqual([]);
});
