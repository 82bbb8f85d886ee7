// Transactions as WeChat's database (MongoDB underneath) runs them: single-document operations,
// reads from a snapshot taken at the first read of each document, writes kept aside until
// commit. A write takes the document's lock: a second transaction writing a locked document
// fails at once with a write conflict (wx-server-sdk's runTransaction does not retry an
// operation's error), while a plain write waits for the lock to go. A document changed since
// the transaction read it conflicts at commit, which runTransaction retries. A transaction left
// open expires and releases its locks, as the server's transaction lifetime limit does.
import { DbError } from './store';
import type { Doc } from './values';

export type Pending = { collection: string; id: string; kind: 'insert' | 'put' | 'delete'; doc: Doc | null };

export const TRANSACTION_LIFETIME_MS = 30_000;

export class Tx {
  /** version of each document when first seen (0: did not exist) */
  readonly seen = new Map<string, number>();
  readonly snapshot = new Map<string, Doc | null>();
  readonly pending = new Map<string, Pending>();
  readonly timer: NodeJS.Timeout;

  constructor(
    readonly id: string,
    expire: () => void,
  ) {
    this.timer = setTimeout(expire, TRANSACTION_LIFETIME_MS);
    this.timer.unref();
  }
}

export const docKey = (collection: string, id: string) => `${collection}\u0000${id}`;

export class LockTable {
  private readonly owners = new Map<string, string>();
  private readonly waiters = new Map<string, Array<() => void>>();

  any(): boolean {
    return this.owners.size > 0;
  }

  owner(key: string): string | undefined {
    return this.owners.get(key);
  }

  /** Takes the lock for a transaction, or fails at once if another holds it (WriteConflict). */
  take(key: string, txId: string): void {
    const held = this.owners.get(key);
    if (held && held !== txId) {
      throw new DbError('DATABASE_TRANSACTION_CONFLICT', '[WriteConflict] the document is being written by another transaction; retry');
    }
    this.owners.set(key, txId);
  }

  releaseAll(txId: string): void {
    for (const [key, owner] of this.owners) {
      if (owner !== txId) continue;
      this.owners.delete(key);
      const list = this.waiters.get(key);
      this.waiters.delete(key);
      for (const wake of list ?? []) wake();
    }
  }

  /** Resolves when the lock on key is gone (a plain write waits here). */
  released(key: string): Promise<void> {
    if (!this.owners.has(key)) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.waiters.get(key) ?? [];
      list.push(resolve);
      this.waiters.set(key, list);
    });
  }
}
