// The function build, run as `npm run build:functions` runs it, on one function into a temporary
// folder: the bundle stays under the size limit, carries no zod locale but zh-CN and zod's
// default en, still answers refused input in Chinese once minified, and an oversized bundle or
// one that reads a denied module (dayjs, the local cloud, better-sqlite3, or one named by --deny)
// fails the build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'sprout-functions-'));
const bundle = join(out, 'user', 'index.js');
const LIMIT = 150 * 1024;

const buildUser = (...flags: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts', 'build-functions.mjs'), 'user', `--out=${out}`, ...flags], { cwd: root, encoding: 'utf8' });

// Each locale's message for a failed union: a string only that locale's file carries.
// (zod's CommonJS locale files export the locale function itself.)
type Locale = () => { localeError: (issue: unknown) => string };
const localeDir = join(root, 'node_modules', 'zod', 'v4', 'locales');
const messageOf = (file: string) => (require(join(localeDir, file)) as Locale)().localeError({ code: 'invalid_union', errors: [], input: 1 });
const kept = new Set([messageOf('en.cjs'), messageOf('zh-CN.cjs')]);
const others = readdirSync(localeDir)
  .filter((f) => f.endsWith('.cjs') && !['index.cjs', 'en.cjs', 'zh-CN.cjs'].includes(f))
  .map((f) => ({ locale: f.replace(/\.cjs$/, ''), message: messageOf(f) }))
  .filter((l) => !kept.has(l.message));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('build-functions', () => {
  let text = '';
  beforeAll(() => {
    const run = buildUser();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    text = readFileSync(bundle, 'utf8');
  });

  it('keeps the bundle under the limit and writes its package.json', () => {
    expect(Buffer.byteLength(text)).toBeLessThan(LIMIT);
    expect(JSON.parse(readFileSync(join(out, 'user', 'package.json'), 'utf8'))).toMatchObject({ name: 'user', main: 'index.js' });
  });

  it('carries zh-CN and none of the other locales', () => {
    expect(others.length).toBeGreaterThan(50);
    expect(text).toContain('无效输入');
    expect(others.filter((l) => text.includes(l.message)).map((l) => l.locale)).toEqual([]);
  });

  it('answers refused input in Chinese from the minified bundle', () => {
    // The bundle with a stand-in for wx-server-sdk (the one module it requires from outside).
    const probe = `
      const Module = require('node:module');
      const sdk = { DYNAMIC_CURRENT_ENV: 'env', init() {}, database: () => ({}), getWXContext: () => ({ OPENID: 'o1', SOURCE: 'wx_client' }), openapi: {}, cloudPay: {} };
      const load = Module._load;
      Module._load = function (request, ...rest) { return request === 'wx-server-sdk' ? sdk : load.call(this, request, ...rest); };
      require(process.argv[1]).main({ action: 'updateProfile', interests: 'x' }, {}).then((r) => process.stdout.write(JSON.stringify(r)));
    `;
    const run = spawnSync(process.execPath, ['-e', probe, bundle], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ ok: false, code: 'INVALID_INPUT', message: 'interests: 无效输入：期望 数组，实际接收 string' });
  });

  it('fails the build when a bundle is over the limit', () => {
    const run = buildUser('--max-kb=10');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/user .*OVER THE LIMIT/);
    expect(run.stderr).toContain('over the bundle limit: user (10.0 KB)');
  });

  it('fails the build when a bundle reads a denied module', () => {
    // zod stands in for dayjs and the rest: every function reads it, so denying it must fail.
    const run = buildUser('--deny=zod');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/user bundles zod, which no function may \(\d+ files: node_modules\/zod\//);
  });
});
