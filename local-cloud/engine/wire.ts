// The small rules of the SDK's wire protocol: which parameters mean what, WeChat's dialect on
// top of MongoDB's, and what counts as a committed write.
import { DbError } from './store';
import { type Doc, isPlainObject } from './values';

type Params = Record<string, unknown>;

export function changed(result: Record<string, unknown>): boolean {
  const d = result.data as Record<string, unknown> | undefined;
  if (!d) return false;
  return Boolean((d.insertedIds as unknown[] | undefined)?.length || d.updated || d.upsert_id || d.deleted);
}

export function singleId(p: Params, query: Doc): string {
  const id = query._id;
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw new DbError('INVALID_PARAM', '[InvalidParameter] a transaction supports single-document operations only (doc(id)); where() is not allowed');
  }
  if (p.transactionId && p.queryType !== 'DOC') throw new DbError('INVALID_PARAM', '[InvalidParameter] a transaction supports single-document operations only');
  return String(id);
}

/**
 * WeChat's update dialect on top of MongoDB's: _.addToSet({ each: [...] }) arrives as
 * {$addToSet: {f: {each: [...]}}} and means $each (documented for addToSet).
 */
export function weChatUpdate(data: unknown): unknown {
  if (!isPlainObject(data) || !isPlainObject(data.$addToSet)) return data;
  const addToSet: Doc = {};
  for (const [k, v] of Object.entries(data.$addToSet)) {
    addToSet[k] = isPlainObject(v) && Object.keys(v).length === 1 && Array.isArray(v.each) ? { $each: v.each } : v;
  }
  return { ...data, $addToSet: addToSet };
}

export function stripId(data: Doc): Doc {
  const { _id, ...rest } = data;
  return rest;
}

export function idFirst(doc: Doc): Doc {
  if (!('_id' in doc)) return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

export function nonNegative(v: unknown, what: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new DbError('INVALID_PARAM', `[InvalidParameter] ${what} must be a non-negative integer`);
  return n;
}
