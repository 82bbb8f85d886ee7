// Transactions on a note that many people touch at once (20 likes in the same second). A write
// to a document another transaction holds fails at once with a write conflict, which WeChat's
// runTransaction does not retry (it retries only a conflict found at commit): such a conflict
// runs the whole function again on fresh reads, up to a limit, so each try sees what the
// winner wrote (the like already there) and does nothing twice.
import type { Ctx } from '../context';
import type { Transaction } from '../db/types';

/** Tries of one transaction before the conflict is reported as a fault. */
export const TX_TRIES = 40;

/** A write conflict, however it arrives (the SDK's code, or an operation's message). */
export function isWriteConflict(e: unknown): boolean {
  const err = e as { code?: string; errMsg?: string; message?: string } | null;
  return err?.code === 'DATABASE_TRANSACTION_CONFLICT' || /WriteConflict|TRANSACTION_CONFLICT/i.test(`${err?.errMsg ?? ''} ${err?.message ?? ''}`);
}

export async function inTransaction<R>(ctx: Ctx, fn: (tx: Transaction) => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.runTransaction(fn, 0);
    } catch (e) {
      if (!isWriteConflict(e) || attempt >= TX_TRIES) throw e;
    }
  }
}
