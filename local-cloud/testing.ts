// Helpers for function tests: a seeded local cloud on a throwaway database, and a call that
// goes through the host exactly as an HTTP request would.
import { Clock } from './clock';
import { createLocalCloud } from './host';

export const T0 = Date.parse('2026-11-22T02:00:00Z'); // 10:00 campus time

export async function testCloud(options: { seed?: boolean } = {}) {
  const clock = new Clock(() => T0);
  const cloud = await createLocalCloud({ dataDir: ':memory:', clock, seed: options.seed ?? true });
  const call = <T = unknown>(fn: string, openid: string, event: Record<string, unknown>) =>
    cloud.invoke(fn, event, { openid }) as Promise<{ ok: true; data: T } | { ok: false; code: string; message: string }>;
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
  return { cloud, clock, call, fingerprint };
}
