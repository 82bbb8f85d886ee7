// Transactions as WeChat's database (MongoDB underneath) runs them: single-document operations,
// reads from a snapshot taken at the first read of each document, writes kept aside until
// commit. A write takes the document's lock: a second transaction writing a locked document
// fails at once with a write conflict (WeChat's SDK's runTransaction does not retry an
// operation's error), while a plain write waits for the lock to go. A document changed since
// the transaction read it conflicts at commit, which runTransaction retries. A transaction left
// open expires and releases its locks, as the server's transaction lifetime limit does.
import { randomBytes } from 'node:crypto';
import { DbError, type Store } from './store';
import { clone, type Doc, fromStorage, toStorage } from './values';

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

  /**
   * The process died: every write waiting for a lock wakes (and then meets the dead engine), as
   * a killed process takes its waiting requests with it; none is left pending for ever.
   */
  wakeAll(): void {
    const lists = [...this.waiters.values()];
    this.waiters.clear();
    for (const list of lists) for (const wake of list) wake();
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

/** The open transactions of one engine and the locks they hold. */
export class Transactions {
  private readonly open = new Map<string, Tx>();
  readonly locks = new LockTable();

  constructor(private readonly store: Store) {}

  start(): string {
    const id = randomBytes(12).toString('hex');
    this.open.set(id, new Tx(id, () => this.finish(id)));
    return id;
  }

  get(id: unknown): Tx {
    const tx = this.open.get(String(id));
    if (!tx) throw new DbError('DATABASE_REQUEST_FAILED', '[FailedOperation] transaction not found: it was committed, aborted or expired');
    return tx;
  }

  /** What a transaction sees: its own pending write, else the document as it first read it. */
  read(tx: Tx, collection: string, id: string): Doc | null {
    const key = docKey(collection, id);
    const pending = tx.pending.get(key);
    if (pending) return pending.doc ? clone(pending.doc) : null;
    if (!tx.snapshot.has(key)) {
      const row = this.store.table(collection).get(id);
      tx.seen.set(key, row?.v ?? 0);
      tx.snapshot.set(key, row ? fromStorage(row.doc) : null);
    }
    const doc = tx.snapshot.get(key);
    return doc ? clone(doc) : null;
  }

  write(tx: Tx, write: Pending): void {
    const key = docKey(write.collection, write.id);
    this.locks.take(key, tx.id);
    // A document written by someone else since this transaction read it (a stale snapshot) is
    // not refused here but at commit, which checks every version: the SDK's runTransaction
    // retries only a conflict that commit reports (an operation's error reaches the callback as
    // an SDK error it does not retry), and WeChat documents that runTransaction retries on
    // conflict. A lock held by another transaction still fails at once (take, above).
    const prior = tx.pending.get(key);
    // An insert followed by a put stays an insert, so a duplicate _id is still caught at commit.
    const kind = prior?.kind === 'insert' && write.kind === 'put' ? 'insert' : write.kind;
    tx.pending.set(key, { ...write, kind });
  }

  /** Applies every pending write in one SQLite transaction, or none; the transaction ends either way. */
  commit(tx: Tx): void {
    try {
      this.store.transaction(() => {
        for (const [key, p] of tx.pending) {
          const table = this.store.table(p.collection);
          const row = table.get(p.id);
          if ((row?.v ?? 0) !== tx.seen.get(key)) throw new DbError('DATABASE_TRANSACTION_CONFLICT', '[WriteConflict] a document changed before commit; retry');
          if (p.kind === 'delete') table.remove(p.id);
          else if (p.kind === 'insert' || !row) table.insert(p.id, p.doc as Doc, toStorage(p.doc));
          else {
            const before = tx.snapshot.get(key);
            table.replace(p.id, p.doc as Doc, toStorage(p.doc), before ? table.keyValues(before) : undefined);
          }
        }
      });
    } finally {
      this.finish(tx.id);
    }
  }

  finish(id: string): void {
    const tx = this.open.get(id);
    if (!tx) return;
    clearTimeout(tx.timer);
    this.open.delete(id);
    this.locks.releaseAll(id);
  }

  finishAll(): void {
    for (const id of [...this.open.keys()]) this.finish(id);
  }
}
