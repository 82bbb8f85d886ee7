// The merchant's catalogue and a student's search, in Chromium at 390x844: a product made with
// two uploaded pictures, a campaign opened on it and edited, both changes seen by a student;
// searching 台灯, and two characters from the middle of a title.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { eventually, startE2E } from './harness';
import { formatProblems, screen } from './layout';

let e2e: Awaited<ReturnType<typeof startE2E>>;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

const problems: string[] = [];
async function look(page: Page, name: string) {
  const found = await screen(page, `catalog-${name}`);
  if (found.length) problems.push(formatProblems(name, found));
}

const picture = (name: string) => join(__dirname, '..', '..', 'src', 'assets', 'tab', name);

async function upload(page: Page, testId: string, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.locator(`[data-testid="${testId}-add"]:visible`).click();
  await (await chooser).setFiles(file);
}

interface ProductRow {
  _id: string;
  title: string;
  images: string[];
  priceFen: number;
  stock: number;
}

test('a merchant creates a product with two pictures, opens a campaign on it and edits it; a student sees both', () =>
  e2e.screenshotsOnFailure('catalog-merchant', async () => {
    const merchant = await e2e.newUser();
    await e2e.signIn(merchant.page, 'demo-merchant-2');
    await merchant.page.goto(`${e2e.base}/#/packages/merchant/products/index`);
    await merchant.page.locator('[data-testid="merchant-product"]:visible').first().waitFor();
    await look(merchant.page, 'merchant-products');
    await merchant.page.locator('[data-testid="product-new"]:visible').click();
    await merchant.page.waitForURL(/packages\/merchant\/product-edit/);

    // Saving an empty form names each missing field and writes nothing.
    const before = (await e2e.cloud.db.collection('products').count()).total;
    await merchant.page.locator('[data-testid="product-save"]:visible').click();
    await merchant.page.locator('[data-testid="product-title-field-error"]:visible').waitFor();
    await merchant.page.locator('[data-testid="product-images-error"]:visible').waitFor();
    await look(merchant.page, 'product-form-errors');
    expect((await e2e.cloud.db.collection('products').count()).total).toBe(before);

    await upload(merchant.page, 'product-images-upload', picture('home.png'));
    await merchant.page.locator('[data-testid="product-images-upload"] img:visible').first().waitFor();
    await upload(merchant.page, 'product-images-upload', picture('group.png'));
    await eventually(async () => expect(await merchant.page.locator('[data-testid="product-images-upload"] img:visible').count()).toBe(2));
    await merchant.page.locator('[data-testid="product-title"]:visible input').fill('宿舍折叠收纳箱');
    await merchant.page.locator('[data-testid="product-category-picker"]:visible').click();
    await merchant.page.getByText('确定', { exact: true }).last().click();
    await merchant.page.locator('[data-testid="product-price"]:visible input').fill('0');
    await merchant.page.locator('[data-testid="product-stock"]:visible input').fill('-3');
    await merchant.page.locator('[data-testid="product-save"]:visible').click();
    // Price 0 and negative stock are refused next to their fields.
    await merchant.page.locator('[data-testid="product-price-field-error"]:visible').waitFor();
    await merchant.page.locator('[data-testid="product-stock-field-error"]:visible').waitFor();
    expect((await e2e.cloud.db.collection('products').count()).total).toBe(before);
    await merchant.page.locator('[data-testid="product-price"]:visible input').fill('39.90');
    await merchant.page.locator('[data-testid="product-original-price"]:visible input').fill('59');
    await merchant.page.locator('[data-testid="product-stock"]:visible input').fill('30');
    await look(merchant.page, 'product-form');
    await merchant.page.locator('[data-testid="product-save"]:visible').click();
    await merchant.page.waitForURL(/packages\/merchant\/products/);
    const { data: made } = await e2e.cloud.db.collection<ProductRow>('products').where({ title: '宿舍折叠收纳箱' }).get();
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ priceFen: 3990, stock: 30 });
    expect(made[0].images).toHaveLength(2);

    // A campaign on it (the newest product is the form's first choice), then edited.
    // A fresh load, as a person opening the console would (a hash change right after the form's
    // navigateBack can leave Taro's H5 router showing an empty page).
    await e2e.openLink(merchant.page, `${e2e.base}/#/packages/merchant/campaigns/index`);
    await merchant.page.locator('[data-testid="campaign-new"]:visible').click();
    await merchant.page
      .locator('[data-testid="campaign-product"]:visible')
      .getByText(/宿舍折叠收纳箱/)
      .waitFor();
    await merchant.page.locator('[data-testid="campaign-price"]:visible input').fill('29.90');
    await merchant.page.locator('[data-testid="campaign-stock"]:visible input').fill('20');
    await look(merchant.page, 'campaign-form');
    await merchant.page.locator('[data-testid="campaign-create"]:visible').click();
    const row = merchant.page.locator('[data-testid="campaign-row"]:visible').filter({ hasText: '宿舍折叠收纳箱' });
    await row.waitFor();
    await look(merchant.page, 'merchant-campaigns');
    await row.locator('[data-testid="campaign-edit"]').click();
    await merchant.page.locator('[data-testid="campaign-edit-price"]:visible input').fill('25');
    await look(merchant.page, 'campaign-edit-dialog');
    await merchant.page.locator('[data-testid="campaign-edit-dialog-confirm"]:visible').click();
    await row.getByText(/¥25\.00/).waitFor();

    // A student sees the new product with both pictures, and the campaign at the edited price.
    const student = await e2e.newUser();
    await e2e.signIn(student.page, 'demo-student-1');
    await student.page.goto(`${e2e.base}/#/pages/product/index?id=${made[0]._id}`);
    await student.page.getByText('宿舍折叠收纳箱').first().waitFor();
    await eventually(async () => expect(await student.page.locator('.taro_page:visible img').count()).toBeGreaterThanOrEqual(2));
    await student.page
      .locator('[data-testid="product-groupbuy"]:visible')
      .getByText(/¥25\.00/)
      .waitFor();
    await look(student.page, 'new-product');
    await student.page.locator('[data-testid="product-groupbuy"]:visible').click();
    await student.page.waitForURL(/pages\/campaign\/index/);
    // The product page stays in the H5 stack, hidden: look only at the page on top.
    await student.page
      .locator('.taro_page:visible')
      .getByText(/¥25\.00/)
      .first()
      .waitFor();
    await look(student.page, 'new-campaign');
    expect(e2e.errors).toEqual([]);
  }));

test('searching 台灯 finds the lamp, and so do two characters from the middle of its title', () =>
  e2e.screenshotsOnFailure('catalog-search', async () => {
    const { page } = await e2e.newUser();
    await e2e.signIn(page, 'demo-student-2');
    await page.locator('[data-testid="home-search"]:visible').click();
    await page.waitForURL(/packages\/search/);
    const search = async (q: string) => {
      await page.locator('[data-testid="search-input"]:visible input').fill(q);
      await page.locator('[data-testid="search-submit"]:visible').click();
    };
    await search('台灯');
    const lamp = page.locator('.taro_page:visible [data-testid="product-card"]:visible').filter({ hasText: 'LED 护眼台灯' });
    await lamp.first().waitFor();
    expect(await lamp.count()).toBe(1);
    await look(page, 'search-results');
    await search('护眼'); // the middle of 「LED 护眼台灯」
    await lamp.first().waitFor();
    await search('火星车');
    await page.locator('[data-testid="search-empty"]:visible').waitFor();
    await look(page, 'search-empty');
    expect(e2e.errors).toEqual([]);
  }));

test('every screen of these flows is free of overlapping or clipped elements', () => {
  expect(problems.join('\n')).toBe('');
});
