// Aggregation pipelines: match group sort skip limit project unwind lookup count addFields.
import { matches, normalizeQuery } from './match';
import { clone, compareValues, deepEqual, getPath, isPlainObject, removePath, setPath } from './values';

export type Stage = { [op: string]: unknown };
type Doc = Record<string, unknown>;

/** Evaluates an aggregation expression: '$path' reads a field, {$op: args} computes, anything else is literal. */
export function evalExpr(doc: Doc, expr: unknown): unknown {
  if (typeof expr === 'string' && expr.startsWith('$')) return getPath(doc, expr.slice(1));
  if (Array.isArray(expr)) return expr.map((e) => evalExpr(doc, e));
  if (!isPlainObject(expr)) return expr;
  const keys = Object.keys(expr);
  if (keys.length === 1 && keys[0].startsWith('$')) return operator(doc, keys[0], expr[keys[0]]);
  const out: Doc = {};
  for (const [k, v] of Object.entries(expr)) out[k] = evalExpr(doc, v);
  return out;
}

function args(doc: Doc, raw: unknown): unknown[] {
  return (Array.isArray(raw) ? raw : [raw]).map((a) => evalExpr(doc, a));
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

function operator(doc: Doc, op: string, raw: unknown): unknown {
  const a = () => args(doc, raw);
  switch (op) {
    case '$add':
      return a().reduce((s: number, v) => s + num(v), 0);
    case '$subtract': {
      const [x, y] = a();
      return num(x) - num(y);
    }
    case '$multiply':
      return a().reduce((s: number, v) => s * num(v), 1);
    case '$divide': {
      const [x, y] = a();
      return num(y) === 0 ? null : num(x) / num(y);
    }
    case '$mod': {
      const [x, y] = a();
      return num(x) % num(y);
    }
    case '$eq': {
      const [x, y] = a();
      return deepEqual(x, y);
    }
    case '$ne': {
      const [x, y] = a();
      return !deepEqual(x, y);
    }
    case '$gt': {
      const [x, y] = a();
      return compareValues(x, y) > 0;
    }
    case '$gte': {
      const [x, y] = a();
      return compareValues(x, y) >= 0;
    }
    case '$lt': {
      const [x, y] = a();
      return compareValues(x, y) < 0;
    }
    case '$lte': {
      const [x, y] = a();
      return compareValues(x, y) <= 0;
    }
    case '$and':
      return a().every(Boolean);
    case '$or':
      return a().some(Boolean);
    case '$not':
      return !a()[0];
    case '$cond': {
      if (isPlainObject(raw)) return evalExpr(doc, evalExpr(doc, raw.if) ? raw.then : raw.else);
      const [c, t, e] = raw as unknown[];
      return evalExpr(doc, evalExpr(doc, c) ? t : e);
    }
    case '$ifNull': {
      const [x, y] = a();
      return x === null || x === undefined ? y : x;
    }
    case '$size': {
      const [x] = a();
      return Array.isArray(x) ? x.length : 0;
    }
    case '$concat':
      return a()
        .map((v) => String(v ?? ''))
        .join('');
    case '$toUpper':
      return String(a()[0] ?? '').toUpperCase();
    case '$toLower':
      return String(a()[0] ?? '').toLowerCase();
    case '$arrayElemAt': {
      const [arr, i] = a();
      return Array.isArray(arr) ? arr.at(num(i)) : undefined;
    }
    case '$in': {
      const [x, arr] = a();
      return Array.isArray(arr) && arr.some((el) => deepEqual(el, x));
    }
    default:
      throw new Error(`unsupported aggregation operator ${op}`);
  }
}

function accumulate(docs: Doc[], spec: unknown): unknown {
  if (!isPlainObject(spec)) throw new Error('group accumulators look like {$sum: expr}');
  const [op, expr] = Object.entries(spec)[0];
  const values = docs.map((d) => evalExpr(d, expr));
  const nums = values.filter((v): v is number => typeof v === 'number');
  const present = values.filter((v) => v !== undefined && v !== null);
  switch (op) {
    case '$sum':
      return nums.reduce((s, v) => s + v, 0);
    case '$avg':
      return nums.length ? nums.reduce((s, v) => s + v, 0) / nums.length : null;
    case '$min':
      return present.length ? present.reduce((m, v) => (compareValues(v, m) < 0 ? v : m)) : null;
    case '$max':
      return present.length ? present.reduce((m, v) => (compareValues(v, m) > 0 ? v : m)) : null;
    case '$first':
      return values[0] ?? null;
    case '$last':
      return values.at(-1) ?? null;
    case '$push':
      return values;
    case '$addToSet':
      return values.filter((v, i) => values.findIndex((w) => deepEqual(v, w)) === i);
    default:
      throw new Error(`unsupported accumulator ${op}`);
  }
}

function group(docs: Doc[], spec: Doc): Doc[] {
  const { _id: idExpr, ...fields } = spec;
  const groups: { key: unknown; docs: Doc[] }[] = [];
  for (const d of docs) {
    const key = evalExpr(d, idExpr ?? null) ?? null;
    const g = groups.find((x) => deepEqual(x.key, key));
    if (g) g.docs.push(d);
    else groups.push({ key, docs: [d] });
  }
  return groups.map((g) => {
    const out: Doc = { _id: g.key };
    for (const [name, acc] of Object.entries(fields)) out[name] = accumulate(g.docs, acc);
    return out;
  });
}

function project(d: Doc, spec: Doc): Doc {
  const entries = Object.entries(spec);
  const excluding = entries.every(([k, v]) => k === '_id' || v === 0 || v === false);
  if (excluding) {
    const out = clone(d);
    for (const [k] of entries) removePath(out, k);
    return out;
  }
  const out: Doc = {};
  if (spec._id !== 0 && spec._id !== false) out._id = d._id;
  for (const [k, v] of entries) {
    if (k === '_id') continue;
    if (v === 1 || v === true) {
      const value = getPath(d, k);
      if (value !== undefined) setPath(out, k, clone(value));
    } else if (v !== 0 && v !== false) setPath(out, k, evalExpr(d, v));
  }
  return out;
}

function unwind(docs: Doc[], spec: unknown): Doc[] {
  const opts = typeof spec === 'string' ? { path: spec } : (spec as { path: string; includeArrayIndex?: string; preserveNullAndEmptyArrays?: boolean });
  const path = opts.path.replace(/^\$/, '');
  const out: Doc[] = [];
  for (const d of docs) {
    const arr = getPath(d, path);
    if (Array.isArray(arr) && arr.length > 0) {
      arr.forEach((el, i) => {
        const copy = clone(d);
        setPath(copy, path, clone(el));
        if (opts.includeArrayIndex) copy[opts.includeArrayIndex] = i;
        out.push(copy);
      });
    } else if (opts.preserveNullAndEmptyArrays) {
      const copy = clone(d);
      if (Array.isArray(arr)) removePath(copy, path);
      if (opts.includeArrayIndex) copy[opts.includeArrayIndex] = null;
      out.push(copy);
    } else if (arr !== undefined && arr !== null && !Array.isArray(arr)) {
      out.push(clone(d));
    }
  }
  return out;
}

export function sortDocs(docs: Doc[], spec: Array<[string, number]>): Doc[] {
  return [...docs].sort((a, b) => {
    for (const [path, dir] of spec) {
      const c = compareValues(getPath(a, path), getPath(b, path));
      if (c !== 0) return c * dir;
    }
    return 0;
  });
}

/** Runs the stages after the first $match (which the caller may have used to pick the input). */
export function runPipeline(input: Doc[], stages: Stage[], loadCollection: (name: string) => Doc[]): Doc[] {
  let docs = input;
  for (const stage of stages) {
    const [op, spec] = Object.entries(stage)[0];
    switch (op) {
      case 'match': {
        const q = normalizeQuery(spec);
        docs = docs.filter((d) => matches(d, q));
        break;
      }
      case 'group':
        docs = group(docs, spec as Doc);
        break;
      case 'sort':
        docs = sortDocs(
          docs,
          Object.entries(spec as Doc).map(([k, v]) => [k, Number(v) < 0 ? -1 : 1]),
        );
        break;
      case 'skip':
        docs = docs.slice(spec as number);
        break;
      case 'limit':
        docs = docs.slice(0, spec as number);
        break;
      case 'project':
        docs = docs.map((d) => project(d, spec as Doc));
        break;
      case 'addFields':
        docs = docs.map((d) => {
          const c = clone(d);
          for (const [k, v] of Object.entries(spec as Doc)) setPath(c, k, evalExpr(d, v));
          return c;
        });
        break;
      case 'unwind':
        docs = unwind(docs, spec);
        break;
      case 'count':
        docs = docs.length ? [{ [spec as string]: docs.length }] : [];
        break;
      case 'lookup': {
        const { from, localField, foreignField, as } = spec as { from: string; localField: string; foreignField: string; as: string };
        const foreign = loadCollection(from);
        docs = docs.map((d) => {
          const local = getPath(d, localField);
          const locals = Array.isArray(local) ? local : [local];
          const joined = foreign.filter((f) => {
            const fv = getPath(f, foreignField);
            return locals.some((l) => deepEqual(l, fv) || (Array.isArray(fv) && fv.some((x) => deepEqual(x, l))));
          });
          return { ...clone(d), [as]: clone(joined) };
        });
        break;
      }
      default:
        throw new Error(`unsupported aggregation stage ${op}`);
    }
  }
  return docs;
}
