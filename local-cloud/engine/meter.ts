// Database operations per request, counted the way WeChat Cloud charges and times them: every
// wire action is one round trip (about 5-20 ms in production). Reads are queries, counts and
// aggregations; writes are document writes and transaction starts, commits and aborts. `scanned`
// is what the local engine had to look at to answer (rows SQLite handed to the matcher): an
// aggregation is one operation however many events it groups, so a test that wants to know
// whether an action grows with data it does not show checks both.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface DbOps {
  reads: number;
  writes: number;
  scanned: number;
}

const meters = new AsyncLocalStorage<DbOps>();

const READS = new Set(['database.getDocument', 'database.calculateDocument', 'database.aggregateDocuments']);

/** Counts one wire action against the request it runs for (none outside a metered request). */
export function countAction(action: string): void {
  const m = meters.getStore();
  if (!m) return;
  if (READS.has(action)) m.reads++;
  else m.writes++;
}

/** Counts the rows handed to the matcher, as they are consumed. */
export function countScanned<T>(rows: IterableIterator<T>): IterableIterator<T> {
  const m = meters.getStore();
  if (!m) return rows;
  return (function* () {
    for (const r of rows) {
      m.scanned++;
      yield r;
    }
  })();
}

/**
 * Runs `fn` with its own meter. Nested runs (a function calling another) count into the
 * outermost one: a user action costs what all the functions it runs cost.
 */
export async function metered<T>(fn: () => Promise<T>): Promise<{ result: T; ops: DbOps }> {
  const outer = meters.getStore();
  if (outer) {
    const before = { ...outer };
    const result = await fn();
    return { result, ops: { reads: outer.reads - before.reads, writes: outer.writes - before.writes, scanned: outer.scanned - before.scanned } };
  }
  const ops: DbOps = { reads: 0, writes: 0, scanned: 0 };
  const result = await meters.run(ops, fn);
  return { result, ops };
}
