// Values on the wire and on disk. The SDK sends queries and documents as EJSON strings; they
// are decoded to plain JS values (Date, RegExp, numbers) with WeChat's serverDate resolved to
// the clock. Documents are stored as JSON with dates as {"$date": ms}, which is also valid
// relaxed EJSON, so a stored document goes back to the SDK without being re-encoded.
import { EJSON } from 'bson';

export type Doc = Record<string, unknown>;

export function isPlainObject(v: unknown): v is Doc {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Decodes an EJSON string from the SDK; `now` resolves db.serverDate({offset}). */
export function decodeWire(text: unknown, now: number): unknown {
  if (text === undefined || text === null || text === '') return undefined;
  if (typeof text !== 'string') return resolve(text, now);
  return resolve(EJSON.parse(text, { relaxed: true }), now);
}

function resolve(v: unknown, now: number): unknown {
  if (Array.isArray(v)) return v.map((x) => resolve(x, now));
  if (v === null || typeof v !== 'object' || v instanceof Date || v instanceof RegExp) return v;
  const bsonType = (v as { _bsontype?: string })._bsontype;
  if (bsonType === 'BSONRegExp') {
    const r = v as unknown as { pattern: string; options: string };
    return new RegExp(r.pattern, r.options.replace(/[^imsu]/g, ''));
  }
  if (bsonType === 'ObjectId' || bsonType === 'ObjectID') return String(v);
  if (bsonType) return Number(v);
  const o = v as Doc;
  if ('$tcb_server_date' in o && Object.keys(o).length === 1) {
    const offset = Number((o.$tcb_server_date as Doc | undefined)?.offset ?? 0);
    return new Date(now + offset);
  }
  const out: Doc = {};
  for (const k of Object.keys(o)) out[k] = resolve(o[k], now);
  return out;
}

export function toStorage(doc: unknown): string {
  return JSON.stringify(encode(doc));
}

function encode(v: unknown): unknown {
  if (v instanceof Date) return { $date: v.getTime() };
  if (v instanceof RegExp) return { $regularExpression: { pattern: v.source, options: v.flags } };
  if (Array.isArray(v)) return v.map(encode);
  if (v !== null && typeof v === 'object') {
    const out: Doc = {};
    for (const k in v) {
      const x = (v as Doc)[k];
      if (x !== undefined) out[k] = encode(x);
    }
    return out;
  }
  return v;
}

// A plain JSON.parse and a walk only when the text holds a date or a regex: a reviver costs
// several times more on every read.
export function fromStorage(text: string): Doc {
  const doc = JSON.parse(text);
  return text.includes('{"$date":') || text.includes('{"$regularExpression":') ? (decode(doc) as Doc) : doc;
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = decode(v[i]);
    return v;
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Doc;
    const keys = Object.keys(o);
    if (keys.length === 1 && typeof o.$date === 'number') return new Date(o.$date);
    if (keys.length === 1 && isPlainObject(o.$regularExpression)) {
      const r = o.$regularExpression as { pattern: string; options: string };
      return new RegExp(r.pattern, r.options);
    }
    for (const k of keys) o[k] = decode(o[k]);
  }
  return v;
}

export function clone<T>(v: T): T {
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isPlainObject(v)) {
    const out: Doc = {};
    for (const k of Object.keys(v)) out[k] = clone(v[k]);
    return out as T;
  }
  return v;
}

/** Refuses what the cloud database cannot store: functions, symbols, NaN, keys with $ or dots. */
export function assertStorable(value: unknown, path = ''): void {
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
    throw new Error(`unsupported value type ${typeof value} at '${path}'`);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`non-finite number at '${path}'`);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) assertStorable(v, `${path}.${i}`);
  } else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('$')) throw new Error(`field names cannot start with '$' ('${k}' at '${path || '<root>'}')`);
      assertStorable(v, path ? `${path}.${k}` : k);
    }
  }
}
