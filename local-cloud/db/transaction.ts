// Transactions as WeChat Cloud has them: single-document operations only (doc().get/set/
// update/remove and add; no where), snapshot-style isolation where two transactions writing
// one document conflict, retried by runTransaction, and nothing written unless committed.
// Writes are kept aside and applied in one SQLite transaction at commit, after checking that
// no document this transaction touched was changed by someone else meanwhile.
import type { DocData } from '../../server/db/types';
import type { LocalDatabase } from './database';
import { DbError, newId } from './store';
import { applyUpdate } from './update';
import { clone, fromStorage, toStorage } from './values';

export class TransactionConflict extends DbError {
  constructor(what: string) {
    super(-502005, `transaction conflict: ${what} was changed by another write; retry`);
  }
}

export class TransactionRollback extends Error {
  constructor(readonly reason: unknown) {
    super('transaction rolled back');
  }
}

type Pending = { collection: string; id: string; kind: 'insert' | 'put' | 'delete'; doc: DocData | null };

export class LocalTransaction {
  /** version of each touched document when first seen (0: did not exist) */
  private readonly seen = new Map<string, number>();
  private readonly snapshot = new Map<string, DocData | null>();
  private readonly pending = new Map<string, Pending>();
  private done = false;

  constructor(
    private readonly db: LocalDatabase,
    private readonly manual = false,
  ) {}

  private key(collection: string, id: string) {
    return `${collection}\u0000${id}`;
  }

  private live(): void {
    if (this.done) throw new DbError(-502006, 'transaction already committed or rolled back');
  }

  /** What this transaction sees: its own pending write, else the document as first read (its snapshot). */
  private current(collection: string, id: string): DocData | null {
    this.live();
    const key = this.key(collection, id);
    const p = this.pending.get(key);
    if (p) return p.doc ? clone(p.doc) : null;
    if (!this.snapshot.has(key)) {
      const row = this.db.store.table(collection).get(id);
      this.seen.set(key, row?.v ?? 0);
      this.snapshot.set(key, row ? fromStorage(row.doc) : null);
    }
    const doc = this.snapshot.get(key);
    return doc ? clone(doc) : null;
  }

  private write(collection: string, id: string, kind: Pending['kind'], doc: DocData | null): void {
    const key = this.key(collection, id);
    const prior = this.pending.get(key);
    // An insert followed by a put stays an insert, so a duplicate _id is still caught at commit.
    const k = prior?.kind === 'insert' && kind === 'put' ? 'insert' : kind;
    this.pending.set(key, { collection, id, kind: k, doc });
  }

  collection(name: string) {
    this.db.checkCollection(name);
    this.db.store.table(name);
    return {
      doc: (id: string) => this.doc(name, String(id)),
      add: async (options: { data: object }) => {
        const data = this.db.prepare(options?.data);
        const id = data._id === undefined ? newId() : String(data._id);
        this.current(name, id);
        this.write(name, id, 'insert', { ...data, _id: id });
        return { _id: id };
      },
      where: () => {
        throw new DbError(-502003, 'transaction operations support single documents only: where() is not allowed in a transaction');
      },
    };
  }

  private doc(collection: string, id: string) {
    return {
      get: async () => {
        const doc = this.current(collection, id);
        if (!doc) throw new DbError(-502004, `document.get:fail document with _id ${id} does not exist`);
        return { data: doc as DocData & { _id: string } };
      },
      set: async (options: { data: object }) => {
        const data = this.db.prepare(options?.data);
        const existed = this.current(collection, id) !== null;
        this.write(collection, id, 'put', { ...data, _id: id });
        return { _id: id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } };
      },
      update: async (options: { data: object }) => {
        const doc = this.current(collection, id);
        if (!doc) return { stats: { updated: 0 } };
        const before = toStorage(doc);
        const next = applyUpdate(doc, options?.data, this.db.now());
        if (toStorage(next) === before) return { stats: { updated: 0 } };
        this.write(collection, id, 'put', next);
        return { stats: { updated: 1 } };
      },
      remove: async () => {
        const doc = this.current(collection, id);
        if (!doc) return { stats: { removed: 0 } };
        this.write(collection, id, 'delete', null);
        return { stats: { removed: 1 } };
      },
    };
  }

  /** Applies every pending write atomically, or none. */
  commitNow(): void {
    this.live();
    this.db.store.transaction(() => {
      for (const [key, p] of this.pending) {
        const table = this.db.store.table(p.collection);
        const row = table.get(p.id);
        if ((row?.v ?? 0) !== this.seen.get(key)) throw new TransactionConflict(`${p.collection}/${p.id}`);
        if (p.kind === 'delete') table.remove(p.id);
        else if (p.kind === 'insert' || !row) table.insert(p.id, p.doc as DocData, toStorage(p.doc));
        else {
          // Unchanged since this transaction read it (checked above), so its keys are the snapshot's.
          const before = this.snapshot.get(key);
          table.replace(p.id, p.doc as DocData, toStorage(p.doc), before ? table.keyValues(before) : undefined);
        }
      }
    });
    this.done = true;
  }

  close(): void {
    this.done = true;
  }

  // startTransaction() style
  async commit() {
    if (!this.manual) throw new DbError(-502006, 'commit() belongs to startTransaction(); runTransaction commits by itself');
    this.commitNow();
    return { errMsg: 'transaction.commit:ok' };
  }

  async rollback(reason?: unknown) {
    this.live();
    this.done = true;
    this.pending.clear();
    if (!this.manual) throw new TransactionRollback(reason);
  }
}
