// The server side of WeChat's cloud database, locally: it answers the wire actions that
// WeChat's SDK sends (database.getDocument, modifyDocument, aggregateDocuments, the
// transaction actions, ...) from SQLite, with MongoDB semantics from ./mongo. Everything the
// SDK does before the wire (query builders, serializers, argument checks, error shapes) is the
// SDK's own. Each action runs synchronously once it starts, so one conditional update is
// atomic, as on the server; the optional latency comes before it, so requests interleave.

import type { IndexPlan } from '../../server/db/index-spec';
import { type FaultOptions, Faults } from './faults';
import { countAction, countScanned } from './meter';
import { applyModifier, compileQuery, MongoError, projectDocument, runAggregate } from './mongo';
import { sortDocuments } from './order';
import { DbError, newId, type Row, Store } from './store';
import { docKey, Transactions } from './transactions';
import { assertStorable, clone, type Doc, decodeWire, fromStorage, isPlainObject, toStorage } from './values';
import { changed, idFirst, nonNegative, singleId, stripId, weChatUpdate } from './wire';

/** Documents one find returns at most in cloud functions (the SDK asks for 100 by default). */
export const MAX_LIMIT = 1000;
/** What aggregate() returns without a $limit stage. */
export const AGGREGATE_DEFAULT_LIMIT = 20;

export interface EngineOptions extends FaultOptions {
  /** SQLite file, or ':memory:' */
  file: string;
  indexes: IndexPlan;
  now?: () => number;
  /** Refuse collections that are neither declared nor created, as WeChat refuses uncreated ones. */
  strictCollections?: boolean;
  /** Ids for documents added without one: random like WeChat's by default; the simulator's are seeded. */
  newId?: () => string;
}

type Params = Record<string, unknown>;
export type WireResult = Record<string, unknown> & { code?: string; message?: string };

export class EngineDead extends Error {
  constructor() {
    super('the local cloud process has crashed (fault injection); open the database again');
  }
}

export class LocalEngine {
  readonly store: Store;
  readonly now: () => number;
  readonly faults: Faults;
  private readonly declared: Set<string> | null;
  private readonly txs: Transactions;
  private dead = false;
  private requests = 0;

  constructor(readonly options: EngineOptions) {
    this.store = new Store(options.file, options.indexes);
    this.txs = new Transactions(this.store);
    this.now = options.now ?? Date.now;
    this.declared = options.strictCollections === false ? null : new Set(Object.keys(options.indexes));
    this.faults = new Faults(options);
  }

  /** True once an injected crash has "killed the process" (in-process crash hooks only). */
  get crashed(): boolean {
    return this.dead;
  }

  /** One wire action, answered as the server would: data, or {code, message}. */
  async send(action: string, params: Params = {}): Promise<WireResult> {
    countAction(action);
    await this.faults.delay();
    if (this.dead) throw new EngineDead();
    const requestId = `local-${++this.requests}`;
    try {
      const data = await this.dispatch(action, params);
      return { ...data, requestId };
    } catch (e) {
      if (e instanceof EngineDead) throw e;
      if (e instanceof DbError) return { code: e.code, message: e.message, requestId };
      if (e instanceof MongoError) return { code: 'DATABASE_REQUEST_FAILED', message: `[FailedOperation] ${e.message}`, requestId };
      return { code: 'DATABASE_REQUEST_FAILED', message: `[InternalError] ${e instanceof Error ? e.message : String(e)}`, requestId };
    }
  }

  private async dispatch(action: string, p: Params): Promise<WireResult> {
    switch (action) {
      case 'database.getDocument':
        return this.get(p);
      case 'database.calculateDocument':
        return { data: { total: this.find(this.collection(p), this.query(p), []).length } };
      case 'database.insertDocument':
        return this.write(p, () => this.insert(p));
      case 'database.modifyDocument':
        return this.write(p, () => this.modify(p));
      case 'database.removeDocument':
        return this.write(p, () => this.remove(p));
      case 'database.aggregateDocuments':
        return this.aggregate(p);
      case 'database.startTransaction':
        return { transactionId: this.txs.start() };
      case 'database.commitTransaction':
        return this.commit(String(p.transactionId));
      case 'database.abortTransaction':
        this.txs.get(p.transactionId);
        this.txs.finish(String(p.transactionId));
        return {};
      case 'database.addCollection':
        return this.createCollection(String(p.collectionName ?? ''));
      default:
        throw new DbError('INVALID_PARAM', `[InvalidParameter] action ${action} is not supported`);
    }
  }

  // --- collections ---------------------------------------------------------------------

  private exists(name: string): boolean {
    return !this.declared || this.declared.has(name) || this.store.collections().includes(name);
  }

  private collection(p: Params): string {
    const name = String(p.collectionName ?? '');
    if (!this.exists(name)) {
      throw new DbError(
        'DATABASE_COLLECTION_NOT_EXIST',
        `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
      );
    }
    this.store.table(name);
    return name;
  }

  private createCollection(name: string): WireResult {
    if (this.store.collections().includes(name)) throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse.TableExist] Table exist: ${name}`);
    this.store.table(name);
    return {};
  }

  // --- reads -------------------------------------------------------------------------------

  private query(p: Params): Doc {
    const q = decodeWire(p.query, this.now());
    if (q === undefined) return {};
    if (!isPlainObject(q)) throw new DbError('INVALID_PARAM', '[InvalidParameter] query must be an object');
    return q;
  }

  /** Matching documents with their stored text, in order (the caller applies skip and limit). */
  find(collection: string, query: Doc, order: Array<[string, 1 | -1]>): Array<{ doc: Doc; row: Row }> {
    return this.findPage(collection, query, order, Number.POSITIVE_INFINITY);
  }

  private get(p: Params): WireResult {
    const collection = this.collection(p);
    const query = this.query(p);
    const projection = decodeWire(p.projection, 0) as Doc | undefined;
    const shape = (doc: Doc, text: string) => (projection && Object.keys(projection).length ? toStorage(idFirst(projectDocument(doc, projection))) : text);
    if (p.transactionId) {
      const tx = this.txs.get(p.transactionId);
      const id = singleId(p, query);
      const doc = this.txs.read(tx, collection, id);
      return { data: { list: doc ? [shape(doc, toStorage(doc))] : [] } };
    }
    const order = Object.entries((decodeWire(p.order, 0) as Doc | undefined) ?? {}).map(([k, v]) => [k, Number(v) === -1 ? -1 : 1] as [string, 1 | -1]);
    const offset = nonNegative(p.offset ?? 0, 'offset');
    const limit = Math.min(nonNegative(p.limit ?? 100, 'limit') || 100, MAX_LIMIT);
    const rows = this.findPage(collection, query, order, offset + limit).slice(offset, offset + limit);
    return { data: { list: rows.map(({ doc, row }) => shape(doc, row.doc)), limit, offset } };
  }

  /** Like find, but stops reading once `upTo` documents are found when SQLite gives the order. */
  private findPage(collection: string, query: Doc, order: Array<[string, 1 | -1]>, upTo: number) {
    const match = Object.keys(query).length ? compileQuery(query) : null;
    const { rows: stored, ordered } = this.store.table(collection).scan(query, order);
    const rows = countScanned(stored);
    const out: Array<{ doc: Doc; row: Row }> = [];
    for (const row of rows) {
      const doc = fromStorage(row.doc);
      if (match && !match(doc)) continue;
      out.push({ doc, row });
      if (ordered && out.length >= upTo) break;
    }
    return ordered
      ? out
      : sortDocuments(
          out,
          order.map(([p, d]) => [`doc.${p}`, d]),
        );
  }

  private aggregate(p: Params): WireResult {
    const collection = this.collection(p);
    const stages = ((p.stages as Array<{ stageKey: string; stageValue: string }>) ?? []).map((s) => ({ [s.stageKey]: decodeWire(s.stageValue, this.now()) }));
    // A leading $match picks the input through the indexes; the rest runs in memory.
    const first = stages[0]?.$match;
    const input = this.find(collection, isPlainObject(first) ? first : {}, []).map((r) => r.doc);
    const lookup = (name: string) => {
      if (!this.exists(name)) throw new DbError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${name}`);
      this.store.table(name);
      return this.find(name, {}, []).map((r) => r.doc);
    };
    let list = runAggregate(input, isPlainObject(first) ? stages.slice(1) : stages, lookup);
    if (!stages.some((s) => '$limit' in s)) list = list.slice(0, AGGREGATE_DEFAULT_LIMIT);
    return { data: { list: list.map(toStorage) } };
  }

  // --- writes ------------------------------------------------------------------------------

  /** Every write: the injected failure first, then the write, then the crash point. */
  private async write(p: Params, run: () => WireResult): Promise<WireResult> {
    const inTx = Boolean(p.transactionId);
    if (!inTx) await this.waitForLocks(p);
    if (this.faults.failWrite()) throw new DbError('DATABASE_REQUEST_FAILED', '[InternalError] injected write failure (local fault)');
    const result = run();
    if (!inTx && changed(result)) this.afterCommit();
    return result;
  }

  private afterCommit(): void {
    if (this.faults.committed()) {
      this.dead = true;
      this.txs.locks.wakeAll();
      throw new EngineDead();
    }
  }

  /** A plain write waits while a transaction holds a document it would write. */
  private async waitForLocks(p: Params): Promise<void> {
    for (;;) {
      if (this.dead) throw new EngineDead();
      if (!this.txs.locks.any()) return;
      const collection = this.collection(p);
      const ids =
        p.queryType === 'DOC'
          ? [singleId(p, this.query(p))]
          : p.queryType === 'WHERE'
            ? this.find(collection, this.query(p), []).map((r) => String(r.doc._id))
            : [];
      const locked = ids.map((id) => docKey(collection, id)).find((k) => this.txs.locks.owner(k));
      if (!locked) return;
      await this.txs.locks.released(locked);
    }
  }

  private prepareDoc(data: unknown): Doc {
    if (!isPlainObject(data)) throw new DbError('INVALID_PARAM', '[InvalidParameter] data must be an object');
    try {
      assertStorable(data);
    } catch (e) {
      throw new DbError('INVALID_PARAM', `[InvalidParameter] ${(e as Error).message}`);
    }
    return data;
  }

  private insert(p: Params): WireResult {
    const collection = this.collection(p);
    const docs = ((p.data as unknown[]) ?? []).map((text) => this.prepareDoc(decodeWire(text, this.now())));
    if (!docs.length) throw new DbError('INVALID_PARAM', '[InvalidParameter] nothing to insert');
    // The server puts _id first, as MongoDB does.
    const withIds = docs.map((d) => ({ _id: d._id === undefined ? (this.options.newId ?? newId)() : String(d._id), ...stripId(d) }));
    if (p.transactionId) {
      const tx = this.txs.get(p.transactionId);
      for (const doc of withIds) {
        this.txs.read(tx, collection, doc._id);
        this.txs.write(tx, { collection, id: doc._id, kind: 'insert', doc });
      }
    } else {
      const table = this.store.table(collection);
      this.store.transaction(() => {
        for (const doc of withIds) table.insert(doc._id, doc, toStorage(doc));
      });
    }
    return { data: { insertedIds: withIds.map((d) => d._id) } };
  }

  private modify(p: Params): WireResult {
    const collection = this.collection(p);
    const query = this.query(p);
    const data = weChatUpdate(decodeWire(p.data, this.now()));
    if (!isPlainObject(data)) throw new DbError('INVALID_PARAM', '[InvalidParameter] update data must be an object');
    const replace = p.merge === false;
    const next = (doc: Doc | null, id: string): Doc | null => {
      if (replace) return { _id: id, ...this.prepareDoc(stripId(data)) };
      if (!doc) return null;
      const copy = clone(doc);
      if (!Object.keys(data).length || Object.keys(data).some((k) => !k.startsWith('$'))) {
        throw new DbError('INVALID_PARAM', '[InvalidParameter] update document requires atomic operators');
      }
      if (!applyModifier(copy, data)) return doc;
      if (copy._id !== doc._id)
        throw new DbError('DATABASE_REQUEST_FAILED', "[FailedOperation] Performing an update on the path '_id' would modify the immutable field '_id'");
      this.prepareDoc(copy);
      return copy;
    };
    if (p.transactionId) {
      const tx = this.txs.get(p.transactionId);
      const id = singleId(p, query);
      const before = this.txs.read(tx, collection, id);
      const after = next(before, id);
      if (!after || after === before) return { data: { updated: 0, upsert_id: null } };
      this.txs.write(tx, { collection, id, kind: 'put', doc: after });
      return { data: { updated: before ? 1 : 0, upsert_id: before ? null : id } };
    }
    const table = this.store.table(collection);
    if (p.queryType === 'DOC') {
      const id = singleId(p, query);
      const row = table.get(id);
      const before = row ? fromStorage(row.doc) : null;
      const after = next(before, id);
      if (!after) return { data: { updated: 0, upsert_id: null } };
      const text = toStorage(after);
      if (row && text === row.doc) return { data: { updated: 0, upsert_id: null } };
      this.store.transaction(() => (row ? table.replace(id, after, text, table.keyValues(before as Doc)) : table.insert(id, after, text)));
      return { data: { updated: row ? 1 : 0, upsert_id: row ? null : id } };
    }
    // A many-document update: all or nothing in one SQLite transaction; counts only changed documents.
    const rows = this.find(collection, query, []);
    const targets = p.multi === false ? rows.slice(0, 1) : rows;
    const updated = this.store.transaction(() => {
      let n = 0;
      for (const { doc, row } of targets) {
        const after = next(doc, String(doc._id)) as Doc;
        const text = toStorage(after);
        if (text === row.doc) continue;
        table.replace(String(doc._id), after, text, table.keyValues(doc));
        n++;
      }
      return n;
    });
    return { data: { updated, upsert_id: null } };
  }

  private remove(p: Params): WireResult {
    const collection = this.collection(p);
    const query = this.query(p);
    if (p.transactionId) {
      const tx = this.txs.get(p.transactionId);
      const id = singleId(p, query);
      if (!this.txs.read(tx, collection, id)) return { data: { deleted: 0 } };
      this.txs.write(tx, { collection, id, kind: 'delete', doc: null });
      return { data: { deleted: 1 } };
    }
    const table = this.store.table(collection);
    const ids = p.queryType === 'DOC' ? [singleId(p, query)] : this.find(collection, query, []).map((r) => String(r.doc._id));
    const targets = p.multi === false ? ids.slice(0, 1) : ids;
    const deleted = this.store.transaction(() => targets.reduce((n, id) => n + table.remove(id), 0));
    return { data: { deleted } };
  }

  // --- transactions (./transactions) -------------------------------------------------------

  private async commit(id: string): Promise<WireResult> {
    const tx = this.txs.get(id);
    if (tx.pending.size && this.faults.failWrite()) {
      this.txs.finish(id);
      throw new DbError('DATABASE_REQUEST_FAILED', '[InternalError] injected write failure (local fault)');
    }
    this.txs.commit(tx);
    if (tx.pending.size) this.afterCommit();
    return {};
  }

  close(): void {
    this.txs.finishAll();
    this.store.close();
  }
}
