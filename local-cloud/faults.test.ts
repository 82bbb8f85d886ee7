// The network and the crashes, simulated: latency makes concurrent requests interleave as they
// do against WeChat's database; a crash armed over HTTP kills the process right after the k-th
// committed write, and the local cloud restarts cleanly on the same data.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Faults, parseLatency } from './engine/faults';
import { closeLocalDatabase, openLocalDatabase, openLocalEngine } from './index';

const indexes = { counters: [], notes: [] };

/** A read-then-write increment, the pattern races break: two of these at once may lose one. */
async function naiveIncrement(db: ReturnType<typeof openLocalDatabase>, trace: string[], who: string) {
  const { data } = await db.collection('counters').doc('c').get();
  trace.push(`${who}:read`);
  await db
    .collection('counters')
    .doc('c')
    .update({ data: { n: (data.n as number) + 1 } });
  trace.push(`${who}:write`);
}

describe('simulated latency (SPROUT_DB_LATENCY_MS)', () => {
  it('parses min-max and refuses nonsense', () => {
    expect(parseLatency('1-5')).toEqual([1, 5]);
    expect(parseLatency('3')).toEqual([3, 3]);
    expect(parseLatency(undefined)).toBeUndefined();
    expect(() => parseLatency('5-1')).toThrow(/below/);
    expect(() => parseLatency('fast')).toThrow(/1-5/);
  });

  it('with 1-5 ms, two concurrent read-then-write requests interleave and an increment is lost', async () => {
    // A fixed sequence of delays: the first request's write waits long, the second's read is quick.
    const delays = [0.1, 0.1, 0.9, 0.1, 0.1];
    let i = 0;
    const db = openLocalDatabase({ indexes, latencyMs: [1, 5], random: () => delays[i++ % delays.length] });
    await db.collection('counters').add({ data: { _id: 'c', n: 0 } });
    i = 0;
    const trace: string[] = [];
    const started = performance.now();
    await Promise.all([naiveIncrement(db, trace, 'A'), naiveIncrement(db, trace, 'B')]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2); // the operations really waited
    // Both read before either wrote: the requests interleaved, as they do against WeChat.
    expect(trace.slice(0, 2).sort()).toEqual(['A:read', 'B:read']);
    expect((await db.collection('counters').doc('c').get()).data.n).toBe(1);
    closeLocalDatabase(db);
  });

  it('a conditional update stays atomic under latency: no increment is lost', async () => {
    const db = openLocalDatabase({ indexes, latencyMs: [1, 5] });
    const _ = db.command;
    await db.collection('counters').add({ data: { _id: 'seats', taken: 0 } });
    const takes = await Promise.all(
      Array.from({ length: 12 }, () =>
        db
          .collection('counters')
          .where({ _id: 'seats', taken: _.lt(5) })
          .update({ data: { taken: _.inc(1) } }),
      ),
    );
    expect(takes.filter((r) => r.stats.updated === 1)).toHaveLength(5);
    expect((await db.collection('counters').doc('seats').get()).data.taken).toBe(5);
    closeLocalDatabase(db);
  });
});

describe('injected faults', () => {
  it('arming refuses unknown faults and bad counts', () => {
    const f = new Faults();
    expect(() => f.arm({ crashAfterWrites: 0 })).toThrow(/whole number/);
    expect(() => f.arm({ explode: 1 } as never)).toThrow(/unknown fault/);
    f.arm({ failWrite: 2 });
    expect(f.armed()).toEqual({ failWrite: 2 });
    f.arm({});
    expect(f.armed()).toEqual({});
  });

  it('failWrite: the k-th write fails once with a database error and writes nothing; later writes succeed', async () => {
    const { db, engine } = openLocalEngine({ indexes });
    await db.collection('notes').add({ data: { _id: 'a' } });
    engine.faults.arm({ failWrite: 2 });
    await db.collection('notes').add({ data: { _id: 'b' } });
    await expect(db.collection('notes').add({ data: { _id: 'c' } })).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringMatching(/injected/) });
    await db.collection('notes').add({ data: { _id: 'd' } });
    expect((await db.collection('notes').get()).data.map((d) => d._id)).toEqual(['a', 'b', 'd']);
    // A transaction's commit is one write: it fails whole.
    engine.faults.arm({ failWrite: 1 });
    await expect(
      db.runTransaction(async (tx) => {
        await tx
          .collection('notes')
          .doc('a')
          .set({ data: { x: 1 } });
        await tx.collection('notes').add({ data: { _id: 'e' } });
      }, 0),
    ).rejects.toBeTruthy();
    expect((await db.collection('notes').get()).data.map((d) => d._id)).toEqual(['a', 'b', 'd']);
    closeLocalDatabase(db);
  });

  it('crashAfterWrites in process: after the k-th committed write the database is gone; reopening finds exactly k writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sprout-crash-'));
    const file = join(dir, 'db.sqlite');
    let crashed = 0;
    const { db, engine } = openLocalEngine({ file, indexes, crash: () => crashed++ });
    engine.faults.arm({ crashAfterWrites: 2 });
    await db.collection('notes').add({ data: { _id: 'n1' } });
    // The 2nd write commits, then the "process" dies: its caller never hears back.
    await expect(
      db
        .collection('notes')
        .doc('n1')
        .update({ data: { seen: true } }),
    ).rejects.toBeTruthy();
    expect(crashed).toBe(1);
    await expect(db.collection('notes').add({ data: { _id: 'n2' } })).rejects.toBeTruthy();
    engine.close();
    const again = openLocalDatabase({ file, indexes });
    expect((await again.collection('notes').get()).data).toEqual([{ _id: 'n1', seen: true }]);
    closeLocalDatabase(again);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a crash takes waiting requests with it', () => {
  it("a plain write waiting for a transaction's lock fails when the process dies, instead of waiting for ever", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sprout-crash-'));
    const { db, engine } = openLocalEngine({ file: join(dir, 'db.sqlite'), indexes, crash: () => undefined });
    await db.collection('notes').add({ data: { _id: 'a' } });
    await db.collection('notes').add({ data: { _id: 'b' } });
    let open!: () => void;
    const gate = new Promise<void>((r) => {
      open = r;
    });
    // A transaction writes a (taking its lock) and stays open.
    const tx = db
      .runTransaction(async (t) => {
        await t
          .collection('notes')
          .doc('a')
          .update({ data: { by: 'tx' } });
        await gate;
      })
      .catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    // A plain write of a waits for that lock.
    const waiting = db
      .collection('notes')
      .doc('a')
      .update({ data: { by: 'plain' } })
      .then(
        () => 'written',
        () => 'failed',
      );
    await new Promise((r) => setTimeout(r, 20));
    // Another request's write is the one the process dies after.
    engine.faults.arm({ crashAfterWrites: 1 });
    await expect(
      db
        .collection('notes')
        .doc('b')
        .update({ data: { seen: true } }),
    ).rejects.toBeTruthy();
    const outcome = await Promise.race([waiting, new Promise((r) => setTimeout(() => r('still waiting'), 2000))]);
    expect(outcome).toBe('failed');
    open();
    await tx;
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('crashAfterWrites over HTTP kills the local cloud process', () => {
  const root = join(__dirname, '..');
  const freePort = () =>
    new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
    });
  async function start(dataDir: string, port: number): Promise<{ child: ChildProcess; exited: Promise<NodeJS.Signals | null> }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'local-cloud/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), SPROUT_DATA_DIR: dataDir, SPROUT_QUIET: '1', SPROUT_TIMERS: 'off', JEST_WORKER_ID: '' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return { child, exited };
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    throw new Error('local cloud did not start');
  }
  const login = (port: number, openid: string) =>
    fetch(`http://127.0.0.1:${port}/api/functions/user`, { method: 'POST', headers: { 'x-sprout-openid': openid }, body: '{"action":"login"}' });

  it('dies (SIGKILL) right after the 2nd write, and restarts cleanly on the same data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sprout-crash-http-'));
    const port = await freePort();
    const first = await start(dataDir, port);
    try {
      const armed = await fetch(`http://127.0.0.1:${port}/api/dev/faults`, { method: 'POST', body: '{"crashAfterWrites":2}' });
      expect(await armed.json()).toMatchObject({ armed: { crashAfterWrites: 2 } });
      // Each first login of a new student writes one document.
      expect((await login(port, 'crash-u1')).status).toBe(200);
      await expect(login(port, 'crash-u2')).rejects.toBeTruthy(); // the process died before answering
      expect(await first.exited).toBe('SIGKILL');
    } finally {
      first.child.kill('SIGKILL');
    }
    const second = await start(dataDir, port);
    try {
      const disarmed = await (await fetch(`http://127.0.0.1:${port}/api/dev/faults`)).json();
      expect(disarmed.armed).toEqual({});
      const u1 = await (await login(port, 'crash-u1')).json();
      const u2 = await (await login(port, 'crash-u2')).json();
      expect(u1.result.data.isNew).toBe(false); // written before the crash
      expect(u2.result.data.isNew).toBe(false); // the 2nd write committed, then the process died
      const u3 = await (await login(port, 'crash-u3')).json();
      expect(u3.result.data.isNew).toBe(true);
    } finally {
      second.child.kill('SIGKILL');
      await second.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('testCloud({ durable: true }): crash and restart in process', () => {
  it('a function that dies after its write leaves the write; after restart the same request finds it', async () => {
    const t = await (await import('./testing')).testCloud({ durable: true });
    t.crashAfterWrites(1);
    await expect(t.call('user', 'durable-u1', { action: 'login' })).rejects.toThrow(/crashed/);
    expect(t.crashes()).toBe(1);
    await expect(t.call('user', 'durable-u2', { action: 'login' })).rejects.toThrow(/crashed/);
    await t.restart();
    expect(await t.call('user', 'durable-u1', { action: 'login' })).toMatchObject({ ok: true, data: { isNew: false } });
    expect(await t.call('user', 'durable-u2', { action: 'login' })).toMatchObject({ ok: true, data: { isNew: true } });
  });
});
