import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { functions } from './functions';
import { createHttpServer } from './http';
import { testCloud } from './testing';
import { parseWeChatCron, readTriggers } from './timers';

const root = join(__dirname, '..');

async function serve() {
  const { cloud } = await testCloud();
  const server = createHttpServer({ cloud, triggers: readTriggers(root, Object.keys(cloud.functions)), h5Dir: join(root, 'no-such-dir') });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { cloud, base, close: () => new Promise((r) => server.close(r)) };
}

describe('local cloud HTTP contract', () => {
  it('health, functions with x-sprout-openid, dev clock, and the subscribe-message inbox', async () => {
    const { base, close } = await serve();
    try {
      expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ ok: true });
      const login = await fetch(`${base}/api/functions/user`, {
        method: 'POST',
        headers: { 'x-sprout-openid': 'demo-student-1' },
        body: JSON.stringify({ action: 'login' }),
      });
      expect(login.status).toBe(200);
      // What the call cost, as WeChat bills it: reads/writes, and rows the engine looked at.
      expect(login.headers.get('x-sprout-db-ops')).toMatch(/^[1-9]\d*\/\d+$/);
      expect(Number(login.headers.get('x-sprout-db-scanned'))).toBeGreaterThan(0);
      expect(await login.json()).toMatchObject({ result: { ok: true, data: { profile: { openid: 'demo-student-1', nickname: '林小满' } } } });
      const fresh = await (
        await fetch(`${base}/api/functions/user`, { method: 'POST', headers: { 'x-sprout-openid': 'someone-new' }, body: '{"action":"login"}' })
      ).json();
      expect(fresh).toMatchObject({ result: { ok: true, data: { isNew: true, profile: { roles: ['student'] } } } });
      expect((await fetch(`${base}/api/functions/nope`, { method: 'POST', body: '{}' })).status).toBe(404);
      expect((await fetch(`${base}/api/functions/user`, { method: 'POST', body: '{not json' })).status).toBe(400);
      const before = (await (await fetch(`${base}/api/dev/clock`)).json()).now;
      const after = (await (await fetch(`${base}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 3600_000 }) })).json()).now;
      expect(after - before).toBeGreaterThanOrEqual(3600_000);
      expect((await fetch(`${base}/api/dev/pay/T123`, { method: 'POST', body: '{"result":"success"}' })).status).toBe(404);
      expect(await (await fetch(`${base}/api/dev/inbox?openid=x`)).json()).toEqual({ messages: [] });
      expect((await fetch(`${base}/api/dev/timers/all`, { method: 'POST' })).status).toBe(200);
      expect((await fetch(`${base}/assets/products/p-lamp.svg`)).headers.get('content-type')).toMatch(/svg/);
    } finally {
      await close();
    }
  });

  it('hosts every function folder under cloudfunctions/', () => {
    const folders = readdirSync(join(root, 'cloudfunctions'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(Object.keys(functions).sort()).toEqual(folders.sort());
  });

  it("reads WeChat's 7-field cron", () => {
    expect(parseWeChatCron('0 */5 * * * * *').pattern).toBe('0 */5 * * * *');
    expect(parseWeChatCron('0 0 2 1 * * 2026').yearMatches(2027)).toBe(false);
    expect(() => parseWeChatCron('* * * * *')).toThrow(/7 fields/);
  });
});

describe('deployment config', () => {
  it('cloudbaserc.json deploys every function with an explicit timeout', () => {
    const rc = JSON.parse(require('node:fs').readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as { functions: { name: string; timeout: number }[] };
    expect(rc.functions.map((f) => f.name).sort()).toEqual(Object.keys(functions).sort());
    for (const f of rc.functions) expect(f.timeout).toBeGreaterThanOrEqual(3);
  });
});

describe('local storage stand-in', () => {
  it('stores an uploaded image and serves it; refuses other types and anonymous uploads', async () => {
    const { base, close } = await serve();
    try {
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      const up = await fetch(`${base}/api/storage/upload?folder=avatars`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', 'x-sprout-openid': 'demo-student-1' },
        body: png,
      });
      const { fileID } = (await up.json()) as { fileID: string };
      expect(fileID).toMatch(/^\/files\/avatars\/[0-9a-f]{32}\.png$/);
      const got = await fetch(`${base}${fileID}`);
      expect(got.status).toBe(200);
      expect(Buffer.from(await got.arrayBuffer())).toEqual(png);
      expect(
        (await fetch(`${base}/api/storage/upload`, { method: 'POST', headers: { 'content-type': 'text/html', 'x-sprout-openid': 'u' }, body: 'x' })).status,
      ).toBe(415);
      expect((await fetch(`${base}/api/storage/upload`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: png })).status).toBe(401);
    } finally {
      await close();
    }
  });
});
