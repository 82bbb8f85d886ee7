/** An index to create in WeChat Cloud's console and, locally, in SQLite. */
export interface IndexSpec {
  name: string;
  fields: Array<[path: string, order: 'asc' | 'desc']>;
  unique?: boolean;
  /**
   * One of the fields holds an array (a multikey index): created in WeChat Cloud, left out by
   * the local engine, whose key columns hold scalars only; locally the other indexes serve and
   * the matcher filters.
   */
  array?: boolean;
  /** Why the index exists: the query or idempotency key it serves. */
  why: string;
}

export type IndexPlan = Record<string, IndexSpec[]>;
