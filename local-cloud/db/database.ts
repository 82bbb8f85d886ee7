// WeChat's server-side database API (cloud.database()) over SQLite. Every operation runs
// synchronously inside its promise, so a conditional update is atomic, as in WeChat Cloud.
import type { IndexPlan } from '../../server/db/index-spec';
import type { AggregateRef, CollectionRef, Db, DocData, DocRef, Order, Transaction } from '../../server/db/types';
import { runPipeline, type Stage, sortDocs } from './aggregate';
import { command, ServerDate } from './commands';
import { matches, normalizeQuery, type Query } from './match';
import { DbError, newId, Store } from './store';
import { LocalTransaction, TransactionConflict, TransactionRollback } from './transaction';
import { applyUpdate, assertStorable, resolveServerDates } from './update';
import { clone, fromStorage, getPath, isPlainObject, removePath, setPath, toStorage } from './values';

/** WeChat's limits for cloud functions: get() returns at most 100 documents, aggregate 20 unless limited. */
export const GET_LIMIT = 100;
export const AGGREGATE_DEFAULT_LIMIT = 20;

export interface LocalDbOptions {
  /** SQLite file, or ':memory:' */
  file: string;
  indexes: IndexPlan;
  now?: () => number;
  /**
   * Refuse collections the index plan does not declare, as WeChat Cloud refuses collections
   * nobody created: a misspelt name fails here first instead of in production.
   */
  strictCollections?: boolean;
}

interface QueryState {
  queries: Query[];
  order: Array<[string, Order]>;
  skip: number;
  limit?: number;
  projection?: Record<string, boolean>;
}

function project(doc: DocData, projection?: Record<string, boolean>): DocData {
  if (!projection) return doc;
  const entries = Object.entries(projection);
  if (entries.some(([k, v]) => k !== '_id' && v)) {
    const out: DocData = {};
    if (projection._id !== false) out._id = doc._id;
    for (const [k, v] of entries) if (v && k !== '_id' && getPath(doc, k) !== undefined) setPath(out, k, getPath(doc, k));
    return out;
  }
  const out = clone(doc);
  for (const [k] of entries) removePath(out, k);
  return out;
}

function checkCount(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0) throw new DbError(-501001, `${what} must be a non-negative integer`);
  return n;
}

export class LocalDatabase implements Db {
  readonly command = command;
  readonly store: Store;
  readonly now: () => number;
  private readonly declared: Set<string> | null;

  constructor(options: LocalDbOptions) {
    this.store = new Store(options.file, options.indexes);
    this.now = options.now ?? Date.now;
    this.declared = options.strictCollections ? new Set(Object.keys(options.indexes)) : null;
  }

  checkCollection(name: string): void {
    if (this.declared && !this.declared.has(name)) {
      throw new DbError(-502005, `database collection not exists: '${name}' (declare it in server/db/indexes.ts and create it in WeChat Cloud)`);
    }
  }

  serverDate(options?: { offset?: number }): ServerDate {
    return new ServerDate(options?.offset ?? 0);
  }

  collection<T = DocData>(name: string): CollectionRef<T> {
    this.checkCollection(name);
    this.store.table(name);
    return new LocalCollection(this, name, { queries: [], order: [], skip: 0 }) as unknown as CollectionRef<T>;
  }

  async runTransaction<R>(fn: (tx: Transaction) => Promise<R>, retries = 3): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      const tx = new LocalTransaction(this);
      try {
        const result = await fn(tx as unknown as Transaction);
        tx.commitNow();
        return result;
      } catch (e) {
        if (e instanceof TransactionRollback) throw e.reason;
        if (e instanceof TransactionConflict && attempt < retries) continue;
        throw e;
      } finally {
        tx.close();
      }
    }
  }

  async startTransaction(): Promise<Transaction & { commit(): Promise<unknown> }> {
    return new LocalTransaction(this, true) as unknown as Transaction & { commit(): Promise<unknown> };
  }

  /** Writes one document's new content; resolves serverDate and refuses what cannot be stored. */
  prepare(data: unknown): DocData {
    if (!isPlainObject(data)) throw new DbError(-501001, 'data must be an object');
    const resolved = resolveServerDates(data, this.now()) as DocData;
    assertStorable(resolved);
    return resolved;
  }

  readDoc(collection: string, id: string): DocData | undefined {
    const row = this.store.table(collection).get(id);
    return row ? fromStorage(row.doc) : undefined;
  }

  /** All matching documents in order (the caller applies skip/limit). */
  *find(collection: string, state: Pick<QueryState, 'queries' | 'order'>): Generator<DocData> {
    for (const { doc } of this.findRows(collection, state)) yield doc;
  }

  /** Matching documents with their stored text, so a writer can tell whether it changed anything. */
  *findRows(collection: string, state: Pick<QueryState, 'queries' | 'order'>): Generator<{ doc: DocData; text: string }> {
    const query =
      state.queries.length === 0
        ? undefined
        : state.queries.length === 1
          ? state.queries[0]
          : { kind: 'logic' as const, op: 'and' as const, parts: state.queries };
    const { rows, ordered } = this.store.table(collection).scan(query, state.order);
    const matching = function* () {
      for (const row of rows) {
        const doc = fromStorage(row.doc);
        if (!query || matches(doc, query)) yield { doc, text: row.doc };
      }
    };
    if (ordered) {
      yield* matching();
      return;
    }
    const all = [...matching()];
    const sorted = sortDocs(
      all.map((r) => r.doc),
      state.order.map(([p, d]) => [p, d === 'desc' ? -1 : 1]),
    );
    const texts = new Map(all.map((r) => [r.doc, r.text]));
    for (const doc of sorted) yield { doc, text: texts.get(doc) as string };
  }

  close(): void {
    this.store.close();
  }
}

class LocalQuery {
  constructor(
    protected readonly db: LocalDatabase,
    protected readonly name: string,
    protected readonly state: QueryState,
  ) {}

  /** A refined query is a plain query: as in WeChat, where().doc() or where().add() do not exist. */
  protected with(patch: Partial<QueryState>): LocalQuery {
    return new LocalQuery(this.db, this.name, { ...this.state, ...patch });
  }

  where(query: object): LocalQuery {
    return this.with({ queries: [...this.state.queries, normalizeQuery(query)] });
  }
  orderBy(field: string, order: Order): LocalQuery {
    if (order !== 'asc' && order !== 'desc') throw new DbError(-501001, "orderBy order must be 'asc' or 'desc'");
    return this.with({ order: [...this.state.order, [field, order]] });
  }
  skip(n: number): LocalQuery {
    return this.with({ skip: checkCount(n, 'skip') });
  }
  limit(n: number): LocalQuery {
    return this.with({ limit: checkCount(n, 'limit') });
  }
  field(projection: Record<string, boolean>): LocalQuery {
    return this.with({ projection });
  }

  async get() {
    const limit = Math.min(this.state.limit ?? GET_LIMIT, GET_LIMIT);
    const data: DocData[] = [];
    let skipped = 0;
    if (limit > 0) {
      for (const doc of this.db.find(this.name, this.state)) {
        if (skipped++ < this.state.skip) continue;
        data.push(project(doc, this.state.projection));
        if (data.length >= limit) break; // stop before reading a row more than asked for
      }
    }
    return { data, errMsg: 'collection.get:ok' };
  }

  async count() {
    let total = 0;
    for (const _ of this.db.find(this.name, { queries: this.state.queries, order: [] })) total++;
    return { total, errMsg: 'collection.count:ok' };
  }

  /** Updates every matching document (not limited to 100) in one SQLite transaction. */
  async update(options: { data: object }) {
    const table = this.db.store.table(this.name);
    // Reading and writing run in one synchronous stretch, so no other operation can come
    // between them: a conditional update is atomic. One SQLite transaction makes a
    // many-document update all-or-nothing; a single write commits on its own (cheaper).
    const rows = [...this.db.findRows(this.name, { queries: this.state.queries, order: [] })];
    const write = () => {
      let n = 0;
      for (const { doc, text } of rows) {
        const keysBefore = table.keyValues(doc);
        const next = applyUpdate(doc, options?.data, this.db.now());
        const nextText = toStorage(next);
        if (nextText === text) continue; // WeChat counts only documents that changed
        table.replace(doc._id as string, next, nextText, keysBefore);
        n++;
      }
      return n;
    };
    const updated = rows.length > 1 ? this.db.store.transaction(write) : write();
    return { stats: { updated }, errMsg: 'collection.update:ok' };
  }

  async remove() {
    const table = this.db.store.table(this.name);
    const removed = this.db.store.transaction(() => {
      const docs = [...this.db.find(this.name, { queries: this.state.queries, order: [] })];
      return docs.reduce((n, d) => n + table.remove(d._id as string), 0);
    });
    return { stats: { removed }, errMsg: 'collection.remove:ok' };
  }
}

class LocalCollection extends LocalQuery {
  doc(id: string): DocRef {
    if (typeof id !== 'string' && typeof id !== 'number') throw new DbError(-501001, 'doc id must be a string');
    return new LocalDoc(this.db, this.name, String(id));
  }

  async add(options: { data: object }) {
    const data = this.db.prepare(options?.data);
    const id = data._id === undefined ? newId() : String(data._id);
    const doc = { ...data, _id: id };
    this.db.store.table(this.name).insert(id, doc, toStorage(doc));
    return { _id: id, errMsg: 'collection.add:ok' };
  }

  aggregate(): AggregateRef {
    return new LocalAggregate(this.db, this.name, []);
  }
}

class LocalDoc implements DocRef {
  constructor(
    private readonly db: LocalDatabase,
    private readonly name: string,
    private readonly id: string,
    private readonly projection?: Record<string, boolean>,
  ) {}

  field(projection: Record<string, boolean>): DocRef {
    return new LocalDoc(this.db, this.name, this.id, projection);
  }

  async get() {
    const doc = this.db.readDoc(this.name, this.id);
    if (!doc) throw new DbError(-502004, `document.get:fail document with _id ${this.id} does not exist`);
    return { data: project(doc, this.projection) as DocData & { _id: string }, errMsg: 'document.get:ok' };
  }

  async set(options: { data: object }) {
    const data = this.db.prepare(options?.data);
    if (data._id !== undefined && data._id !== this.id) throw new DbError(-501001, 'document.set:fail _id cannot be changed');
    const doc = { ...data, _id: this.id };
    const table = this.db.store.table(this.name);
    const existed = this.db.store.transaction(() => {
      const had = table.get(this.id) !== undefined;
      if (had) table.replace(this.id, doc, toStorage(doc));
      else table.insert(this.id, doc, toStorage(doc));
      return had;
    });
    return { _id: this.id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 }, errMsg: 'document.set:ok' };
  }

  async update(options: { data: object }) {
    // One synchronous read-modify-write of one row: atomic without a transaction.
    const table = this.db.store.table(this.name);
    const row = table.get(this.id);
    if (!row) return { stats: { updated: 0 }, errMsg: 'document.update:ok' };
    const doc = fromStorage(row.doc);
    const keysBefore = table.keyValues(doc);
    const next = applyUpdate(doc, options?.data, this.db.now());
    const nextText = toStorage(next);
    if (nextText === row.doc) return { stats: { updated: 0 }, errMsg: 'document.update:ok' };
    table.replace(this.id, next, nextText, keysBefore);
    return { stats: { updated: 1 }, errMsg: 'document.update:ok' };
  }

  async remove() {
    return { stats: { removed: this.db.store.table(this.name).remove(this.id) }, errMsg: 'document.remove:ok' };
  }
}

class LocalAggregate implements AggregateRef {
  constructor(
    private readonly db: LocalDatabase,
    private readonly name: string,
    private readonly stages: Stage[],
  ) {}

  private add(op: string, spec: unknown): AggregateRef {
    return new LocalAggregate(this.db, this.name, [...this.stages, { [op]: spec }]);
  }
  match(q: object) {
    return this.add('match', q);
  }
  group(s: object) {
    return this.add('group', s);
  }
  sort(s: Record<string, 1 | -1>) {
    return this.add('sort', s);
  }
  skip(n: number) {
    return this.add('skip', checkCount(n, 'skip'));
  }
  limit(n: number) {
    return this.add('limit', checkCount(n, 'limit'));
  }
  project(s: object) {
    return this.add('project', s);
  }
  unwind(s: string | object) {
    return this.add('unwind', s);
  }
  lookup(s: { from: string; localField: string; foreignField: string; as: string }) {
    return this.add('lookup', s);
  }
  count(f: string) {
    return this.add('count', f);
  }
  addFields(s: object) {
    return this.add('addFields', s);
  }

  async end() {
    // A leading $match picks the input through the indexes; the rest runs in memory.
    const [first, ...rest] = this.stages;
    const leadingMatch = first && 'match' in first;
    const input = [...this.db.find(this.name, { queries: leadingMatch ? [normalizeQuery(first.match)] : [], order: [] })];
    const stages = leadingMatch ? rest : this.stages;
    const load = (name: string) => [...this.db.find(name, { queries: [], order: [] })];
    let list = runPipeline(input, stages, load);
    if (!this.stages.some((s) => 'limit' in s)) list = list.slice(0, AGGREGATE_DEFAULT_LIMIT);
    return { list, errMsg: 'collection.aggregate:ok' };
  }
}
