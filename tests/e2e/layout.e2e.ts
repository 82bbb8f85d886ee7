// The layout check itself, on hand-made pages: each broken layout a person would notice is
// found, and a tidy page passes, so the screenshots test can only pass on pages without them.
import { type Browser, chromium, type Page } from 'playwright-core';
import { layoutProblems } from './layout';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.SPROUT_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
});
afterAll(() => browser.close());

const shell = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; font: 14px/20px sans-serif; }
  .card { margin: 12px; padding: 12px; width: 300px; background: #fff; border: 1px solid #ddd; }
  button { height: 36px; line-height: 20px; padding: 0 12px; }
</style></head><body><div class="taro_page">${body}</div></body></html>`;

async function rulesOf(body: string) {
  await page.setContent(shell(body));
  return (await layoutProblems(page)).map((p) => p.rule);
}

describe('layout check', () => {
  it('passes a tidy card', async () => {
    expect(await rulesOf('<div class="card"><span>一杯奶茶</span> <button>确认收货</button></div>')).toEqual([]);
  });
  it('finds a button hanging outside its card', async () => {
    expect(await rulesOf('<div class="card"><button style="margin-left: 260px; width: 100px">确认收货</button></div>')).toContain('escapes-card');
  });
  it('finds something past the right edge of the screen', async () => {
    expect(await rulesOf('<div style="width: 460px; height: 10px"></div>')).toContain('off-screen');
  });
  it('finds text cut off without an ellipsis, and lets an ellipsis through', async () => {
    const long = '这是一个非常非常长的商品标题，放不下一行'.repeat(2);
    expect(await rulesOf(`<div style="width: 120px; height: 20px; overflow: hidden; white-space: nowrap">${long}</div>`)).toContain('clipped-text');
    expect(await rulesOf(`<div style="width: 120px; height: 20px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis">${long}</div>`)).toEqual([]);
  });
  it('finds a squeezed button whose label stacks, and a label stuck to the top', async () => {
    expect(await rulesOf('<button style="width: 30px; height: 70px; padding: 0">去参团</button>')).toContain('button-text');
    expect(await rulesOf('<button style="height: 60px; display: flex; align-items: flex-start">发货</button>')).toContain('button-text');
  });
  it('checks only an open dialog, not the page under its mask', async () => {
    const under = '<button>通过</button><button style="position: relative; left: -30px">驳回</button>';
    const dialog =
      '<div style="position: fixed; inset: 0; background: rgba(0,0,0,.5)"><div class="dialog" style="margin: 200px 40px; background: #fff; padding: 12px"><button>确定</button></div></div>';
    expect(await rulesOf(under + dialog)).toEqual([]);
    const broken =
      '<div style="position: fixed; inset: 0"><div class="dialog" style="margin: 200px 40px; width: 100px"><button style="width: 200px">确定</button></div></div>';
    expect(await rulesOf(under + broken)).toContain('escapes-card');
  });
  it('finds two buttons drawn over each other', async () => {
    expect(await rulesOf('<button>通过</button><button style="position: relative; left: -30px">驳回</button>')).toContain('overlap');
  });
});
