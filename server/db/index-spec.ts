/** An index to create in WeChat Cloud's console and, locally, in SQLite. */
export interface IndexSpec {
  name: string;
  fields: Array<[path: string, order: 'asc' | 'desc']>;
  unique?: boolean;
  /** Why the index exists: the query or idempotency key it serves. */
  why: string;
}

export type IndexPlan = Record<string, IndexSpec[]>;
