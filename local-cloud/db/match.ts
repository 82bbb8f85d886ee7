// Evaluates a where() query against a document with the cloud database's semantics.
import { LogicCommand, QueryCommand } from './commands';
import { comparable, compareValues, deepEqual, isPlainObject, valuesAt } from './values';

/** One condition on one dotted path; `cond` is a literal (equality), a QueryCommand or a field-level LogicCommand. */
export interface FieldCondition {
  path: string;
  cond: unknown;
}

export type Query = { kind: 'fields'; fields: FieldCondition[] } | { kind: 'logic'; op: 'and' | 'or' | 'nor'; parts: Query[] };

/**
 * Turns a where() argument into conditions. As in WeChat, a nested plain object is read as
 * conditions on its dotted sub-paths ({a: {b: 1}} is a.b == 1); use _.eq({...}) for a whole object.
 */
export function normalizeQuery(where: unknown): Query {
  if (where instanceof LogicCommand) {
    if (where.op === 'not') throw new Error('_.not applies to a field condition, not to a whole query');
    return { kind: 'logic', op: where.op, parts: where.operands.map(normalizeQuery) };
  }
  if (!isPlainObject(where)) throw new Error('query must be an object');
  const fields: FieldCondition[] = [];
  flatten(where, '', fields);
  return { kind: 'fields', fields };
}

function flatten(obj: Record<string, unknown>, prefix: string, out: FieldCondition[]): void {
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && Object.keys(value).length > 0) flatten(value, path, out);
    else out.push({ path, cond: value });
  }
}

export function matches(doc: unknown, query: Query): boolean {
  if (query.kind === 'logic') {
    if (query.op === 'and') return query.parts.every((p) => matches(doc, p));
    if (query.op === 'or') return query.parts.some((p) => matches(doc, p));
    return !query.parts.some((p) => matches(doc, p));
  }
  return query.fields.every((f) => fieldMatches(doc, f.path, f.cond));
}

export function fieldMatches(doc: unknown, path: string, cond: unknown): boolean {
  const { values, found } = valuesAt(doc, path);
  return evalCondition(values, found, cond);
}

function evalCondition(values: unknown[], found: boolean, cond: unknown): boolean {
  if (cond instanceof LogicCommand) {
    const parts = cond.operands;
    switch (cond.op) {
      case 'and':
        return parts.every((c) => evalCondition(values, found, c));
      case 'or':
        return parts.some((c) => evalCondition(values, found, c));
      case 'nor':
        return !parts.some((c) => evalCondition(values, found, c));
      case 'not':
        return !evalCondition(values, found, parts[0]);
    }
  }
  if (!(cond instanceof QueryCommand)) return equalsAny(values, cond);
  const x = cond.operand;
  switch (cond.op) {
    case 'eq':
      return equalsAny(values, x);
    case 'neq':
      return !equalsAny(values, x);
    case 'lt':
      return anyScalar(values, (v) => comparable(v, x) && compareValues(v, x) < 0);
    case 'lte':
      return anyScalar(values, (v) => comparable(v, x) && compareValues(v, x) <= 0);
    case 'gt':
      return anyScalar(values, (v) => comparable(v, x) && compareValues(v, x) > 0);
    case 'gte':
      return anyScalar(values, (v) => comparable(v, x) && compareValues(v, x) >= 0);
    case 'in':
      return asArray(x, 'in').some((el) => equalsAny(values, el));
    case 'nin':
      return !asArray(x, 'nin').some((el) => equalsAny(values, el));
    case 'exists':
      return found === Boolean(x);
    case 'size':
      return values.some((v) => Array.isArray(v) && v.length === x);
    case 'all': {
      const wanted = asArray(x, 'all');
      return values.some((v) => Array.isArray(v) && wanted.length > 0 && wanted.every((w) => v.some((el) => deepEqual(el, w))));
    }
    case 'elemMatch':
      return values.some((v) => Array.isArray(v) && v.some((el) => elementMatches(el, x)));
  }
}

/** elemMatch takes a query on object elements or a condition on scalar elements. */
function elementMatches(el: unknown, spec: unknown): boolean {
  if (spec instanceof QueryCommand || spec instanceof LogicCommand) return evalCondition([el], el !== undefined, spec);
  if (!isPlainObject(el)) return false;
  return matches(el, normalizeQuery(spec));
}

/** Equality that, like MongoDB, also matches an element of an array field. */
function equalsAny(values: unknown[], x: unknown): boolean {
  return values.some((v) => deepEqual(v, x) || (Array.isArray(v) && !Array.isArray(x) && v.some((el) => deepEqual(el, x))));
}

function anyScalar(values: unknown[], test: (v: unknown) => boolean): boolean {
  return values.some((v) => test(v) || (Array.isArray(v) && v.some(test)));
}

function asArray(x: unknown, op: string): unknown[] {
  if (!Array.isArray(x)) throw new Error(`_.${op} expects an array`);
  return x;
}
