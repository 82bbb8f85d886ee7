// Becoming a KOC, in Chromium at 390x844: a student applies with two screenshots; the merchant
// sees the checklist, passes screening and offers interview slots; the student picks one; the
// merchant scores the interview and starts a trial with a ¥0 trial product; the student shares a
// card and a friend buys through it; the trial's figures show the view and the order; the
// merchant selects the student, whose 我的 page then says 达人 and whose next attributed sale
// accrues commission (none did before).
import { join } from 'node:path';
import { eventually, startE2E } from './harness';
import { screenshots } from './layout';

let e2e: Awaited<ReturnType<typeof startE2E>>;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

const { problems, look } = screenshots('koc');

const STUDENT = 'demo-student-2';
const FRIEND = 'demo-student-3';
const SHOP = 'm-yunduo';
const MERCHANT = 'demo-merchant-1';
type R = { ok: boolean; code?: string; message?: string; data?: Record<string, unknown> };
const call = (fn: string, openid: string, event: object) => e2e.cloud.invoke(fn, event, { openid }) as Promise<R>;
const dev = (path: string, body: object = {}) => fetch(`${e2e.base}/api/dev/${path}`, { method: 'POST', body: JSON.stringify(body) });
const application = async () =>
  (await e2e.cloud.db.collection<{ _id: string; state: string }>('koc_applications').where({ applicant: STUDENT, merchantId: SHOP }).get()).data[0];
const commissionsOf = async (koc: string) => (await e2e.cloud.db.collection('commissions').where({ koc }).get()).data;

/** The friend opens the student's card for the sparkling water and buys one alone, paid. */
async function friendBuysThroughCard(tag: string) {
  const card = await call('share', STUDENT, { action: 'create', targetType: 'product', targetId: 'p-sparkling', channel: 'chat' });
  expect(card).toMatchObject({ ok: true });
  await call('share', FRIEND, { action: 'open', code: card.data?.code, scene: 1007 });
  const bought = await call('order', FRIEND, {
    action: 'buy',
    productId: 'p-sparkling',
    quantity: 1,
    fulfilment: { type: 'pickup', pickupPointId: 'pp-yunduo-canteen2' },
    requestId: `koc-e2e-${tag}`,
  });
  expect(bought).toMatchObject({ ok: true });
  const orderId = bought.data?.orderId as string;
  await call('order', FRIEND, { action: 'pay', orderId });
  expect((await dev(`pay/${orderId}`, { result: 'success' })).ok).toBe(true);
  await dev('timers/commission');
  return orderId;
}

test('a student becomes a Primary KOC through screening, interview and a measured trial; only then do their cards earn', () =>
  e2e.screenshotsOnFailure('koc', async () => {
    const student = await e2e.newUser();
    await e2e.signIn(student.page, STUDENT);

    // Before applying, a sale through the student's card earns nothing (the program pays approved KOCs).
    await friendBuysThroughCard('before');
    expect(await commissionsOf(STUDENT)).toEqual([]);

    // Apply from the KOC centre with two screenshots.
    await student.page.goto(`${e2e.base}/#/packages/koc/centre/index`);
    await student.page.locator('[data-testid="koc-program"]:visible').filter({ hasText: '云朵便利店' }).click();
    await student.page.locator('[data-testid="koc-apply"]:visible').waitFor();
    await student.page.locator('[data-testid="apply-platform-0"]').getByText('小红书').click();
    await student.page.locator('[data-testid="apply-handle-0"] input').fill('@周一一的宿舍');
    await student.page.locator('[data-testid="apply-followers-0"] input').fill('820');
    await student.page.locator('[data-testid="apply-interactions-0"] input').fill('64');
    for (const icon of ['home.png', 'group.png']) {
      const chooser = student.page.waitForEvent('filechooser');
      await student.page.locator('[data-testid="apply-proofs-0-add"]:visible').click();
      await (await chooser).setFiles(join(__dirname, '..', '..', 'src', 'assets', 'tab', icon));
    }
    await eventually(async () => expect(await student.page.locator('[data-testid="apply-proofs-0"] img:visible').count()).toBe(2));
    await student.page.locator('[data-testid="apply-categories"]').getByText('零食', { exact: true }).first().click();
    await student.page.locator('[data-testid="apply-consent"]:visible').click();
    await look(student.page, 'apply');
    await student.page.locator('[data-testid="apply-submit"]:visible').click();
    await student.page.locator('[data-testid="app-state"]:visible').waitFor();
    expect(await application()).toMatchObject({ state: 'applied' });

    // The merchant's pipeline: the checklist, then screening passed and slots offered.
    const merchant = await e2e.newUser();
    await e2e.signIn(merchant.page, MERCHANT);
    await merchant.page.goto(`${e2e.base}/#/packages/merchant/koc/index`);
    const card = merchant.page.locator('[data-testid="applicant"]:visible').first();
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('粉丝 820');
    await look(merchant.page, 'pipeline');
    await card.locator('[data-testid="screen-pass"]').click();
    await eventually(async () => expect(await application()).toMatchObject({ state: 'screened' }));
    const tomorrow = Date.now() + 86_400_000;
    const app = await application();
    expect(await call('koc', MERCHANT, { action: 'offerSlots', applicationId: app._id, slots: [tomorrow, tomorrow + 3600_000] })).toMatchObject({ ok: true });

    // The student picks a slot in the app.
    await student.page.goto(`${e2e.base}/#/packages/koc/apply/index?merchantId=${SHOP}`);
    await student.page.locator('[data-testid="slot-0"]:visible').click();
    await eventually(async () => expect(await application()).toMatchObject({ state: 'interview' }));

    // Scored, then a trial with the sparkling water as a ¥0 order.
    expect(
      await call('koc', MERCHANT, {
        action: 'scoreInterview',
        applicationId: app._id,
        scores: { understanding: 4, ideas: 5, improvisation: 4 },
        notes: '宿舍场景的点子不错',
      }),
    ).toMatchObject({ ok: true });
    const trial = await call('koc', MERCHANT, {
      action: 'startTrial',
      applicationId: app._id,
      productIds: ['p-sparkling'],
      endsAt: Date.now() + 7 * 86_400_000,
      goals: { notes: 0, orders: 1 },
    });
    expect(trial).toMatchObject({ ok: true });
    const trialOrders = (
      await e2e.cloud.db.collection<{ buyer: string; totalFen: number; kind: string }>('orders').where({ buyer: STUDENT, kind: 'trial' }).get()
    ).data;
    expect(trialOrders).toEqual([expect.objectContaining({ totalFen: 0 })]);

    // During the trial a friend buys through the student's card: the figures show it; still no commission.
    await friendBuysThroughCard('trial');
    expect(await commissionsOf(STUDENT)).toEqual([]);
    await student.page.goto(`${e2e.base}/#/packages/koc/apply/index?merchantId=${SHOP}`);
    await student.page.locator('[data-testid="trial-metrics"]:visible').waitFor();
    const metrics = await call('koc', MERCHANT, { action: 'trialMetrics', applicationId: app._id });
    expect(metrics).toMatchObject({ ok: true, data: { figures: { orders: 1 } } });
    const figures = metrics.data?.figures as { cardViews: number } | undefined;
    expect(figures?.cardViews).toBeGreaterThanOrEqual(1);
    await look(student.page, 'trial');

    // Selected: a Primary KOC, shown on 我的, and the next sale through the card earns.
    expect(await call('koc', MERCHANT, { action: 'decide', applicationId: app._id, selected: true, reason: '试用期订单达标' })).toMatchObject({ ok: true });
    await student.page.goto(`${e2e.base}/#/pages/me/index`);
    await student.page.getByText('达人（云朵便利店）').first().waitFor();
    await look(student.page, 'me');
    await friendBuysThroughCard('after');
    await eventually(async () => expect(await commissionsOf(STUDENT)).toHaveLength(1));
    expect(e2e.errors).toEqual([]);
  }));

test('every screen of the KOC flow is free of overlapping or clipped elements', () => {
  expect(problems.join('\n')).toBe('');
});
