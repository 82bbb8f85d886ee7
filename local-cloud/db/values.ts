// Value semantics of WeChat's cloud database (a MongoDB underneath), kept in one place:
// how documents are stored as JSON, compared, walked by dotted paths and copied.

/** Dates are stored as {"$date": ms} so that a JSON round trip gives a Date back, as the cloud does. */
export function toStorage(doc: unknown): string {
  return JSON.stringify(encodeDates(doc));
}

function encodeDates(v: unknown): unknown {
  if (v instanceof Date) return { $date: v.getTime() };
  if (Array.isArray(v)) return v.map(encodeDates);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k in v) out[k] = encodeDates((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

// A plain JSON.parse and a walk only when the text holds a date: JSON.parse with a reviver
// costs several times more on every read.
export function fromStorage(text: string): Record<string, unknown> {
  const doc = JSON.parse(text);
  return text.includes('{"$date":') ? (decodeDates(doc) as Record<string, unknown>) : doc;
}

function decodeDates(v: unknown): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = decodeDates(v[i]);
    return v;
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$date === 'number' && Object.keys(o).length === 1) return new Date(o.$date);
    for (const k in o) o[k] = decodeDates(o[k]);
  }
  return v;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function clone<T>(v: T): T {
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = clone(x);
    return out as T;
  }
  return v;
}

/** BSON type order, as MongoDB sorts values of different types. */
function typeRank(v: unknown): number {
  if (v === null || v === undefined) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (v instanceof Date) return 9;
  if (Array.isArray(v)) return 5;
  if (typeof v === 'boolean') return 8;
  if (typeof v === 'object') return 4;
  return 10;
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (a === null || a === undefined) return 0;
  if (typeof a === 'number' || typeof a === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string') return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
  if (a instanceof Date) return a.getTime() - (b as Date).getTime();
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    for (let i = 0; i < Math.min(a.length, bb.length); i++) {
      const c = compareValues(a[i], bb[i]);
      if (c !== 0) return c;
    }
    return a.length - bb.length;
  }
  const ea = Object.entries(a as object);
  const eb = Object.entries(b as object);
  for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
    if (ea[i][0] !== eb[i][0]) return ea[i][0] < eb[i][0] ? -1 : 1;
    const c = compareValues(ea[i][1], eb[i][1]);
    if (c !== 0) return c;
  }
  return ea.length - eb.length;
}

/** Same type bracket: MongoDB's lt/gt only compare values of one kind. */
export function comparable(a: unknown, b: unknown): boolean {
  return typeRank(a) === typeRank(b) && a !== null && a !== undefined;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * The values a dotted path reaches, MongoDB style: a path walks into every element of an
 * array it meets ("items.sku" over an array of items), and a numeric part indexes an array.
 * `found` is false when no value exists at the path (the field is missing).
 */
export function valuesAt(doc: unknown, path: string): { values: unknown[]; found: boolean } {
  const out: unknown[] = [];
  walk(doc, path.split('.'), 0, out);
  return out.length === 0 ? { values: [undefined], found: false } : { values: out, found: true };
}

function walk(node: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (node !== undefined) out.push(node);
    return;
  }
  const part = parts[i];
  if (Array.isArray(node)) {
    if (/^\d+$/.test(part)) walk(node[Number(part)], parts, i + 1, out);
    else for (const el of node) if (el && typeof el === 'object') walk(el, parts, i, out);
    return;
  }
  if (node && typeof node === 'object' && !(node instanceof Date)) {
    walk((node as Record<string, unknown>)[part], parts, i + 1, out);
  }
}

/** The single value at a path without walking into arrays (for sorting, grouping, projections). */
export function getPath(doc: unknown, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (node === null || node === undefined || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = node[parts[i]];
    if (next === null || next === undefined) {
      node[parts[i]] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    } else if (typeof next !== 'object' || next instanceof Date) {
      throw new Error(`cannot create field '${parts[i + 1]}' inside non-object '${parts.slice(0, i + 1).join('.')}'`);
    }
    node = node[parts[i]] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

export function removePath(doc: Record<string, unknown>, path: string): void {
  const parts = path.split('.');
  let node: unknown = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string, unknown>)[parts[i]];
  }
  if (node && typeof node === 'object') {
    if (Array.isArray(node)) node[Number(parts[parts.length - 1])] = null;
    else delete (node as Record<string, unknown>)[parts[parts.length - 1]];
  }
}
