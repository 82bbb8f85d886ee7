// Types for the object wx-server-sdk's cloud.database() returns, in production and in the
// local cloud alike (there the SDK's requester is the only part replaced). The SDK's own
// index.d.ts types results as `Promise<...> | void | string` and documents as `any`, so these
// narrow it to what the SDK really returns; they describe, they do not implement.

export type DocData = Record<string, unknown>;
export type WithId<T> = T & { _id: string };

export interface QueryOperand {
  and(...rest: unknown[]): QueryOperand;
  or(...rest: unknown[]): QueryOperand;
}
export interface UpdateOperand {
  readonly op: string;
}
type Q = (operand: unknown) => QueryOperand;
type U = (operand?: unknown) => UpdateOperand;

export interface DbCommand {
  eq: Q;
  neq: Q;
  lt: Q;
  lte: Q;
  gt: Q;
  gte: Q;
  in: Q;
  nin: Q;
  exists: Q;
  size: Q;
  elemMatch: Q;
  all: Q;
  and(...conditions: unknown[]): QueryOperand;
  or(...conditions: unknown[]): QueryOperand;
  nor(...conditions: unknown[]): QueryOperand;
  not(condition: unknown): QueryOperand;
  set: U;
  remove: () => UpdateOperand;
  inc: U;
  mul: U;
  min: U;
  max: U;
  push: U;
  pop: () => UpdateOperand;
  shift: () => UpdateOperand;
  unshift: U;
  addToSet: U;
  pull: U;
  pullAll: U;
  aggregate: Record<string, (...args: unknown[]) => Record<string, unknown>>;
}

export type Order = 'asc' | 'desc';

export interface QueryRef<T = DocData> {
  where(query: object): QueryRef<T>;
  orderBy(field: string, order: Order): QueryRef<T>;
  skip(n: number): QueryRef<T>;
  limit(n: number): QueryRef<T>;
  field(projection: Record<string, boolean>): QueryRef<T>;
  get(): Promise<{ data: WithId<T>[]; errMsg?: string }>;
  count(): Promise<{ total: number }>;
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface DocRef<T = DocData> {
  field(projection: Record<string, boolean>): DocRef<T>;
  get(): Promise<{ data: WithId<T> }>;
  set(options: { data: object }): Promise<{ _id: string; stats: { updated: number; created: number } }>;
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface AggregateRef {
  match(query: object): AggregateRef;
  group(spec: object): AggregateRef;
  sort(spec: Record<string, 1 | -1>): AggregateRef;
  skip(n: number): AggregateRef;
  limit(n: number): AggregateRef;
  project(spec: object): AggregateRef;
  unwind(spec: string | object): AggregateRef;
  lookup(spec: { from: string; localField: string; foreignField: string; as: string }): AggregateRef;
  count(field: string): AggregateRef;
  addFields(spec: object): AggregateRef;
  end(): Promise<{ list: DocData[] }>;
}

export interface CollectionRef<T = DocData> extends QueryRef<T> {
  doc(id: string): DocRef<T>;
  add(options: { data: object }): Promise<{ _id: string }>;
  aggregate(): AggregateRef;
}

export interface TxDocRef<T = DocData> {
  get(): Promise<{ data: WithId<T> }>;
  set(options: { data: object }): Promise<unknown>;
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface Transaction {
  collection<T = DocData>(name: string): { doc(id: string): TxDocRef<T>; add(options: { data: object }): Promise<{ _id: string }> };
  rollback(reason?: unknown): Promise<void> | void;
}

export interface Db {
  command: DbCommand;
  serverDate(options?: { offset?: number }): unknown;
  /** db.RegExp({ regexp, options }): a regular expression condition. */
  RegExp(options: { regexp: string; options?: string }): unknown;
  createCollection(name: string): Promise<{ errMsg: string }>;
  collection<T = DocData>(name: string): CollectionRef<T>;
  runTransaction<R>(fn: (tx: Transaction) => Promise<R>, retries?: number): Promise<R>;
  startTransaction(): Promise<Transaction & { commit(): Promise<unknown> }>;
}

/** True for a unique-index violation, in WeChat Cloud (E11000) and in the local database alike. */
export function isDuplicateKeyError(e: unknown): boolean {
  const text = e instanceof Error ? e.message : typeof e === 'object' && e ? String((e as { errMsg?: string }).errMsg) : '';
  return /E11000|duplicate key/i.test(text);
}

/** True when doc().get() failed because the document does not exist. */
export function isNotFoundError(e: unknown): boolean {
  const text = e instanceof Error ? e.message : typeof e === 'object' && e ? String((e as { errMsg?: string }).errMsg) : '';
  return /does not exist|cannot find document/i.test(text);
}
