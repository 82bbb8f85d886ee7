// MongoDB rules that mingo's in-memory operators do not follow, each found by the documented
// conformance suite (local-cloud/conformance/documented.test.ts) and restored here with the page
// it comes from (https://www.mongodb.com/docs/manual/reference/...). mongo.ts merges these into
// its operator tables; everything not named here stays mingo's.
import { evalExpr } from 'mingo/core';
import { Lazy } from 'mingo/lazy';
import * as expressionOps from 'mingo/operators/expression';
import type { Options } from 'mingo/types';
import { compareValues, typeRank } from './order';

export class MongoError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

type Doc = Record<string, unknown>;
type ExpressionOp = (obj: unknown, expr: unknown, options: Options) => unknown;
type Collection = { transform(f: (docs: unknown[]) => unknown): unknown };

const mingoExpression = expressionOps as unknown as Record<string, ExpressionOp>;
const nullish = (v: unknown) => v === null || v === undefined;
const isDoc = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);
/** Aggregation truthiness: false, null, missing and 0 are false. */
export const truthy = (v: unknown) => !(v === false || v === null || v === undefined || v === 0);
const typeName = (v: unknown) => (v === null ? 'null' : v === undefined ? 'missing' : Array.isArray(v) ? 'array' : v instanceof Date ? 'date' : typeof v);

/** A date part (or dateToString) of null or a missing field is null, not an error (operator/aggregation/year). */
function dateOrNull(name: string): ExpressionOp {
  return (obj, expr, options) => {
    const spec = isDoc(expr) && 'date' in expr ? expr : null;
    const date = evalExpr(obj, spec ? spec.date : Array.isArray(expr) ? expr[0] : expr, options);
    if (nullish(date)) return spec && 'onNull' in spec ? evalExpr(obj, spec.onNull, options) : null;
    return mingoExpression[name](obj, expr, options);
  };
}
const DATE_OPERATORS = [
  '$year',
  '$month',
  '$dayOfMonth',
  '$hour',
  '$minute',
  '$second',
  '$millisecond',
  '$dayOfWeek',
  '$dayOfYear',
  '$isoWeek',
  '$isoWeekYear',
  '$isoDayOfWeek',
  '$dateToString',
];

/** toLower / toUpper of null or a missing field is "" (operator/aggregation/toLower). */
function caseOf(name: string): ExpressionOp {
  return (obj, expr, options) => (nullish(evalExpr(obj, Array.isArray(expr) ? expr[0] : expr, options)) ? '' : mingoExpression[name](obj, expr, options));
}

/** The string arguments of an $indexOf* expression: null when the string is null or missing. */
function indexArgs(obj: unknown, expr: unknown, options: Options, name: string): [string, string, number, number | undefined] | null {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) throw new MongoError(`Expression ${name} takes at least 2 arguments, and at most 4`, 16020);
  const [s, sub, start, end] = evalExpr(obj, expr, options) as unknown[];
  if (nullish(s)) return null;
  if (typeof s !== 'string' || typeof sub !== 'string')
    throw new MongoError(`${name} requires a string as the first and second arguments, found: ${typeName(s)}, ${typeName(sub)}`, 40091);
  return [s, sub, typeof start === 'number' ? start : 0, typeof end === 'number' ? end : undefined];
}

export const expressionRules: Record<string, ExpressionOp> = {
  ...Object.fromEntries(DATE_OPERATORS.map((name) => [name, dateOrNull(name)])),
  // operator/aggregation/indexOfBytes and indexOfCP: UTF-8 byte and code point indexes (mingo gave
  // UTF-16 indexes, and has no $indexOfCP).
  $indexOfBytes: (obj, expr, options) => {
    const a = indexArgs(obj, expr, options, '$indexOfBytes');
    if (!a) return null;
    const bytes = Buffer.from(a[0], 'utf8');
    return bytes.subarray(0, a[3] ?? bytes.length).indexOf(Buffer.from(a[1], 'utf8'), a[2]);
  },
  $indexOfCP: (obj, expr, options) => {
    const a = indexArgs(obj, expr, options, '$indexOfCP');
    if (!a) return null;
    const cps = Array.from(a[0]);
    const sub = Array.from(a[1]);
    const last = Math.min(a[3] ?? cps.length, cps.length) - sub.length;
    for (let i = a[2]; i <= last; i++) if (sub.every((c, k) => cps[i + k] === c)) return i;
    return -1;
  },
  // operator/aggregation/week: weeks begin on Sundays, days before the first Sunday are week 0
  // (strftime's %U); mingo counted one more for such years.
  $week: (obj, expr, options) => {
    const yday = dateOrNull('$dayOfYear')(obj, expr, options);
    if (nullish(yday)) return null;
    const wday = mingoExpression.$dayOfWeek(obj, expr, options) as number;
    return Math.floor(((yday as number) - 1 + 7 - (wday - 1)) / 7);
  },
  $toLower: caseOf('$toLower'),
  $toUpper: caseOf('$toUpper'),
  // operator/aggregation/mod: null or missing gives null; a zero divisor is an error, not null.
  $mod: (obj, expr, options) => {
    if (!Array.isArray(expr) || expr.length !== 2)
      throw new MongoError(`Expression $mod takes exactly 2 arguments. ${Array.isArray(expr) ? expr.length : 1} were passed in.`, 16020);
    const [a, b] = evalExpr(obj, expr, options) as unknown[];
    if (nullish(a) || nullish(b)) return null;
    if (typeof a !== 'number' || typeof b !== 'number') throw new MongoError(`$mod only supports numeric types, not ${typeName(a)} and ${typeName(b)}`, 16611);
    if (b === 0) throw new MongoError("can't $mod by zero", 16610);
    return a % b;
  },
  // operator/aggregation/trunc: { $trunc: <number> } is the documented form beside [number, place].
  $trunc: (obj, expr, options) => mingoExpression.$trunc(obj, Array.isArray(expr) ? expr : [expr], options),
  // operator/aggregation/switch: no true branch and no default is an error, not a missing value.
  $switch: (obj, expr, options) => {
    if (!isDoc(expr) || !Array.isArray(expr.branches) || !expr.branches.length) throw new MongoError('$switch requires at least one branch', 40060);
    for (const branch of expr.branches as Doc[]) if (truthy(evalExpr(obj, branch.case, options))) return evalExpr(obj, branch.then, options);
    if (!('default' in expr)) throw new MongoError('$switch could not find a matching branch for an input, and no default was specified.', 40066);
    return evalExpr(obj, expr.default, options);
  },
};

/**
 * $bucket (operator/aggregation/bucket): a bucket holds boundaries[i] <= value < boundaries[i+1];
 * only buckets with documents are output, the default one last; a value outside every bucket
 * with no default is an error. (mingo put a value equal to a boundary in the bucket below and
 * output empty buckets.)
 */
function bucket(docs: unknown[], spec: Doc, options: Options): Doc[] {
  const bounds = spec.boundaries as unknown[];
  if (!Array.isArray(bounds) || bounds.length < 2) throw new MongoError("The $bucket 'boundaries' field must be an array of at least two values", 40192);
  for (let i = 1; i < bounds.length; i++) {
    if (typeRank(bounds[i]) !== typeRank(bounds[0]) || compareValues(bounds[i - 1], bounds[i]) >= 0)
      throw new MongoError("The $bucket 'boundaries' values must be of one type and in ascending order", 40193);
  }
  const output = (spec.output as Doc | undefined) ?? { count: { $sum: 1 } };
  const buckets: unknown[][] = bounds.slice(1).map(() => []);
  const fallback: unknown[] = [];
  for (const doc of docs) {
    const key = evalExpr(doc, spec.groupBy, options);
    const i =
      typeRank(key) === typeRank(bounds[0])
        ? bounds.findIndex((b, j) => j < bounds.length - 1 && compareValues(key, b) >= 0 && compareValues(key, bounds[j + 1]) < 0)
        : -1;
    if (i >= 0) buckets[i].push(doc);
    else if ('default' in spec) fallback.push(doc);
    else throw new MongoError('$bucket could not find a matching branch for an input, and no default was specified.', 40066);
  }
  const out = buckets.flatMap((group, i) => (group.length ? [{ _id: bounds[i], ...(evalExpr(group, output, options) as Doc) }] : []));
  if (fallback.length) out.push({ _id: spec.default, ...(evalExpr(fallback, output, options) as Doc) });
  return out;
}

export const pipelineRules = {
  $bucket: (collection: Collection, spec: Doc, options: Options) => collection.transform((docs) => Lazy(bucket(docs, spec, options))),
  // operator/aggregation/count: { $group: { _id: null, n: { $sum: 1 } } } then a projection, so an
  // empty input outputs no document (mingo gave { n: 0 }).
  $count: (collection: Collection, field: unknown) => {
    if (typeof field !== 'string' || !field || field.startsWith('$') || field.includes('.'))
      throw new MongoError('the count field must be a non-empty string, not start with $ and not contain .', 40156);
    return collection.transform((docs) => Lazy(docs.length ? [{ [field]: docs.length }] : []));
  },
  // operator/aggregation/sample: distinct documents (mingo drew with replacement), all of them
  // when size exceeds the input.
  $sample: (collection: Collection, spec: Doc) => {
    const size = spec?.size;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) throw new MongoError('size argument to $sample must be a non-negative integer', 28747);
    return collection.transform((docs) => {
      const pool = docs.slice();
      const n = Math.min(size, pool.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(Math.random() * (pool.length - i));
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      return Lazy(pool.slice(0, n));
    });
  },
};

const UNKNOWN = Symbol('path through an array or a non-document');
/** The value at a dotted update path, UNKNOWN where the path is not a plain walk. */
function valueAt(doc: Doc, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(part)) return UNKNOWN;
      node = node[Number(part)];
    } else if (isDoc(node)) node = node[part];
    else return node === undefined ? undefined : UNKNOWN;
  }
  return node;
}

const NUMERIC_UPDATES = new Set(['$inc', '$mul']);
const ARRAY_UPDATES = new Set(['$push', '$addToSet', '$pop', '$pull', '$pullAll']);

/**
 * Refuses what the server refuses before mingo applies an update (mingo skips such fields or
 * coerces them): $inc / $mul of a non-number or on a non-numeric field (operator/update/inc,
 * operator/update/mul), array operators on a field that exists and is not an array
 * (operator/update/push, addToSet, pop, pull, pullAll).
 */
export function checkUpdate(doc: Doc, modifier: Doc): void {
  for (const [op, fields] of Object.entries(modifier)) {
    const numeric = NUMERIC_UPDATES.has(op);
    if ((!numeric && !ARRAY_UPDATES.has(op)) || !isDoc(fields)) continue;
    for (const [path, operand] of Object.entries(fields)) {
      if (numeric && typeof operand !== 'number')
        throw new MongoError(`Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(operand)}}`, 14);
      const current = valueAt(doc, path);
      if (current === undefined || current === UNKNOWN) continue;
      if (numeric && typeof current !== 'number')
        throw new MongoError(
          `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${typeName(current)}`,
          14,
        );
      if (!numeric && !Array.isArray(current))
        throw new MongoError(`Cannot apply ${op} to the non-array field '${path}' (type ${typeName(current)})`, op === '$push' ? 2 : 14);
    }
  }
}

const isSlice = (v: unknown) => isDoc(v) && Object.keys(v).length === 1 && '$slice' in v;

/** projection/slice: n first, -n last, [skip, n] (a negative skip counts from the end). */
function sliceArray(arr: unknown[], spec: unknown): unknown[] {
  if (Array.isArray(spec)) {
    const [skip, n] = spec as number[];
    const start = skip < 0 ? Math.max(arr.length + skip, 0) : Math.min(skip, arr.length);
    return arr.slice(start, start + n);
  }
  const n = Number(spec);
  return n >= 0 ? arr.slice(0, n) : arr.slice(Math.max(arr.length + n, 0));
}

/**
 * A find() projection whose only non-exclusions are $slice keeps every other field
 * (projection/slice: "{ arr: { $slice: 1 } }" returns the whole document with arr cut), where
 * mingo read $slice as an inclusion; null when the projection is not of that kind.
 */
export function projectSlices(doc: Doc, projection: Doc, project: (doc: Doc, projection: Doc) => Doc): Doc | null {
  const entries = Object.entries(projection);
  const slices = entries.filter(([, v]) => isSlice(v));
  const rest = entries.filter(([, v]) => !isSlice(v));
  if (!slices.length || !rest.every(([, v]) => v === 0 || v === false)) return null;
  const out = rest.length ? project(doc, Object.fromEntries(rest)) : structuredClone(doc);
  for (const [path, spec] of slices) {
    const parts = path.split('.');
    const parent = parts.slice(0, -1).reduce<unknown>((node, p) => (isDoc(node) ? node[p] : undefined), out);
    const key = parts[parts.length - 1];
    if (isDoc(parent) && Array.isArray(parent[key])) parent[key] = sliceArray(parent[key] as unknown[], (spec as Doc).$slice);
  }
  return out;
}
