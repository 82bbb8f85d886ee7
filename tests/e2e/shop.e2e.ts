// The shop as students and a merchant use it, in Chromium at 390x844: buying alone for pickup
// and for dormitory delivery, the handover code, shipping with a tracking number, after-sales
// rejected with a reason and then approved and paid. Each step is a screenshot checked for
// layout problems (test-results/screens/shop-*.png).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { eventually, startE2E } from './harness';
import { formatProblems, type LayoutProblem, screen } from './layout';

let e2e: Awaited<ReturnType<typeof startE2E>>;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

const problems: string[] = [];
async function look(page: Page, name: string) {
  const found: LayoutProblem[] = await screen(page, `shop-${name}`);
  if (found.length) problems.push(formatProblems(name, found));
}

interface OrderRow {
  _id: string;
  status: string;
  money: string;
  quantity: number;
  totalFen: number;
  refundedFen: number;
  pickupCode?: string;
  tracking?: { carrier: string; trackingNo: string } | null;
}
const ordersOf = async (buyer: string) => (await e2e.cloud.db.collection<OrderRow>('orders').where({ buyer }).get()).data;
const lampStock = async () => ((await e2e.cloud.db.collection<{ stock: number }>('products').doc('p-lamp').get()).data as { stock: number }).stock;

async function payInSheet(page: Page) {
  await page.locator('[data-testid="pay-sheet"]:visible').waitFor();
  await page.locator('[data-testid="pay-confirm"]:visible').click();
  await page.locator('[data-testid="pay-sheet"]').waitFor({ state: 'detached' });
}

async function openOrder(page: Page, title: RegExp) {
  await page.goto(`${e2e.base}/#/pages/orders/index`);
  await page.locator('[data-testid="order"]:visible').filter({ hasText: title }).first().click();
  await page.waitForURL(/packages\/order\/detail/);
  await page.locator('[data-testid="order-detail-state"]:visible').waitFor();
}

async function merchantOrders(page: Page, tab: string) {
  await page.goto(`${e2e.base}/#/packages/merchant/orders/index`);
  await page.locator(`[data-testid="order-tabs-${tab}"]:visible`).click();
}

test('a student buys two lamps alone for pickup; the merchant gets them ready; the code the student sees completes the handover', () =>
  e2e.screenshotsOnFailure('shop-pickup', async () => {
    const stockBefore = await lampStock();
    const student = await e2e.newUser();
    await e2e.signIn(student.page, 'demo-student-1');
    await student.page.goto(`${e2e.base}/#/pages/product/index?id=p-lamp`);
    await student.page.locator('[data-testid="buy-alone"]:visible').waitFor();
    await look(student.page, 'product');
    await student.page.locator('[data-testid="buy-alone"]:visible').click();
    await student.page.locator('[data-testid="checkout-sheet"] [data-testid="pickup-option"]').first().waitFor();
    await student.page.locator('[data-testid="checkout-quantity-plus"]:visible').click();
    await expect(student.page.locator('[data-testid="checkout-quantity-value"]:visible').textContent()).resolves.toBe('2');
    await student.page.locator('[data-testid="pickup-option"]:visible').first().click();
    await look(student.page, 'checkout-pickup');
    await student.page.locator('[data-testid="checkout-submit"]:visible').click();
    await payInSheet(student.page);
    await student.page.waitForURL(/packages\/order\/detail/);

    const [order] = await ordersOf('demo-student-1');
    expect(order).toMatchObject({ quantity: 2, status: 'confirmed', money: 'paid' });
    expect(await lampStock()).toBe(stockBefore - 2);

    // The merchant (青柠文创 sells the lamp) gets it ready at the pickup point.
    const merchant = await e2e.newUser();
    await e2e.signIn(merchant.page, 'demo-merchant-2');
    await merchantOrders(merchant.page, 'confirmed');
    const card = merchant.page.locator('[data-testid="merchant-order"]:visible').filter({ hasText: '林小满' });
    await look(merchant.page, 'merchant-orders-to-ship');
    await card.locator('[data-testid="ready-button"]').click();
    await eventually(async () => expect((await ordersOf('demo-student-1'))[0].status).toBe('ready_for_pickup'));

    // The student sees where, when and what to show.
    await openOrder(student.page, /台灯/);
    const codeBox = student.page.locator('[data-testid="pickup-code"]:visible');
    const code = (await ordersOf('demo-student-1'))[0].pickupCode ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await codeBox.waitFor();
    const shown = ((await codeBox.textContent()) ?? '').replace(/\s+/g, '');
    expect(shown).toContain(code); // the code, however it is spaced for reading
    expect(shown).toMatch(/\d{1,2}:\d{2}/); // the point's opening hours
    await look(student.page, 'order-ready-for-pickup');

    // At the handover the merchant types the code the student shows.
    await merchantOrders(merchant.page, 'ready_for_pickup');
    await merchant.page.locator('[data-testid="merchant-order"]:visible').filter({ hasText: '林小满' }).locator('[data-testid="verify-button"]').click();
    await merchant.page.locator('[data-testid="verify-code"]:visible input').fill(code);
    await look(merchant.page, 'merchant-verify-dialog');
    await merchant.page.locator('[data-testid="verify-confirm"]:visible').click();
    await eventually(async () => expect((await ordersOf('demo-student-1'))[0].status).toBe('completed'));
    await student.page.reload();
    await student.page.locator('[data-testid="order-detail-state"]:visible').getByText('已完成').waitFor();
    await look(student.page, 'order-completed');
    expect(e2e.errors).toEqual([]);
  }));

test('another student has one delivered to the dormitory; the merchant ships it with a tracking number; the student confirms receipt', () =>
  e2e.screenshotsOnFailure('shop-delivery', async () => {
    const student = await e2e.newUser();
    await e2e.signIn(student.page, 'demo-student-2');
    await student.page.goto(`${e2e.base}/#/pages/product/index?id=p-lamp`);
    await student.page.locator('[data-testid="buy-alone"]:visible').click();
    await student.page.locator('[data-testid="delivery-option"]:visible').click();
    // A wrong phone number is refused next to the field and nothing is ordered.
    await student.page.locator('[data-testid="address-building"]:visible input').fill('桃李园 6 栋');
    await student.page.locator('[data-testid="address-room"]:visible input').fill('502');
    await student.page.locator('[data-testid="address-name"]:visible input').fill('周一一');
    await student.page.locator('[data-testid="address-phone"]:visible input').fill('12345');
    await student.page.locator('[data-testid="checkout-submit"]:visible').click();
    await student.page
      .locator('[data-testid="address-phone-field-error"]:visible')
      .getByText(/11 位手机号/)
      .waitFor();
    await look(student.page, 'checkout-delivery-error');
    expect(await ordersOf('demo-student-2')).toEqual([]);
    await student.page.locator('[data-testid="address-phone"]:visible input').fill('13800138000');
    await student.page.locator('[data-testid="checkout-submit"]:visible').click();
    await payInSheet(student.page);
    await student.page.waitForURL(/packages\/order\/detail/);
    await student.page
      .getByText(/桃李园 6 栋 502/)
      .first()
      .waitFor();

    const merchant = await e2e.newUser();
    await e2e.signIn(merchant.page, 'demo-merchant-2');
    await merchantOrders(merchant.page, 'confirmed');
    await merchant.page.locator('[data-testid="merchant-order"]:visible').filter({ hasText: '周一一' }).locator('[data-testid="ship-button"]').click();
    await merchant.page.locator('[data-testid="ship-carrier"]:visible').getByText('顺丰速运').click();
    await merchant.page.locator('[data-testid="ship-tracking"]:visible input').fill('SF1234567890');
    await look(merchant.page, 'merchant-ship-dialog');
    await merchant.page.locator('[data-testid="ship-confirm"]:visible').click();
    await eventually(async () =>
      expect((await ordersOf('demo-student-2'))[0]).toMatchObject({ status: 'shipped', tracking: { carrier: '顺丰速运', trackingNo: 'SF1234567890' } }),
    );

    await openOrder(student.page, /台灯/);
    await student.page
      .locator('[data-testid="tracking"]:visible')
      .getByText(/SF1234567890/)
      .waitFor();
    await look(student.page, 'order-shipped');
    await student.page.locator('[data-testid="order-confirmReceipt"]:visible').click();
    const dialog = student.page.locator('[data-testid="confirm-receipt-dialog"]:visible');
    if (await dialog.count()) await dialog.getByText('确认收货').last().click();
    await eventually(async () => expect((await ordersOf('demo-student-2'))[0].status).toBe('completed'));
    expect(e2e.errors).toEqual([]);
  }));

test('a partial refund with a photo is rejected with a reason the student sees; a second request is approved and paid', () =>
  e2e.screenshotsOnFailure('shop-refund', async () => {
    const student = await e2e.newUser();
    await e2e.signIn(student.page, 'demo-student-3');
    await student.page.goto(`${e2e.base}/#/pages/product/index?id=p-lamp`);
    await student.page.locator('[data-testid="buy-alone"]:visible').click();
    await student.page.locator('[data-testid="pickup-option"]:visible').first().click();
    await student.page.locator('[data-testid="checkout-submit"]:visible').click();
    await payInSheet(student.page);
    await student.page.waitForURL(/packages\/order\/detail/);
    const [order] = await ordersOf('demo-student-3');

    // Ask for ¥10.00 back with a photo; an amount above what was paid is refused by the field first.
    await student.page.locator('[data-testid="order-requestRefund"]:visible').click();
    await student.page.waitForURL(/packages\/order\/refund/);
    await student.page.locator('[data-testid="refund-amount"]:visible input').fill(String(order.totalFen / 100 + 1));
    await student.page.locator('[data-testid="refund-reason"]:visible').getByText('收到时已损坏').click();
    await student.page.locator('[data-testid="refund-submit"]:visible').click();
    await student.page.locator('[data-testid="refund-amount-field-error"]:visible').waitFor();
    expect((await e2e.cloud.db.collection('refunds').where({ orderId: order._id }).count()).total).toBe(0);
    await student.page.locator('[data-testid="refund-amount"]:visible input').fill('10');
    const chooser = student.page.waitForEvent('filechooser');
    await student.page.locator('[data-testid="refund-photos-add"]:visible').click();
    await (await chooser).setFiles(join(__dirname, '..', '..', 'src', 'assets', 'tab', 'home.png'));
    await student.page.locator('[data-testid="refund-photos"] img:visible').first().waitFor();
    await look(student.page, 'refund-form');
    await student.page.locator('[data-testid="refund-submit"]:visible').click();
    await student.page.waitForURL(/packages\/order\/detail/);
    await student.page.locator('[data-testid="refund-state"]:visible').waitFor();

    // The merchant sees amount, reason and photo, and rejects with a reason.
    const merchant = await e2e.newUser();
    await e2e.signIn(merchant.page, 'demo-merchant-2');
    await merchantOrders(merchant.page, 'refunding');
    const request = merchant.page.locator('[data-testid="refund-request"]:visible');
    await request.getByText(/¥10.00/).waitFor();
    await request.locator('img').first().waitFor();
    await look(merchant.page, 'merchant-refund-request');
    await merchant.page.locator('[data-testid="refund-reject"]:visible').click();
    await merchant.page.locator('[data-testid="reject-reason"]:visible textarea').fill('照片看不出损坏，请补拍灯座');
    await look(merchant.page, 'merchant-refund-reject-dialog');
    await merchant.page.locator('[data-testid="reject-confirm"]:visible').click();
    await eventually(async () => expect((await e2e.cloud.db.collection('refunds').where({ orderId: order._id, status: 'rejected' }).count()).total).toBe(1));

    await student.page.reload();
    await student.page
      .getByText(/已驳回：照片看不出损坏，请补拍灯座/)
      .first()
      .waitFor();
    await look(student.page, 'order-refund-rejected');

    // A second request (¥10.00 again) is approved and paid.
    await student.page.locator('[data-testid="order-requestRefund"]:visible').click();
    await student.page.waitForURL(/packages\/order\/refund/);
    await student.page.locator('[data-testid="refund-amount"]:visible input').fill('10');
    await student.page.locator('[data-testid="refund-reason"]:visible').getByText('少件或漏发').click();
    await student.page.locator('[data-testid="refund-submit"]:visible').click();
    await student.page.waitForURL(/packages\/order\/detail/);
    await merchantOrders(merchant.page, 'refunding');
    await merchant.page.locator('[data-testid="approve-refund"]:visible').click();
    await merchant.page.locator('[data-testid="approve-confirm"]:visible').click();
    await merchant.page.locator('[data-testid="refund-request"]').waitFor({ state: 'detached' });
    await fetch(`${e2e.base}/api/dev/timers/groupbuy`, { method: 'POST' });
    await eventually(async () => expect((await ordersOf('demo-student-3'))[0]).toMatchObject({ money: 'partially_refunded', refundedFen: 1000 }));
    await student.page.reload();
    await student.page
      .locator('[data-testid="refund-state"]:visible')
      .getByText(/退款成功|已退款/)
      .waitFor();
    await look(student.page, 'order-refunded');
    expect(e2e.errors).toEqual([]);
  }));

test('every screen of these flows is free of overlapping or clipped elements', () => {
  expect(problems.join('\n')).toBe('');
});
