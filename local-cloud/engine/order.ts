// How MongoDB (and so WeChat's cloud database) orders and compares values, where mingo's
// in-memory rules differ: strings compare by UTF-8 bytes (code points), not UTF-16 units;
// embedded documents are equal only with the same fields in the same order; arrays sort by
// their smallest element ascending and their largest descending (an empty one before null);
// null and missing sort alike.
// https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/

/**
 * The sort key of an empty array: below null and missing in both directions ("A comparison of an
 * empty array treats the empty array as less than null or a missing field", bson-type-comparison-order).
 */
export const EMPTY_ARRAY_KEY: unique symbol = Symbol('empty array sort key');

/** BSON type brackets in MongoDB's comparison order. */
export function typeRank(v: unknown): number {
  if (v === EMPTY_ARRAY_KEY) return 0;
  if (v === null || v === undefined) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (v instanceof Date) return 8;
  if (typeof v === 'boolean') return 7;
  if (v instanceof RegExp) return 10;
  return 4; // embedded document
}

/** Code point order, which is UTF-8 byte order: surrogate pairs sort after U+E000..U+FFFF. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Total order of two values as MongoDB compares them (arrays element by element). */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0:
    case 1:
      return 0;
    case 2:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 3:
      return compareStrings(a as string, b as string);
    case 7:
      return a === b ? 0 : a ? 1 : -1;
    case 8:
      return Math.sign((a as Date).getTime() - (b as Date).getTime());
    case 10:
      return compareStrings(String(a), String(b));
    case 5: {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareValues(x[i], y[i]);
        if (c) return c;
      }
      return Math.sign(x.length - y.length);
    }
    default: {
      // Documents compare field by field in stored order: name first, then value.
      const x = Object.entries(a as object);
      const y = Object.entries(b as object);
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareValues(x[i][1], y[i][1]) || compareStrings(x[i][0], y[i][0]);
        if (c) return c;
      }
      return Math.sign(x.length - y.length);
    }
  }
}

/** Equality as MongoDB's $eq sees it: same type bracket, same value, fields in the same order. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  return compareValues(a, b) === 0 && (typeRank(a) !== 4 || Object.keys(a as object).join('\u0000') === Object.keys(b as object).join('\u0000'));
}

/** The key a sort uses for one document's value: an array sorts by its least (asc) or greatest (desc) element. */
export function sortKey(v: unknown, direction: 1 | -1): unknown {
  if (!Array.isArray(v)) return v;
  if (v.length === 0) return EMPTY_ARRAY_KEY;
  let best = v[0];
  for (const x of v) if (compareValues(x, best) * direction < 0) best = x;
  return best;
}

/** Read a dotted path; through an array it collects the values of its elements (as MongoDB does). */
export function pathValues(doc: unknown, path: string): unknown {
  let node: unknown = doc;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (node === null || node === undefined) return undefined;
    if (Array.isArray(node)) {
      const p = parts[i];
      if (/^\d+$/.test(p)) {
        node = node[Number(p)];
        continue;
      }
      const rest = parts.slice(i).join('.');
      const out = node.map((el) => (el !== null && typeof el === 'object' ? pathValues(el, rest) : undefined)).filter((x) => x !== undefined);
      return out.length ? out.flat() : undefined;
    }
    if (typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[parts[i]];
  }
  return node;
}

/** Sorts documents by a MongoDB sort spec ({path: 1 | -1, ...}); stable for ties. */
export function sortDocuments<T>(docs: T[], spec: Array<[string, 1 | -1]>): T[] {
  if (!spec.length) return docs;
  const keyed = docs.map((doc, i) => ({ doc, i, keys: spec.map(([p, d]) => sortKey(pathValues(doc, p), d)) }));
  keyed.sort((x, y) => {
    for (let k = 0; k < spec.length; k++) {
      const c = compareValues(x.keys[k], y.keys[k]) * spec[k][1];
      if (c) return c;
    }
    return x.i - y.i;
  });
  return keyed.map((k) => k.doc);
}
