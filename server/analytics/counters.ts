// Reading the counters the rollup keeps (./rollup.ts) as one consistent cut: counter documents
// hold exactly the events up to the cursor, and the caller adds the events after it (the tail,
// bounded by how far the timer lags, not by how many events there are).
import type { Ctx } from '../context';
import type { CounterCollection } from './fold';
import { subtractOp } from './fold';
import { type EventKey, type RollupState, readState } from './rollup';

/** Reads again when a page lands between reading the cursor and the counters; a page is short. */
const ATTEMPTS = 5;
/** The cursor as this invocation last read it. */
const states = new WeakMap<Ctx, RollupState>();

export interface Cut<T> {
  /** Events up to here are in `docs`; the caller counts the ones after it. */
  cursor: EventKey;
  /** Pages up to this one are in `docs` (visitor documents of later pages are not). */
  seq: number;
  docs: T[];
}

/**
 * The counter documents with these ids (at most 100: one query), as of the rollup's cursor.
 * A document the pending page already reached has that page's increments taken back out; one
 * a later page reached (the cursor moved while reading) is read again with the new cursor.
 */
export async function readCut<T extends { _id: string; seq: number }>(ctx: Ctx, c: CounterCollection, ids: string[], fields: string[]): Promise<Cut<T>> {
  if (ids.length > 100) throw new Error(`readCut: ${ids.length} ids, at most 100 fit one query`);
  const projection = Object.fromEntries(['seq', ...fields].map((f) => [f, true]));
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // One cursor read per invocation (a summary reads several cuts); a fresh one when it is stale.
    const s = attempt === 0 && states.has(ctx) ? (states.get(ctx) as RollupState) : await readState(ctx);
    states.set(ctx, s);
    const { data } = ids.length
      ? await ctx.db
          .collection<T>(c)
          .where({ _id: ctx.db.command.in(ids) })
          .field(projection)
          .limit(ids.length)
          .get()
      : { data: [] as T[] };
    if (data.some((d) => d.seq > s.seq)) continue;
    const plan = s.plan;
    if (plan) {
      for (const d of data) {
        if (d.seq !== plan.seq) continue;
        for (const op of plan.ops) if (op.c === c && op.id === d._id) subtractOp(d as Record<string, unknown>, op);
      }
    }
    return { cursor: { at: new Date(s.at), id: s.id }, seq: plan ? s.seq - 1 : s.seq, docs: data as T[] };
  }
  throw new Error('analytics: the counters kept moving while being read');
}

/**
 * The tail's conditions: events after the cursor in (at, _id) order and not before `since`.
 * `first` goes in the aggregation's first $match (a range on `at`, served by the index), `tie`
 * in a second one (the events in the cursor's own millisecond that it has not passed).
 */
export function afterCursor(ctx: Ctx, cursor: EventKey, since = 0) {
  const _ = ctx.db.command;
  return {
    first: { at: _.gte(new Date(Math.max(cursor.at.getTime(), since))) },
    tie: _.or([{ at: _.gt(cursor.at) }, { _id: _.gt(cursor.id) }]),
  };
}
