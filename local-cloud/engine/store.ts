// SQLite storage behind the local engine: one table per collection, the document as JSON,
// and one key column per indexed path so that SQLite indexes (unique ones included) serve
// queries and idempotency keys exactly where WeChat Cloud's indexes would.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { IndexPlan, IndexSpec } from '../../server/db/index-spec';

import { type Doc, isPlainObject } from './values';

export interface Row {
  rid: number;
  _id: string;
  v: number;
  doc: string;
}

/**
 * A refusal the engine answers over the wire as `{code, message}`: the SDK turns the code into
 * WeChat's errCode (DATABASE_REQUEST_FAILED -> -502001, ...) and the message into errMsg.
 */
export class DbError extends Error {
  constructor(
    readonly code:
      | 'DATABASE_REQUEST_FAILED'
      | 'INVALID_PARAM'
      | 'DATABASE_COLLECTION_NOT_EXIST'
      | 'DATABASE_TRANSACTION_CONFLICT'
      | 'DATABASE_COLLECTION_ALREADY_EXIST',
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

/** Document ids like WeChat Cloud's: 32 random hex characters, never sequential. */
export const newId = () => randomBytes(16).toString('hex');

const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,99}$/;
const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

export type SqlValue = string | number | null;

/** The key of a scalar as SQLite stores and compares it; undefined when it is not a scalar. */
export function sqlKey(v: unknown): SqlValue | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.getTime();
  return undefined;
}

export class Table {
  readonly sql: string;
  /** indexed path -> key column */
  readonly keys = new Map<string, string>();
  private readonly cache = new Map<string, Database.Statement>();
  private readonly stmt: Record<'get' | 'insert' | 'update' | 'updateDoc' | 'remove', Database.Statement>;

  constructor(
    private readonly db: Database.Database,
    readonly name: string,
    specs: IndexSpec[],
  ) {
    if (!NAME.test(name)) throw new DbError('INVALID_PARAM', `invalid collection name '${name}'`);
    this.sql = quote(`c_${name}`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.sql} (rid INTEGER PRIMARY KEY, _id TEXT NOT NULL UNIQUE, v INTEGER NOT NULL, doc TEXT NOT NULL)`);
    const paths = [...new Set(specs.flatMap((s) => s.fields.map(([p]) => p)))];
    for (const p of paths) this.keys.set(p, `k_${p.replace(/[^A-Za-z0-9_]/g, '_')}`);
    this.migrateKeyColumns();
    for (const spec of specs) this.createIndex(spec);
    const cols = [...this.keys.values()];
    const colList = cols.map((c) => `, ${quote(c)}`).join('');
    const params = cols.map(() => ', ?').join('');
    const sets = cols.map((c) => `, ${quote(c)} = ?`).join('');
    this.stmt = {
      get: db.prepare(`SELECT rid, _id, v, doc FROM ${this.sql} WHERE _id = ?`),
      insert: db.prepare(`INSERT INTO ${this.sql} (_id, v, doc${colList}) VALUES (?, 1, ?${params})`),
      update: db.prepare(`UPDATE ${this.sql} SET v = v + 1, doc = ?${sets} WHERE _id = ?`),
      updateDoc: db.prepare(`UPDATE ${this.sql} SET v = v + 1, doc = ? WHERE _id = ?`),
      remove: db.prepare(`DELETE FROM ${this.sql} WHERE _id = ?`),
    };
  }

  /** An index declared after data exists gets its column filled from the stored documents. */
  private migrateKeyColumns(): void {
    const existing = new Set((this.db.prepare(`PRAGMA table_info(${this.sql})`).all() as { name: string }[]).map((r) => r.name));
    for (const [path, col] of this.keys) {
      if (existing.has(col)) continue;
      this.db.exec(`ALTER TABLE ${this.sql} ADD COLUMN ${quote(col)}`);
      const rows = this.db.prepare(`SELECT _id, doc FROM ${this.sql}`).all() as { _id: string; doc: string }[];
      const set = this.db.prepare(`UPDATE ${this.sql} SET ${quote(col)} = ? WHERE _id = ?`);
      for (const r of rows) set.run(this.keyOf(JSON.parse(r.doc), path), r._id);
    }
  }

  private createIndex(spec: IndexSpec): void {
    const cols = spec.fields.map(([p, dir]) => `${quote(this.keys.get(p) as string)} ${dir === 'desc' ? 'DESC' : 'ASC'}`);
    const base = `ix_${this.name}_${spec.name}`;
    this.db.exec(`CREATE INDEX IF NOT EXISTS ${quote(base)} ON ${this.sql} (${cols.join(', ')})`);
    if (spec.unique) {
      // A missing field counts as null and conflicts with another null, as in WeChat (MongoDB);
      // SQLite lets NULLs repeat, so the unique index is on a non-null stand-in.
      const ucols = spec.fields.map(([p]) => `ifnull(${quote(this.keys.get(p) as string)}, x'00')`);
      this.db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${quote(`${base}_unique`)} ON ${this.sql} (${ucols.join(', ')})`);
    }
  }

  keyOf(doc: Record<string, unknown>, path: string): SqlValue {
    let node: unknown = doc;
    for (const part of path.split('.')) {
      if (Array.isArray(node)) break;
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    }
    const key = sqlKey(node);
    if (key === undefined) {
      throw new DbError('INVALID_PARAM', `indexed field '${path}' of collection '${this.name}' must hold a scalar (string, number, boolean, date or null)`);
    }
    return key;
  }

  keyValues(doc: Record<string, unknown>): SqlValue[] {
    return [...this.keys.keys()].map((p) => this.keyOf(doc, p));
  }

  get(id: string): Row | undefined {
    return this.stmt.get.get(id) as Row | undefined;
  }

  insert(id: string, doc: Record<string, unknown>, text: string): void {
    const keys = this.keyValues(doc);
    this.guard(() => this.stmt.insert.run(id, text, ...keys));
  }

  /**
   * Rewrites a document. With the key values it had before (keysOf), an update that leaves
   * every indexed field alone writes only the document, sparing SQLite the index upkeep.
   */
  replace(id: string, doc: Record<string, unknown>, text: string, keysBefore?: SqlValue[]): void {
    const keys = this.keyValues(doc);
    if (keysBefore && keys.every((k, i) => k === keysBefore[i])) {
      this.stmt.updateDoc.run(text, id);
      return;
    }
    this.guard(() => this.stmt.update.run(text, ...keys, id));
  }

  remove(id: string): number {
    return this.stmt.remove.run(id).changes;
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      const err = e as { code?: string; message?: string };
      if (err.code?.startsWith('SQLITE_CONSTRAINT')) {
        // The same words WeChat Cloud answers with, so one check (isDuplicateKeyError) serves both.
        throw new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] E11000 duplicate key error collection: ${this.name} (${err.message})`);
      }
      throw e;
    }
  }

  /**
   * Rows that may match, in the requested order when SQLite can give it. The SQL filter is a
   * superset (only conditions on indexed paths are pushed down); the caller still runs the matcher.
   */
  scan(query: Doc | undefined, order: Array<[string, 1 | -1]>): { rows: IterableIterator<Row>; ordered: boolean } {
    const { sql, params, ordered, oneById } = this.compile(query, order);
    const stmt = this.prepare(`SELECT rid, _id, v, doc ${sql}`);
    // At most one row by _id: all() costs less than setting up an iterator.
    const rows = (oneById ? (stmt.all(...params) as Row[])[Symbol.iterator]() : stmt.iterate(...params)) as IterableIterator<Row>;
    return { rows, ordered };
  }

  /** Prepared statements are reused: compiling SQL again on every query costs more than running it. */
  private prepare(sql: string): Database.Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      if (this.cache.size > 500) this.cache.clear();
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  /** For tests and the benchmark: SQLite's plan for the scan of a query. */
  explain(query: Doc | undefined, order: Array<[string, 1 | -1]> = []): string {
    const { sql, params } = this.compile(query, order);
    return (this.db.prepare(`EXPLAIN QUERY PLAN SELECT rid ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ');
  }

  private compile(query: Doc | undefined, order: Array<[string, 1 | -1]>) {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (query) this.pushDown(query, where, params);
    // SQLite's order of one column agrees with BSON order for values of one type (UTF-8 strings
    // compare bytewise in both); an indexed field holds one type in practice.
    const byKeys = order.length > 0 && order.every(([p]) => this.column(p));
    const orderSql = byKeys ? `${order.map(([p, d]) => `${quote(this.column(p) as string)} ${d === -1 ? 'DESC' : 'ASC'}`).join(', ')}, rid` : 'rid';
    const sql = `FROM ${this.sql}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${orderSql}`;
    return { sql, params, ordered: byKeys || order.length === 0, oneById: where.includes('"_id" = ?') };
  }

  /** The SQL column that holds a path's key: an indexed path's column, or _id's own. */
  private column(path: string): string | undefined {
    return path === '_id' ? '_id' : this.keys.get(path);
  }

  private pushDown(query: Doc, where: string[], params: SqlValue[]): void {
    for (const [path, cond] of Object.entries(query)) {
      if (path === '$and' && Array.isArray(cond)) {
        for (const part of cond) if (isPlainObject(part)) this.pushDown(part, where, params);
        continue;
      }
      const col = this.column(path);
      if (col) this.pushCondition(quote(col), cond, where, params);
    }
  }

  /** Pushes what SQLite can answer as a superset of MongoDB's answer; the matcher decides the rest. */
  private pushCondition(col: string, cond: unknown, where: string[], params: SqlValue[]): void {
    const isOps = isPlainObject(cond) && Object.keys(cond).length > 0 && Object.keys(cond).every((k) => k.startsWith('$'));
    const ops: Array<[string, unknown]> = isOps ? Object.entries(cond as Doc) : [['$eq', cond]];
    for (const [op, operand] of ops) {
      if (op === '$in' && Array.isArray(operand) && operand.length > 0) {
        const keys = operand.map(sqlKey);
        if (keys.some((k) => k === undefined)) continue;
        const nonNull = keys.filter((k) => k !== null) as SqlValue[];
        const parts = nonNull.length ? [`${col} IN (${nonNull.map(() => '?').join(', ')})`] : [];
        if (nonNull.length < keys.length) parts.push(`${col} IS NULL`);
        where.push(`(${parts.join(' OR ')})`);
        params.push(...nonNull);
        continue;
      }
      const sqlOp = ({ $eq: '=', $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' } as Record<string, string>)[op];
      const key = isPlainObject(operand) || Array.isArray(operand) ? undefined : sqlKey(operand);
      if (!sqlOp || key === undefined) continue;
      if (key === null) {
        if (op === '$eq') where.push(`${col} IS NULL`);
        continue;
      }
      where.push(`${col} ${sqlOp} ?`);
      params.push(key);
    }
  }
}

export class Store {
  readonly db: Database.Database;
  private readonly tables = new Map<string, Table>();

  constructor(
    file: string,
    private readonly plan: IndexPlan,
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.runInTransaction = this.db.transaction((fn: () => unknown) => fn());
  }

  table(name: string): Table {
    let t = this.tables.get(name);
    if (!t) {
      // A multikey index (on an array field) exists in WeChat Cloud only: key columns hold scalars.
      t = new Table(
        this.db,
        name,
        (this.plan[name] ?? []).filter((spec) => !spec.array),
      );
      this.tables.set(name, t);
    }
    return t;
  }

  collections(): string[] {
    return (this.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'`).all() as { name: string }[]).map((r) =>
      r.name.slice(2),
    );
  }

  private readonly runInTransaction: (fn: () => unknown) => unknown;

  /** Runs fn in one SQLite transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T {
    return this.runInTransaction(fn) as T;
  }

  close(): void {
    this.db.close();
  }
}
