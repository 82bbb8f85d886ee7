// MongoDB semantics for the local engine, from mingo (a kept implementation of MongoDB's query,
// update and aggregation language) with the few operators whose in-memory rules differ from
// MongoDB's replaced by ones that follow the server: comparisons in BSON order (UTF-8 strings,
// ordered embedded documents), $mod on numbers only, $sort by an array's least or greatest
// element, and expressions that MongoDB refuses ($size of a non-array, a $cond without
// if/then/else) refused here too instead of quietly giving a value. The rules the documented
// conformance suite found since ($all, date parts of null, $mod by zero, $switch without a
// match, $bucket, $count, $sample, type checks of $inc and array updates) are in ./mongo-rules.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Aggregator } from 'mingo/aggregator';
import { Context, evalExpr, ProcessingMode } from 'mingo/core';
import { Lazy } from 'mingo/lazy';
import * as accumulatorOps from 'mingo/operators/accumulator';
import * as expressionOps from 'mingo/operators/expression';
import * as pipelineOps from 'mingo/operators/pipeline';
import * as projectionOps from 'mingo/operators/projection';
import * as queryOps from 'mingo/operators/query';
import * as windowOps from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { update as mingoUpdate } from 'mingo/updater';
import { checkUpdate, expressionRules, MongoError, pipelineRules, projectSlices } from './mongo-rules';
import { compareValues, pathValues, sortDocuments, typeRank, valuesEqual } from './order';

export { MongoError };

type Doc = Record<string, unknown>;
type Pred = (v: unknown, operand: unknown) => boolean;

/** The values a field condition is tried against: the value, and each element of an array. */
function candidates(v: unknown): unknown[] {
  return Array.isArray(v) ? [v, ...v] : [v];
}

const eq: Pred = (v, b) => {
  if (b === null) return v === null || v === undefined || (Array.isArray(v) && v.some((x) => x === null));
  if (b instanceof RegExp)
    return candidates(v).some((x) => (typeof x === 'string' ? new RegExp(b.source, b.flags).test(x) : x instanceof RegExp && String(x) === String(b)));
  return candidates(v).some((x) => valuesEqual(x, b));
};

function range(test: (c: number) => boolean): Pred {
  return (v, b) => {
    const rank = typeRank(b);
    if (rank === 1) return test(0) && (v === null || v === undefined);
    return candidates(v).some((x) => typeRank(x) === rank && test(compareValues(x, b)));
  };
}

const inList: Pred = (v, b) => {
  if (!Array.isArray(b)) throw new MongoError('$in needs an array');
  return b.some((x) => eq(v, x));
};

const mod: Pred = (v, b) => {
  if (!Array.isArray(b) || b.length !== 2 || typeof b[0] !== 'number' || typeof b[1] !== 'number') {
    throw new MongoError('malformed mod, needs to be an array of [divisor, remainder]');
  }
  const divisor = Math.trunc(b[0]);
  if (divisor === 0) throw new MongoError('divisor cannot be 0');
  return candidates(v).some((x) => typeof x === 'number' && Number.isFinite(x) && Math.trunc(x) % divisor === Math.trunc(b[1]));
};

// $all is an $and of equalities (operator/query/all): [v] also matches a field that is v, and
// [] matches nothing. ($all of $elemMatch conditions stays mingo's.)
const all: Pred = (v, b) => {
  if (!Array.isArray(b)) throw new MongoError('$all needs an array');
  return b.length > 0 && b.every((x) => eq(v, x));
};
const isElemMatch = (x: unknown) => x !== null && typeof x === 'object' && '$elemMatch' in x;

function fieldOperator(pred: Pred) {
  return (selector: string, operand: unknown) => (doc: unknown) => pred(pathValues(doc, selector), operand);
}

const queryOverrides = {
  $eq: fieldOperator(eq),
  $ne: fieldOperator((v, b) => !eq(v, b)),
  $gt: fieldOperator(range((c) => c > 0)),
  $gte: fieldOperator(range((c) => c >= 0)),
  $lt: fieldOperator(range((c) => c < 0)),
  $lte: fieldOperator(range((c) => c <= 0)),
  $in: fieldOperator(inList),
  $nin: fieldOperator((v, b) => !inList(v, b)),
  $mod: fieldOperator(mod),
  $all: (selector: string, operand: unknown, opts: Options) =>
    Array.isArray(operand) && operand.some(isElemMatch)
      ? (queryOps.$all as (s: string, o: unknown, p: Options) => (doc: unknown) => boolean)(selector, operand, opts)
      : fieldOperator(all)(selector, operand),
};

function args(obj: unknown, expr: unknown, options: Options, name: string, count: number): unknown[] {
  if (!Array.isArray(expr) || expr.length !== count) {
    throw new MongoError(`Expression ${name} takes exactly ${count} arguments. ${Array.isArray(expr) ? expr.length : 1} were passed in.`, 16020);
  }
  return evalExpr(obj, expr, options) as unknown[];
}

function comparison(name: string, test: (c: number) => boolean) {
  return (obj: unknown, expr: unknown, options: Options) => {
    const [a, b] = args(obj, expr, options, name, 2);
    return test(compareValues(a, b));
  };
}

const expressionOverrides = {
  ...expressionRules,
  $eq: comparison('$eq', (c) => c === 0),
  $ne: comparison('$ne', (c) => c !== 0),
  $gt: comparison('$gt', (c) => c > 0),
  $gte: comparison('$gte', (c) => c >= 0),
  $lt: comparison('$lt', (c) => c < 0),
  $lte: comparison('$lte', (c) => c <= 0),
  $cmp: (obj: unknown, expr: unknown, options: Options) => compareValues(...(args(obj, expr, options, '$cmp', 2) as [unknown, unknown])),
  $size: (obj: unknown, expr: unknown, options: Options) => {
    const v = evalExpr(obj, Array.isArray(expr) ? expr[0] : expr, options);
    if (!Array.isArray(v))
      throw new MongoError(
        `The argument to $size must be an array. Type of argument is ${v === undefined ? 'missing' : v === null ? 'null' : typeof v}`,
        17124,
      );
    return v.length;
  },
  $cond: (obj: unknown, expr: unknown, options: Options) => {
    let parts: unknown[];
    if (Array.isArray(expr)) {
      if (expr.length !== 3) throw new MongoError(`Expression $cond takes exactly 3 arguments. ${expr.length} were passed in.`, 16020);
      parts = expr;
    } else if (expr !== null && typeof expr === 'object') {
      const keys = Object.keys(expr);
      const bad = keys.find((k) => k !== 'if' && k !== 'then' && k !== 'else');
      if (bad) throw new MongoError(`Unrecognized parameter to $cond: ${bad}`, 17083);
      for (const k of ['if', 'then', 'else']) if (!keys.includes(k)) throw new MongoError(`Missing '${k}' parameter to $cond`, 17080);
      const e = expr as Doc;
      parts = [e.if, e.then, e.else];
    } else {
      throw new MongoError('Expression $cond takes exactly 3 arguments. 1 were passed in.', 16020);
    }
    const v = evalExpr(obj, parts[0], options);
    const truthy = !(v === false || v === null || v === undefined || v === 0);
    return evalExpr(obj, truthy ? parts[1] : parts[2], options);
  },
};

const pipelineOverrides = {
  ...pipelineRules,
  $sort: (collection: { transform(f: (docs: unknown[]) => unknown): unknown }, spec: Record<string, number>) => {
    const entries = Object.entries(spec ?? {});
    if (!entries.length || entries.some(([, d]) => d !== 1 && d !== -1))
      throw new MongoError('$sort key ordering must be 1 (for ascending) or -1 (for descending)', 15975);
    const order = entries as Array<[string, 1 | -1]>;
    return collection.transform((docs) => Lazy(sortDocuments(docs, order)));
  },
};

const context = Context.init({ query: queryOverrides, expression: expressionOverrides, pipeline: pipelineOverrides } as never)
  .addQueryOps(queryOps as never)
  .addExpressionOps(expressionOps as never)
  .addPipelineOps(pipelineOps as never)
  .addAccumulatorOps(accumulatorOps as never)
  .addProjectionOps(projectionOps as never)
  .addWindowOps(windowOps as never);

// mingo copies a plain options object's whole operator context on every Query, Aggregator and
// update (hundreds of operators: most of a query's cost). A ComputeOptions instance made once
// is reused as it is; the class is not exported, so it is loaded from mingo's own file.
const requireHere = createRequire(__filename);
const { ComputeOptions } = requireHere(join(dirname(requireHere.resolve('mingo')), 'core', '_internal.js')) as {
  ComputeOptions: { init(o: Partial<Options>): Partial<Options> };
};
const options = ComputeOptions.init({ context, idKey: '_id', processingMode: ProcessingMode.CLONE_INPUT });
// The updater spreads its options into a new object (an instance would lose its context), so
// it gets the small context it needs: query operators for $pull conditions.
const updateOptions: Partial<Options> = {
  context: Context.init({ query: queryOverrides } as never).addQueryOps(queryOps as never),
  idKey: '_id',
};

/** A compiled filter; throws MongoError (or mingo's) on a malformed query. */
export function compileQuery(query: Doc): (doc: Doc) => boolean {
  try {
    const q = new Query(query, options);
    return (doc) => q.test(doc);
  } catch (e) {
    throw asMongoError(e);
  }
}

export function runAggregate(docs: Doc[], stages: Doc[], lookup: (collection: string) => Doc[]): Doc[] {
  try {
    // $lookup reads another collection: mingo takes it as an array in `from`.
    const resolved = stages.map((s) =>
      s.$lookup && typeof (s.$lookup as Doc).from === 'string' ? { $lookup: { ...(s.$lookup as Doc), from: lookup((s.$lookup as Doc).from as string) } } : s,
    );
    return new Aggregator(resolved, options).run(docs) as Doc[];
  } catch (e) {
    throw asMongoError(e);
  }
}

/** Applies an update document in place; returns whether anything changed. */
export function applyModifier(doc: Doc, modifier: Doc): boolean {
  try {
    checkUpdate(doc, modifier);
    return mingoUpdate(doc, modifier as never, undefined, undefined, { cloneMode: 'deep', queryOptions: updateOptions }).length > 0;
  } catch (e) {
    throw asMongoError(e);
  }
}

/** Projection of find(): {path: 1} includes, {path: 0} excludes, as MongoDB. */
export function projectDocument(doc: Doc, projection: Doc): Doc {
  try {
    const project = (d: Doc, p: Doc) => (new Query({}, options).find([d], p as never).all() as Doc[])[0];
    return projectSlices(doc, projection, project) ?? project(doc, projection);
  } catch (e) {
    throw asMongoError(e);
  }
}

function asMongoError(e: unknown): MongoError {
  return e instanceof MongoError ? e : new MongoError(e instanceof Error ? e.message : String(e));
}
