// Keyset pages for timers: a query ordered by an indexed field and then _id, continued after
// the last document of the page before, so each page is read from the index where the last one
// stopped (never by skipping, never sorting the whole backlog by _id).
import type { DbCommand } from './types';

/**
 * The condition for the page after `last` in (field, _id) order: `base` (equalities), with the
 * field within `bound` (a command such as _.lte(now), or none), strictly after `last`.
 * Pair it with .orderBy(field, 'asc').orderBy('_id', 'asc').
 */
export function keysetAfter<L extends { _id: string }>(
  _: DbCommand,
  base: Record<string, unknown>,
  field: string,
  bound: unknown,
  last: L | null,
): Record<string, unknown> {
  if (!last) return bound === undefined ? { ...base } : { ...base, [field]: bound };
  const v = (last as unknown as Record<string, unknown>)[field];
  const past = bound === undefined ? _.gt(v) : _.gt(v).and(bound);
  return _.or([
    { ...base, [field]: past },
    { ...base, [field]: v, _id: _.gt(last._id) },
  ]) as unknown as Record<string, unknown>;
}

/**
 * A page after a (field, _id) position read with one range on the field: an $or of two ranges
 * (keysetAfter) is exact but the local engine cannot serve it from the index, which costs a
 * user-facing read hundreds of milliseconds on a large collection. Rows tied with the position
 * that it has passed are dropped here and `slack` more are read to make up for them; only a run
 * of ties longer than the slack falls back to the exact two-range keyset. `read(where, limit)`
 * runs the query with the order (field, _id) both in `dir`.
 */
export async function pageAfterKey<T extends { _id: string }>(opts: {
  _: DbCommand;
  base: Record<string, unknown>;
  field: string;
  dir: 'asc' | 'desc';
  after: { value: number | Date; id: string } | null;
  size: number;
  slack?: number;
  read: (where: Record<string, unknown>, limit: number) => Promise<T[]>;
}): Promise<T[]> {
  const { _, base, field, dir, after, size, read } = opts;
  const slack = opts.slack ?? 10;
  if (!after) return read(base, size);
  const key = (x: T) => Number((x as unknown as Record<string, number | Date>)[field]?.valueOf() ?? 0);
  const v = Number(after.value.valueOf());
  const beyond = (x: T) => (dir === 'desc' ? key(x) < v || (key(x) === v && x._id < after.id) : key(x) > v || (key(x) === v && x._id > after.id));
  const raw = await read({ ...base, [field]: dir === 'desc' ? _.lte(after.value) : _.gte(after.value) }, size + slack);
  const rows = raw.filter(beyond);
  if (rows.length >= size || raw.length < size + slack) return rows.slice(0, size);
  const strictly = dir === 'desc' ? _.lt(after.value) : _.gt(after.value);
  const idPast = dir === 'desc' ? _.lt(after.id) : _.gt(after.id);
  return read(
    _.or([
      { ...base, [field]: strictly },
      { ...base, [field]: after.value, _id: idPast },
    ]) as unknown as Record<string, unknown>,
    size,
  );
}
