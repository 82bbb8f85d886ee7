// Helpers for function tests: a seeded local cloud on a throwaway database, and a call that
// goes through the host exactly as an HTTP request would. With `durable`, the database is a
// file and the cloud can crash (after the k-th write, as POST /api/dev/faults arms it) and
// restart on the same data with the same clock and the same WeChat Pay stand-ins.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from './clock';
import { createLocalCloud, type LocalCloud } from './host';

export const T0 = Date.parse('2026-11-22T02:00:00Z'); // 10:00 campus time

export interface TestCloudOptions {
  seed?: boolean;
  /** A file-backed database that can crash and restart. */
  durable?: boolean;
  /** [min, max] ms before each database operation, and the random source for it. */
  latencyMs?: [number, number];
  random?: () => number;
  /** How the database waits out its latency (the simulator's virtual clock). */
  sleep?: (ms: number) => Promise<void>;
  /** The clock timers' time limits are measured on (see LocalCloudOptions.runClock). */
  runClock?: () => number;
  /** Ids for documents added without one (the simulator's are seeded, so a run replays). */
  newId?: () => string;
  /** Where log lines go (a test reading what a function logged); default: nowhere under jest. */
  logWrite?: (line: string) => void;
  /** No log lines, even outside jest (the simulator's command line). */
  quiet?: boolean;
}

export async function testCloud(options: TestCloudOptions = {}) {
  const clock = new Clock(() => T0);
  const dataDir = options.durable ? mkdtempSync(join(tmpdir(), 'sprout-test-')) : ':memory:';
  let crashes = 0;
  const engine = { latencyMs: options.latencyMs, random: options.random, sleep: options.sleep, newId: options.newId, crash: () => void crashes++ };
  const logWrite = options.logWrite ?? (options.quiet ? () => {} : undefined);
  let cloud: LocalCloud = await createLocalCloud({ dataDir, clock, seed: options.seed ?? true, engine, logWrite, runClock: options.runClock });
  const call = <T = unknown>(fn: string, openid: string, event: Record<string, unknown>) =>
    cloud.invoke(fn, event, { openid }) as Promise<{ ok: true; data: T } | { ok: false; code: string; message: string }>;
  /** The same call, with what it cost in database operations (reads, writes, rows scanned). */
  const callMetered = async <T = unknown>(fn: string, openid: string, event: Record<string, unknown>) => {
    const { result, ops } = await cloud.invokeMetered(fn, event, { openid });
    return { result: result as { ok: true; data: T } | { ok: false; code: string; message: string }, ops };
  };
  /** Kill the process right after the k-th committed write from now (the caller sees a failure). */
  const crashAfterWrites = (k: number) => cloud.engine.faults.arm({ crashAfterWrites: k });
  /** Start again on the same data, as after a crash; the old instance is dead. */
  const restart = async () => {
    if (!options.durable) throw new Error('restart needs testCloud({ durable: true })');
    try {
      cloud.close();
    } catch {}
    cloud = await createLocalCloud({
      dataDir,
      clock,
      seed: false,
      engine,
      logWrite,
      pay: cloud.pay,
      payout: cloud.payout,
      messages: cloud.messages,
      contentCheck: cloud.contentCheck,
      runClock: options.runClock,
    });
    t.cloud = cloud;
    return cloud;
  };
  /** A fingerprint of every stored document and version: equal before and after means nothing was written. */
  const fingerprint = () =>
    cloud.engine.store
      .collections()
      .map(
        (c) =>
          cloud.engine.store.db.prepare(`SELECT count(*) n, coalesce(sum(v), 0) v, coalesce(group_concat(_id), '') ids FROM "c_${c}"`).get() as { n: number },
      )
      // A collection first touched by a read exists empty: that is not a write.
      .filter((r) => r.n > 0)
      .map((r) => JSON.stringify(r))
      .join('|');
  /** Closes the database and removes its folder (durable clouds). */
  const dispose = () => {
    try {
      cloud.close();
    } catch {}
    if (options.durable) rmSync(dataDir, { recursive: true, force: true });
  };
  const t = { cloud, clock, call, callMetered, fingerprint, crashAfterWrites, restart, dispose, crashes: () => crashes };
  return t;
}
