import type { Ctx } from '../context';
import { isNotFoundError, type Transaction } from './types';

/** One document by id, or null when it does not exist (doc().get() rejects for a missing one). */
export async function getDoc<T>(ctx: Ctx, collection: string, id: string): Promise<(T & { _id: string }) | null> {
  try {
    return (await ctx.db.collection<T>(collection).doc(id).get()).data;
  } catch (e) {
    if (isNotFoundError(e)) return null;
    throw e;
  }
}

/** The same inside a transaction: one document from the transaction's snapshot, or null. */
export async function txGetDoc<T>(tx: Transaction, collection: string, id: string): Promise<(T & { _id: string }) | null> {
  try {
    return (await tx.collection<T>(collection).doc(id).get()).data;
  } catch (e) {
    if (isNotFoundError(e)) return null;
    throw e;
  }
}

/** WeChat's server SDK returns at most 100 documents a get, and a short `_.in` list stays cheap. */
export const IN_BATCH = 100;

/**
 * Documents by id, in one `_.in` query per 100 distinct ids (one for any page a list shows), as
 * a map by id: a list page joins what it shows in memory instead of reading once per row.
 * Ids with no document are simply absent from the map.
 */
export async function getDocsByIds<T>(ctx: Ctx, collection: string, ids: readonly string[]): Promise<Map<string, T & { _id: string }>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, T & { _id: string }>();
  for (let i = 0; i < unique.length; i += IN_BATCH) {
    const chunk = unique.slice(i, i + IN_BATCH);
    const { data } = await ctx.db
      .collection<T>(collection)
      .where({ _id: ctx.db.command.in(chunk) })
      .limit(chunk.length)
      .get();
    for (const d of data as (T & { _id: string })[]) out.set(d._id, d);
  }
  return out;
}

/**
 * Every document matching `where`, read in _id order a page of 100 at a time (WeChat's limit
 * per get): for sets that are shown or summed whole, so no cap ever cuts them short.
 */
export async function allDocs<T>(ctx: Ctx, collection: string, where: Record<string, unknown>): Promise<(T & { _id: string })[]> {
  const _ = ctx.db.command;
  const out: (T & { _id: string })[] = [];
  for (let after = ''; ; ) {
    const { data } = await ctx.db
      .collection<T>(collection)
      .where({ ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(IN_BATCH)
      .get();
    out.push(...(data as (T & { _id: string })[]));
    if (data.length < IN_BATCH) return out;
    after = out[out.length - 1]._id;
  }
}
