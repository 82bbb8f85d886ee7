import { eventually, startE2E } from './harness';

let e2e: Awaited<ReturnType<typeof startE2E>>;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

/** demo-koc-1 opens a product and copies the card link from the share sheet. */
async function kocCardLink() {
  const { page } = await e2e.newUser();
  await e2e.signIn(page, 'demo-koc-1');
  await page.locator('[data-testid="product-card"]').first().click();
  await page.waitForURL(/pages\/product\/index/);
  // The share code is made when the sheet opens (not when the page is viewed).
  await page.locator('[data-testid="share-button"][disabled="false"]').click();
  const link = (await page.locator('[data-testid="share-link"]').textContent()) ?? '';
  expect(link).toMatch(/#\/pages\/share\/index\?sc=[0-9A-Za-z]{10}$/);
  return { page, link };
}

test('a new student opens a KOC card: bound to the KOC with channel and reason; the KOC sees 1 open and 1 new customer', async () => {
  const koc = await kocCardLink();
  const { page } = await e2e.newUser();
  await e2e.openLink(page, koc.link);
  // No identity yet: the local sign-in keeps the link and comes back to it.
  await page.waitForURL(/pages\/dev-login\/index\?back=/);
  await page.locator('[data-testid="login-new"]:visible').click();
  await page.waitForURL(/pages\/product\/index/);
  await page.locator('[data-testid="via-banner"]').getByText('来自 许知夏 的推荐').waitFor();

  await page.goto(`${e2e.base}/#/pages/me/index`);
  const bindings = page.locator('[data-testid="my-bindings"]');
  await bindings.getByText('许知夏 · 云朵便利店').waitFor();
  await bindings.getByText(/聊天卡片 · 首次触达（30 天内有效）/).waitFor();

  await koc.page.goto(`${e2e.base}/#/packages/koc/share-stats/index`);
  await koc.page.locator('[data-testid="total-opens"]').getByText('1', { exact: true }).waitFor();
  await koc.page.locator('[data-testid="total-new"]').getByText('1', { exact: true }).waitFor();
  expect(e2e.errors).toEqual([]);
});

test('the Moments landing opens with no identity, shows the product, and its answer holds no openid', async () => {
  const koc = await kocCardLink();
  const { page } = await e2e.newUser();
  const answers: string[] = [];
  page.on('response', async (r) => {
    if (r.url().includes('/api/functions/share')) answers.push(await r.text());
  });
  await e2e.openLink(page, koc.link.replace('?sc=', '?wxscene=1154&sc='));
  await page.locator('[data-testid="landing-title"]').waitFor();
  expect(page.url()).not.toMatch(/dev-login/);
  expect(answers.length).toBeGreaterThan(0);
  for (const a of answers) expect(a).not.toMatch(/demo-koc-1|openid/);
});

test('an unknown code shows "link invalid or expired" and writes only the failed-open event', async () => {
  const { page } = await e2e.newUser();
  await e2e.signIn(page, 'demo-student-2');
  const count = async (type: string) => (await e2e.cloud.db.collection('events').where({ type, openid: 'demo-student-2' }).count()).total;
  await page.goto(`${e2e.base}/#/pages/share/index?sc=NoSuchCode`);
  await page.locator('[data-testid="share-invalid"]').getByText('链接无效或已过期').waitFor();
  expect(await count('open_failed')).toBe(1);
  expect((await count('open')) + (await count('bind'))).toBe(0);
  expect((await e2e.cloud.db.collection('bindings').where({ customer: 'demo-student-2' }).count()).total).toBe(0);
});

test('the KOC makes a poster: product, price, nickname and a code image that opens the card', async () => {
  const koc = await kocCardLink();
  await koc.page.getByText('生成海报').click();
  const poster = koc.page.locator('[data-testid="poster"]');
  await poster.getByText('许知夏 推荐').waitFor();
  await poster.getByText(/¥\d+\.\d\d/).waitFor();
  const code = poster.locator('[data-testid="poster-code"] img');
  await code.waitFor();
  await koc.page.waitForFunction(() => {
    const img = document.querySelector('[data-testid="poster-code"] img') as HTMLImageElement | null;
    return Boolean(img?.complete && img.naturalWidth > 0);
  });
  const posters = await e2e.cloud.db.collection('share_codes').where({ sharer: 'demo-koc-1', channel: 'poster' }).get();
  expect(posters.data).toHaveLength(1);
  expect(posters.data[0].codeImage).toBe(`/files/codes/${posters.data[0]._id}.png`);
});

test('a merchant switches to last touch and sees the share funnel', async () => {
  const { page } = await e2e.newUser();
  await e2e.signIn(page, 'demo-merchant-1');
  await page.goto(`${e2e.base}/#/pages/me/index`);
  await page.locator('[data-testid="merchant-attribution"]').click();
  await page.waitForURL(/packages\/merchant\/attribution/);
  await page.getByText('最后触达', { exact: true }).click();
  await page.getByText('保存规则').click();
  await eventually(async () =>
    expect(await e2e.cloud.invoke('share', { action: 'getRules' }, { openid: 'demo-merchant-1' })).toMatchObject({
      ok: true,
      data: { model: 'last_touch', windowDays: 7 },
    }),
  );
  await page.getByText('近 30 天分享漏斗').waitFor();
  await page.getByText('聊天卡片').waitFor();
});
