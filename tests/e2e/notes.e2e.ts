// 种草笔记, in Chromium at 390x844: a KOC of 云朵便利店 writes a note with two photos, a topic and
// a tag of the shop's sparkling water; the photos pass the image check (delivered through the
// local cloud's POST /api/dev/media-check, as WeChat's wxa_media_check push would) and the note
// shows 广告 · 云朵便利店. A second student finds it in 发现 with its reason, likes, collects and
// comments; the KOC's 消息 says so. A note with a blocked word is refused with its reason.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { eventually, startE2E } from './harness';
import { screenshots } from './layout';

let e2e: Awaited<ReturnType<typeof startE2E>>;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

const root = join(__dirname, '..', '..');
const { problems, look: lookLayout } = screenshots('notes');
/** The screen's layout check (test-results/screens) and a copy in .tmp/ to look at. */
async function look(page: Page, name: string) {
  await lookLayout(page, name);
  mkdirSync(join(root, '.tmp'), { recursive: true });
  await page.screenshot({ path: join(root, '.tmp', `notes-${name}.png`) });
}

const KOC = 'demo-koc-1';
const STUDENT = 'demo-student-2';
const TITLE = '宿舍必备的0糖气泡水';
const picture = (name: string) => join(root, 'src', 'assets', 'tab', name);
const visible = (page: Page, testId: string) => page.locator(`.taro_page:visible [data-testid="${testId}"]:visible`);

interface NoteRow {
  _id: string;
  title: string;
  status: string;
  images: string[];
  topics: string[];
  likes: number;
  collects: number;
  comments: number;
  adLabel: { merchantName: string } | null;
}
const noteByTitle = async (title: string) => (await e2e.cloud.db.collection<NoteRow>('notes').where({ title }).get()).data[0];

async function upload(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await visible(page, 'note-images-add').click();
  await (await chooser).setFiles(file);
}

/** Delivers a pass for every image check still waiting, as WeChat's push would. */
async function passPendingImages() {
  const { pending } = (await (await fetch(`${e2e.base}/api/dev/media-check`)).json()) as { pending: { traceId: string }[] };
  for (const c of pending) {
    const res = await fetch(`${e2e.base}/api/dev/media-check`, { method: 'POST', body: JSON.stringify({ traceId: c.traceId, pass: true }) });
    expect(res.status).toBe(200);
  }
  return pending.length;
}

test('a KOC writes a note with photos, a topic and a product; a classmate finds it in 发现, likes, collects and comments', () =>
  e2e.screenshotsOnFailure('notes', async () => {
    const koc = await e2e.newUser();
    await e2e.signIn(koc.page, KOC);
    await koc.page.goto(`${e2e.base}/#/packages/notes/edit/index`);
    await visible(koc.page, 'note-editor').waitFor();

    // Publishing an empty form names the missing title beside it and writes nothing.
    await visible(koc.page, 'note-publish').click();
    await visible(koc.page, 'note-title-field-error').waitFor();
    expect((await e2e.cloud.db.collection('notes').count()).total).toBe(0);

    await upload(koc.page, picture('home.png'));
    await visible(koc.page, 'note-images').locator('img').first().waitFor();
    await upload(koc.page, picture('discover.png'));
    await eventually(async () => expect(await visible(koc.page, 'note-images').locator('img:visible').count()).toBe(2));
    await visible(koc.page, 'note-title').locator('input').fill(TITLE);
    await visible(koc.page, 'note-body').locator('textarea').fill('晚自习前来一瓶，白桃味最好喝，整箱送到宿舍楼下很方便。');
    await visible(koc.page, 'note-topic-input').locator('input').fill('#宿舍好物');
    await visible(koc.page, 'note-topic-add').click();
    await visible(koc.page, 'note-topic-chip').getByText('#宿舍好物').waitFor();
    await visible(koc.page, 'note-product-add').click();
    await visible(koc.page, 'product-search-input').locator('input').fill('气泡水');
    await visible(koc.page, 'product-search-submit').click();
    await visible(koc.page, 'product-pick').filter({ hasText: '0糖气泡水' }).first().click();
    await visible(koc.page, 'note-product-tag').filter({ hasText: '0糖气泡水' }).waitFor();
    await look(koc.page, 'editor');

    await visible(koc.page, 'note-publish').click();
    await visible(koc.page, 'note-result').getByText('已提交，审核中').waitFor();
    await look(koc.page, 'editor-checking');
    const written = await noteByTitle(TITLE);
    expect(written).toMatchObject({ status: 'checking', topics: ['宿舍好物'], adLabel: { merchantName: '云朵便利店' } });
    expect(written.images).toHaveLength(2);

    // Both photos pass: the note is published, and its page says 广告 · 云朵便利店.
    expect(await passPendingImages()).toBe(2);
    await eventually(async () => expect((await noteByTitle(TITLE)).status).toBe('published'));
    await visible(koc.page, 'note-result-confirm').click();
    await koc.page.waitForURL(/packages\/notes\/detail/);
    await expect(visible(koc.page, 'note-ad').textContent()).resolves.toBe('广告 · 云朵便利店');
    expect(await visible(koc.page, 'note-status').count()).toBe(0);
    await eventually(async () => expect(await visible(koc.page, 'note-images').locator('img').count()).toBeGreaterThanOrEqual(2));
    await look(koc.page, 'detail-author');

    // A classmate opens 发现: the note is there with the line saying why.
    const student = await e2e.newUser();
    await e2e.signIn(student.page, STUDENT);
    await student.page.goto(`${e2e.base}/#/pages/discover/index`);
    const card = visible(student.page, 'note-card').filter({ hasText: TITLE });
    await card.waitFor();
    await expect(card.locator('[data-testid="note-card-reason"]').textContent()).resolves.toMatch(/\S/);
    await look(student.page, 'discover');
    await card.click();
    await student.page.waitForURL(/packages\/notes\/detail/);
    await visible(student.page, 'note-title').getByText(TITLE).waitFor();
    await expect(visible(student.page, 'note-ad').textContent()).resolves.toBe('广告 · 云朵便利店');
    await visible(student.page, 'note-product').filter({ hasText: '¥39.90' }).waitFor();

    // 赞 and 收藏: the bar shows them at once and the server counts each once.
    await visible(student.page, 'note-like').click();
    await eventually(async () => expect(await visible(student.page, 'note-likes').textContent()).toBe('1'));
    await visible(student.page, 'note-collect').click();
    await eventually(async () => expect(await visible(student.page, 'note-collects').textContent()).toBe('1'));
    await visible(student.page, 'comment-input').locator('input').fill('白桃味确实好喝！');
    await visible(student.page, 'comment-send').click();
    await visible(student.page, 'note-comment').filter({ hasText: '白桃味确实好喝！' }).waitFor();
    await eventually(async () => expect(await noteByTitle(TITLE)).toMatchObject({ likes: 1, collects: 1, comments: 1 }));
    await look(student.page, 'detail-reader');

    // The KOC's 消息: who liked and who commented.
    await e2e.openLink(koc.page, `${e2e.base}/#/packages/notes/inbox/index`);
    await visible(koc.page, 'notification').filter({ hasText: '评论了你的笔记' }).waitFor();
    await visible(koc.page, 'notification').filter({ hasText: '赞了你的笔记' }).waitFor();
    await look(koc.page, 'inbox');
    expect(e2e.errors).toEqual([]);
  }));

interface OrderRow {
  _id: string;
  status: string;
  pickupCode?: string;
}
const ordersOf = async (buyer: string) => (await e2e.cloud.db.collection<OrderRow>('orders').where({ buyer }).get()).data;

async function payInSheet(page: Page) {
  await page.locator('[data-testid="pay-sheet"]:visible').waitFor();
  await page.locator('[data-testid="pay-confirm"]:visible').click();
  await page.locator('[data-testid="pay-sheet"]').waitFor({ state: 'detached' });
}

const stat = async (page: Page, label: string) => Number(await visible(page, `note-stat-${label}`).textContent());

test(
  'the classmate taps the note’s product and buys it alone; the KOC’s 笔记数据 shows the reads, the like, the comment and the tap',
  () =>
    e2e.screenshotsOnFailure('notes-stats', async () => {
      const note = await noteByTitle(TITLE);
      const student = await e2e.newUser();
      await e2e.signIn(student.page, STUDENT);
      await student.page.goto(`${e2e.base}/#/packages/notes/detail/index?id=${note._id}`);
      await visible(student.page, 'note-product').filter({ hasText: '0糖气泡水' }).click();
      await student.page.waitForURL(/pages\/product/);
      await visible(student.page, 'buy-alone').click();
      await student.page.locator('[data-testid="checkout-sheet"] [data-testid="pickup-option"]').first().waitFor();
      await visible(student.page, 'pickup-option').first().click();
      await visible(student.page, 'checkout-submit').click();
      await payInSheet(student.page);
      await student.page.waitForURL(/packages\/order\/detail/);
      await eventually(async () => expect((await ordersOf(STUDENT))[0]?.status).toBe('confirmed'));

      // A comment can be reported: the reasons sheet, then 提交举报.
      const koc = await e2e.newUser();
      await e2e.signIn(koc.page, KOC);
      await koc.page.goto(`${e2e.base}/#/packages/notes/detail/index?id=${note._id}`);
      await visible(koc.page, 'note-comment').filter({ hasText: '白桃味确实好喝！' }).locator('[data-testid="comment-report"]').click();
      await visible(koc.page, 'report-reason').filter({ hasText: '辱骂攻击' }).click();
      await look(koc.page, 'report-sheet');
      await visible(koc.page, 'report-submit').click();
      await koc.page.getByText('已举报，我们会尽快处理').waitFor();
      expect((await e2e.cloud.db.collection('note_reports').where({ noteId: note._id, by: KOC }).get()).data).toHaveLength(1);

      // The author's figures: the classmate read it (twice: from 发现, then again to buy), liked,
      // commented, tapped the product and bought it within the week after the tap: 成交 1.
      await visible(koc.page, 'note-stats').waitFor();
      expect(await stat(koc.page, '浏览')).toBeGreaterThanOrEqual(1);
      expect(await stat(koc.page, '读者')).toBe(1);
      expect(await stat(koc.page, '赞')).toBe(1);
      expect(await stat(koc.page, '评论')).toBe(1);
      expect(await stat(koc.page, '商品点击')).toBe(1);
      expect(await stat(koc.page, '成交')).toBe(1);
      await visible(koc.page, 'note-stats').scrollIntoViewIfNeeded();
      await look(koc.page, 'stats');
      expect(e2e.errors).toEqual([]);
    }),
  120_000,
);

test(
  'once the order is picked up, the classmate reviews it with 4 stars; the order says 已评价 and the product page shows the review',
  () =>
    e2e.screenshotsOnFailure('notes-review', async () => {
      const [order] = await ordersOf(STUDENT);
      const merchant = await e2e.newUser();
      await e2e.signIn(merchant.page, 'demo-merchant-1');
      await merchant.page.goto(`${e2e.base}/#/packages/merchant/orders/index`);
      await visible(merchant.page, 'order-tabs-confirmed').click();
      await visible(merchant.page, 'merchant-order').filter({ hasText: '周一一' }).locator('[data-testid="ready-button"]').click();
      await eventually(async () => expect((await ordersOf(STUDENT))[0].status).toBe('ready_for_pickup'));
      const code = (await ordersOf(STUDENT))[0].pickupCode ?? '';
      await merchant.page.goto(`${e2e.base}/#/packages/merchant/orders/index`);
      await visible(merchant.page, 'order-tabs-ready_for_pickup').click();
      await visible(merchant.page, 'merchant-order').filter({ hasText: '周一一' }).locator('[data-testid="verify-button"]').click();
      await visible(merchant.page, 'verify-code').locator('input').fill(code);
      await visible(merchant.page, 'verify-confirm').click();
      await eventually(async () => expect((await ordersOf(STUDENT))[0].status).toBe('completed'));

      const student = await e2e.newUser();
      await e2e.signIn(student.page, STUDENT);
      await student.page.goto(`${e2e.base}/#/packages/order/detail/index?id=${order._id}`);
      await visible(student.page, 'order-review-button').click();
      await student.page.waitForURL(/packages\/notes\/review/);
      // No stars: the rating's field says so and nothing is written.
      await visible(student.page, 'review-submit').click();
      await visible(student.page, 'review-rating-field-error').getByText('请打分（1-5 颗星）').waitFor();
      await visible(student.page, 'review-star-4').click();
      await visible(student.page, 'review-text').locator('textarea').fill('整箱送到宿舍楼下，白桃味很好喝，就是有点甜。');
      await look(student.page, 'review-form');
      await visible(student.page, 'review-submit').click();
      await visible(student.page, 'review-done-title').getByText('已评价').waitFor();
      await look(student.page, 'review-done');
      expect((await e2e.cloud.db.collection('reviews').where({ orderId: order._id }).get()).data).toMatchObject([{ rating: 4, noteId: null }]);

      await student.page.goBack();
      await visible(student.page, 'order-review').getByText('已评价').waitFor();
      await student.page.goto(
        `${e2e.base}/#/pages/product/index?id=${(await e2e.cloud.db.collection<{ productId: string }>('reviews').where({ orderId: order._id }).get()).data[0].productId}`,
      );
      await expect(visible(student.page, 'product-reviews-summary').textContent()).resolves.toBe('★ 4.0 · 1 条评价');
      await visible(student.page, 'review-row').filter({ hasText: '整箱送到宿舍楼下' }).waitFor();
      await visible(student.page, 'product-reviews').scrollIntoViewIfNeeded();
      await look(student.page, 'product-reviews');
      expect(e2e.errors).toEqual([]);
    }),
  120_000,
);

test('a note with a blocked word is refused, and its author reads why', () =>
  e2e.screenshotsOnFailure('notes-refused', async () => {
    const koc = await e2e.newUser();
    await e2e.signIn(koc.page, KOC);
    await koc.page.goto(`${e2e.base}/#/packages/notes/edit/index`);
    await visible(koc.page, 'note-title').locator('input').fill('期末复习资料分享');
    await visible(koc.page, 'note-body').locator('textarea').fill('需要代考的私聊我');
    await visible(koc.page, 'note-publish').click();
    await visible(koc.page, 'note-result').getByText('未通过：标题或正文含有违规内容，请修改后再发布').waitFor();
    await look(koc.page, 'refused');
    expect(await noteByTitle('期末复习资料分享')).toMatchObject({ status: 'rejected' });
    // Its page shows the author the same reason.
    await visible(koc.page, 'note-result-confirm').click();
    await koc.page.waitForURL(/packages\/notes\/detail/);
    await visible(koc.page, 'note-status').getByText('未通过：标题或正文含有违规内容，请修改后再发布').waitFor();
    await look(koc.page, 'refused-detail');
    expect(e2e.errors).toEqual([]);
  }));

test('every notes screen is free of overlapping or clipped elements', () => {
  expect(problems.join('\n')).toBe('');
});
