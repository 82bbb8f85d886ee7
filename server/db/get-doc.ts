import type { Ctx } from '../context';
import { isNotFoundError } from './types';

/** One document by id, or null when it does not exist (doc().get() rejects for a missing one). */
export async function getDoc<T>(ctx: Ctx, collection: string, id: string): Promise<(T & { _id: string }) | null> {
  try {
    return (await ctx.db.collection<T>(collection).doc(id).get()).data;
  } catch (e) {
    if (isNotFoundError(e)) return null;
    throw e;
  }
}
