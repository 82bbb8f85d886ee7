// Starts a local cloud with a fresh database on a free port, serving the built H5 app, and a
// headless Chromium to drive it. Each test file gets its own of both.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createLocalCloud } from '../../local-cloud/host';
import { createHttpServer } from '../../local-cloud/http';
import { readTriggers } from '../../local-cloud/timers';

const root = join(__dirname, '..', '..');

export async function startE2E() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sprout-e2e-'));
  const cloud = await createLocalCloud({ dataDir, logWrite: () => {} });
  const server = createHttpServer({ cloud, triggers: readTriggers(root, Object.keys(cloud.functions)), h5Dir: join(root, 'dist', 'h5') });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cloud.setPublicUrl(base);
  const browser: Browser = await chromium.launch({
    executablePath: process.env.SPROUT_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const errors: string[] = [];
  const pages: Page[] = [];
  /** A separate browser profile: another phone, another student. */
  async function newUser(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    pages.push(page);
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page };
  }
  /** Signs in on the local sign-in page as a demo user and waits for the home tab. */
  async function signIn(page: Page, openid: string) {
    await page.goto(`${base}/#/pages/dev-login/index`);
    await page.locator(`[data-testid="login-${openid}"]:visible`).click();
    await page.waitForURL(/pages\/index\/index/);
    // Wait until home has rendered: navigating while Taro's H5 router is still switching pages
    // can leave the previous page on top.
    await page.locator('[data-testid="product-card"]:visible').first().waitFor();
  }
  /** Runs a test body; if it fails, every page's screenshot is kept in .tmp/ to see why. */
  async function screenshotsOnFailure(name: string, body: () => Promise<void>) {
    try {
      await body();
    } catch (e) {
      await Promise.all(pages.map((p, i) => p.screenshot({ path: join(root, '.tmp', `e2e-${name}-${i}.png`) }).catch(() => undefined)));
      throw e;
    }
  }
  /** Opens a shared link as a person would: a fresh page load, not a hash change inside the running app. */
  async function openLink(page: Page, link: string) {
    await page.goto('about:blank');
    await page.goto(link);
  }
  async function stop() {
    await browser.close();
    await new Promise((r) => server.close(r));
    cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { base, cloud, newUser, signIn, openLink, errors, stop, screenshotsOnFailure };
}

/** Retries an assertion until it holds (what the browser triggers lands a moment later). */
export async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
