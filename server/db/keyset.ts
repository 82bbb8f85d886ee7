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
