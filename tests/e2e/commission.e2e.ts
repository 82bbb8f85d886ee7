import type { Page } from 'playwright-core';
import { simulatePayment } from '../../local-cloud/pay-sim';
import { startE2E } from './harness';

let e2e: Awaited<ReturnType<typeof startE2E>>;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

type R = { ok: boolean; data?: { groupId: string; orderId: string; code: string; refundId: string } };
const call = (fn: string, openid: string, event: object) => e2e.cloud.invoke(fn, event, { openid }) as Promise<R>;
const dev = (path: string, body: object = {}) => fetch(`${e2e.base}/api/dev/${path}`, { method: 'POST', body: JSON.stringify(body) });
/** A pickup order handed over: the shop gets it ready, the buyer's code completes it. */
const handOver = async (orderId: string) => {
  await call('merchant', 'demo-merchant-2', { action: 'readyForPickup', orderId });
  const { data } = await e2e.cloud.db.collection<{ _id: string; pickupCode: string }>('orders').where({ _id: orderId }).get();
  expect(await call('merchant', 'demo-merchant-2', { action: 'verifyPickup', orderId, code: data[0].pickupCode })).toMatchObject({ ok: true });
};
const settle = async () => {
  await dev('timers/groupbuy');
  await dev('timers/commission');
};

/** A 2-seat lamp group: `buyer` (bound to the KOC by the card) opens in the browser, a classmate joins by API. */
async function buyThroughCard(page: Page, link: string, buyer: string, classmate: string) {
  await e2e.signIn(page, buyer);
  await e2e.openLink(page, link);
  await page.locator('[data-testid="via-banner"]').getByText('来自 许知夏 的推荐').waitFor();
  await page.locator('[data-testid="product-groupbuy"]:visible').click(); // the product page offers its group-buy
  await page.waitForURL(/pages\/campaign\/index/);
  await page.locator('[data-testid="open-group-button"]:visible').click();
  await page.locator('[data-testid="checkout-submit"]:visible').click(); // the shop's first pickup point
  await page.locator('[data-testid="pay-confirm"]:visible').click();
  await page.locator('[data-testid="pay-sheet"]').waitFor({ state: 'detached' });
  const groupId = new URL(page.url().replace('#', '')).searchParams.get('id') as string;
  const mate = await call('groupbuy', classmate, { action: 'join', groupId, requestId: `join-${classmate}-1234` });
  await call('order', classmate, { action: 'pay', orderId: mate.data?.orderId });
  await simulatePayment(e2e.cloud, mate.data?.orderId as string, 'success', 1);
  const { data } = await e2e.cloud.db.collection<{ _id: string }>('orders').where({ buyer, groupId }).get();
  return data[0]._id;
}

test('a sale through the KOC card: pending with its reason, available after the window, withdrawn, confirmed; a later refund leaves a negative line the next sale nets', () =>
  e2e.screenshotsOnFailure('commission', async () => {
    // The merchant pays 20% so one lamp (¥59) earns more than the ¥10 minimum withdrawal.
    const tiers = [
      { tier: 'primary', rateBp: 2000, minRevenueFen: 0, minOrders: 0 },
      { tier: 'intermediate', rateBp: 2200, minRevenueFen: 1_000_000, minOrders: 100 },
      { tier: 'advanced', rateBp: 2500, minRevenueFen: 5_000_000, minOrders: 500 },
    ];
    expect(
      await call('commission', 'demo-merchant-2', { action: 'setProgram', defaultRateBp: 2000, holdDays: 7, selfPurchaseRebates: false, tiers }),
    ).toMatchObject({ ok: true });
    const share = await call('share', 'demo-koc-1', { action: 'create', targetType: 'product', targetId: 'p-lamp', channel: 'chat' });
    const link = `${e2e.base}/#/pages/share/index?sc=${share.data?.code}`;

    const student = await e2e.newUser();
    const orderId = await buyThroughCard(student.page, link, 'demo-student-2', 'demo-student-3');
    await settle();

    const koc = await e2e.newUser();
    await e2e.signIn(koc.page, 'demo-koc-1');
    await koc.page.goto(`${e2e.base}/#/packages/koc/earnings/index`);
    await koc.page.locator('[data-testid="balance-pending"]').getByText('¥11.80').waitFor();
    await koc.page
      .locator('[data-testid="commission"]')
      .getByText(/为什么算你的：首次触达.*聊天卡片/)
      .waitFor();

    await handOver(orderId);
    await settle();
    await dev('clock', { advanceMs: 8 * 86_400_000 });
    await settle();
    await koc.page.reload();
    await koc.page.locator('[data-testid="balance-available"]').getByText('¥11.80').waitFor();
    await koc.page.locator('[data-testid="withdraw-button"]:visible').click();
    await koc.page
      .locator('[data-testid="withdrawal"]')
      .getByText(/待商家审核/)
      .waitFor();

    const merchant = await e2e.newUser();
    await e2e.signIn(merchant.page, 'demo-merchant-2');
    await merchant.page.goto(`${e2e.base}/#/packages/merchant/payouts/index`);
    await merchant.page.locator('[data-testid="payout"]').getByText('¥11.80').first().waitFor();
    await merchant.page.locator('[data-testid="approve-button"]:visible').click();
    await merchant.page.locator('[data-testid="approve-confirm"]:visible').click();
    await merchant.page.getByText('没有待审核的提现').waitFor();

    await koc.page.reload();
    await koc.page.locator('[data-testid="confirm-button"]:visible').click();
    await koc.page
      .locator('[data-testid="withdrawal"]')
      .getByText(/已到账/)
      .waitFor();
    await koc.page.locator('[data-testid="balance-paid"]').getByText('¥11.80').waitFor();

    // A refund after the payout: the commission comes back as a negative balance.
    const asked = await call('order', 'demo-student-2', { action: 'requestRefund', orderId, reason: '商品有质量问题' });
    await call('merchant', 'demo-merchant-2', { action: 'approveRefund', orderId, refundId: asked.data?.refundId });
    await settle();
    await koc.page.reload();
    await koc.page.locator('[data-testid="balance-available"]').getByText('-¥11.80').waitFor();

    // The next sale's commission is netted against it: nothing to withdraw yet.
    const next = await e2e.newUser();
    const second = await buyThroughCard(next.page, link, 'demo-student-1', 'demo-koc-9');
    await handOver(second);
    await settle();
    await dev('clock', { advanceMs: 8 * 86_400_000 });
    await settle();
    await koc.page.reload();
    await koc.page.locator('[data-testid="balance-available"]').getByText('¥0.00').waitFor();
    await koc.page.getByText('满 ¥10 可提现').waitFor();
  }));
