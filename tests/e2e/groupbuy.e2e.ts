import type { Page } from 'playwright-core';
import { eventually, startE2E } from './harness';

let e2e: Awaited<ReturnType<typeof startE2E>>;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

async function payInSheet(page: Page) {
  await page.locator('[data-testid="pay-sheet"]:visible').waitFor();
  await page.locator('[data-testid="pay-confirm"]:visible').click();
  await page.locator('[data-testid="pay-sheet"]').waitFor({ state: 'detached' });
}

/** The checkout sheet opened by 开团 / 参团: the shop's first pickup point is chosen; submit it. */
async function checkoutWithPickup(page: Page) {
  await page.locator('[data-testid="checkout-sheet"] [data-testid="pickup-option"]').first().waitFor();
  await page.locator('[data-testid="checkout-submit"]:visible').click();
}

test('three students fill a 3-seat group through an invite link and pay; the merchant gets the three pickup orders ready, hands one over against its code and approves a partial refund', () =>
  e2e.screenshotsOnFailure('groupbuy', async () => {
    const leader = await e2e.newUser();
    await e2e.signIn(leader.page, 'demo-student-1');
    await leader.page.getByText('拼团', { exact: true }).click();
    await leader.page.locator('[data-testid="campaign-card"]').filter({ hasText: '0糖气泡水' }).click();
    await leader.page.locator('[data-testid="open-group-button"]:visible').click();
    await checkoutWithPickup(leader.page);
    await leader.page.waitForURL(/pages\/group\/index/);
    await payInSheet(leader.page);
    await leader.page.locator('[data-testid="invite-button"]:visible').click();
    const link = (await leader.page.locator('[data-testid="share-link"]:visible').textContent()) ?? '';
    expect(link).toMatch(/sc=[0-9A-Za-z]{10}$/);

    const pages = [leader.page];
    for (const who of ['demo-student-2', 'demo-student-3']) {
      const { page } = await e2e.newUser();
      pages.push(page);
      await e2e.signIn(page, who);
      await e2e.openLink(page, link);
      await page.waitForURL(/pages\/group\/index/);
      await page.locator('[data-testid="join-button"]:visible').click();
      await checkoutWithPickup(page);
      await payInSheet(page);
    }

    // All three see the group succeed.
    for (const page of pages) {
      await page.reload();
      await page.locator('[data-testid="group-state"]:visible').getByText('拼团成功').waitFor();
    }
    const members = await e2e.cloud.db.collection('orders').where({ status: 'confirmed' }).count();
    expect(members.total).toBe(3);

    const merchant = await e2e.newUser();
    await e2e.signIn(merchant.page, 'demo-merchant-1');
    await merchant.page.goto(`${e2e.base}/#/packages/merchant/orders/index`);
    await merchant.page.locator('[data-testid="confirmed-count"]').getByText('待发货 3 单').waitFor();
    // Checkout chose a pickup point: the shop gets each order ready (the buyer gets a code) instead of shipping it.
    for (let i = 0; i < 3; i++) {
      await merchant.page.locator('[data-testid="ready-button"]:visible').first().click();
      await merchant.page
        .locator('[data-testid="confirmed-count"]')
        .getByText(`待发货 ${2 - i} 单`)
        .waitFor();
    }
    expect((await e2e.cloud.db.collection('orders').where({ status: 'ready_for_pickup' }).count()).total).toBe(3);

    // Handover at the point: a wrong code is refused next to the field, the buyer's code completes the order.
    const { data: leaderOrders } = await e2e.cloud.db
      .collection<{ _id: string; pickupCode: string }>('orders')
      .where({ buyer: 'demo-student-1', status: 'ready_for_pickup' })
      .get();
    await merchant.page.locator('[data-testid="order-tabs-ready_for_pickup"]').click();
    await merchant.page.locator('[data-testid="merchant-order"]:visible').filter({ hasText: '林小满' }).locator('[data-testid="verify-button"]').click();
    const wrong = leaderOrders[0].pickupCode === '000000' ? '111111' : '000000';
    await merchant.page.locator('[data-testid="verify-code"]:visible input').fill(wrong);
    await merchant.page.locator('[data-testid="verify-confirm"]:visible').click();
    await merchant.page
      .locator('[data-testid="verify-code-field-error"]:visible')
      .getByText(/取货码不对/)
      .waitFor();
    await merchant.page.locator('[data-testid="verify-code"]:visible input').fill(leaderOrders[0].pickupCode);
    await merchant.page.locator('[data-testid="verify-confirm"]:visible').click();
    await merchant.page.locator('[data-testid="verify"]').waitFor({ state: 'detached' });
    await eventually(async () => expect((await e2e.cloud.db.collection('orders').doc(leaderOrders[0]._id).get()).data).toMatchObject({ status: 'completed' }));

    // After-sales: a buyer asks for part of the money back; the merchant approves it in the console.
    const { data: waiting } = await e2e.cloud.db.collection<{ _id: string }>('orders').where({ buyer: 'demo-student-2', status: 'ready_for_pickup' }).get();
    await e2e.cloud.invoke('order', { action: 'requestRefund', orderId: waiting[0]._id, amountFen: 1000, reason: '少件或漏发' }, { openid: 'demo-student-2' });
    await merchant.page.reload();
    await merchant.page
      .locator('[data-testid="refund-request"]')
      .getByText(/买家申请退款 ¥10.00：少件或漏发/)
      .waitFor();
    await merchant.page.locator('[data-testid="approve-refund"]:visible').click();
    await merchant.page.locator('[data-testid="approve-confirm"]:visible').click();
    await merchant.page.locator('[data-testid="refund-request"]').waitFor({ state: 'detached' });
    await fetch(`${e2e.base}/api/dev/timers/groupbuy`, { method: 'POST' });
    expect((await e2e.cloud.db.collection('orders').doc(waiting[0]._id).get()).data).toMatchObject({
      status: 'ready_for_pickup',
      money: 'partially_refunded',
      refundedFen: 1000,
    });
    expect(e2e.errors).toEqual([]);
  }));

test('a merchant starts a campaign from the console and students can see it', () =>
  e2e.screenshotsOnFailure('campaign', async () => {
    const { page } = await e2e.newUser();
    await e2e.signIn(page, 'demo-merchant-2');
    await page.goto(`${e2e.base}/#/pages/me/index`);
    await page.locator('[data-testid="merchant-campaigns"]').click();
    await page.waitForURL(/packages\/merchant\/campaigns/);
    await page.locator('[data-testid="campaign-new"]').click();
    await page.locator('[data-testid="campaign-price"] input').fill('9.90');
    await page.locator('[data-testid="campaign-create"]').click();
    await page.locator('.mc-item').filter({ hasText: '¥9.90 · 3 人团' }).waitFor();
    const live = await e2e.cloud.invoke('groupbuy', { action: 'listCampaigns' }, { openid: 'demo-student-1' });
    expect(JSON.stringify(live)).toContain('"groupPriceFen":990');
  }));
