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
