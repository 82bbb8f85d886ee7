// Applies update() data to a document: plain values set fields (nested objects are merged
// field by field, as WeChat does), UpdateCommands do the rest.
import { LogicCommand, QueryCommand, ServerDate, UpdateCommand } from './commands';
import { fieldMatches, matches, normalizeQuery } from './match';
import { clone, compareValues, deepEqual, getPath, isPlainObject, removePath, setPath } from './values';

/** Replaces serverDate() markers with the clock's time, everywhere in a value. */
export function resolveServerDates(value: unknown, now: number): unknown {
  if (value instanceof ServerDate) return new Date(now + value.offset);
  if (Array.isArray(value)) return value.map((v) => resolveServerDates(v, now));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveServerDates(v, now);
    return out;
  }
  if (value instanceof UpdateCommand && value.operand !== undefined) {
    return new UpdateCommand(value.op, resolveServerDates(value.operand, now));
  }
  return value;
}

/** Refuses what the cloud refuses in stored data: commands in a plain write, non-JSON values. */
export function assertStorable(value: unknown, path = ''): void {
  if (value instanceof UpdateCommand || value instanceof QueryCommand || value instanceof LogicCommand) {
    throw new Error(`a command cannot be stored as a value (at '${path}')`);
  }
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new Error(`unsupported value type ${typeof value} at '${path}'`);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`non-finite number at '${path}'`);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) assertStorable(v, `${path}.${i}`);
  } else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) assertStorable(v, path ? `${path}.${k}` : k);
}

function flattenUpdate(data: Record<string, unknown>, prefix: string, out: [string, unknown][]): void {
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && Object.keys(value).length > 0) flattenUpdate(value, path, out);
    else out.push([path, value]);
  }
}

/** Applies the update to `doc` itself (callers pass a fresh parse or a copy) and returns it. */
export function applyUpdate(doc: Record<string, unknown>, data: unknown, now: number): Record<string, unknown> {
  if (!isPlainObject(data)) throw new Error('update data must be an object');
  const next = doc;
  const ops: [string, unknown][] = [];
  flattenUpdate(resolveServerDates(data, now) as Record<string, unknown>, '', ops);
  if (ops.length === 0) throw new Error('update data must not be empty');
  for (const [path, value] of ops) {
    if (path === '_id' || path.startsWith('_id.')) throw new Error('_id cannot be updated');
    if (value instanceof UpdateCommand) applyCommand(next, path, value);
    else {
      assertStorable(value, path);
      setPath(next, path, clone(value));
    }
  }
  return next;
}

function numberAt(doc: Record<string, unknown>, path: string, op: string, missing: number): number {
  const current = getPath(doc, path);
  if (current === undefined || current === null) return missing;
  if (typeof current !== 'number') throw new Error(`_.${op} on non-numeric field '${path}'`);
  return current;
}

function arrayAt(doc: Record<string, unknown>, path: string, op: string): unknown[] {
  const current = getPath(doc, path);
  if (current === undefined || current === null) return [];
  if (!Array.isArray(current)) throw new Error(`_.${op} on non-array field '${path}'`);
  return [...current];
}

function operandNumber(cmd: UpdateCommand): number {
  if (typeof cmd.operand !== 'number' || !Number.isFinite(cmd.operand)) throw new Error(`_.${cmd.op} expects a number`);
  return cmd.operand;
}

function applyCommand(doc: Record<string, unknown>, path: string, cmd: UpdateCommand): void {
  switch (cmd.op) {
    case 'set':
      assertStorable(cmd.operand, path);
      setPath(doc, path, clone(cmd.operand));
      return;
    case 'remove':
      removePath(doc, path);
      return;
    case 'inc':
      setPath(doc, path, numberAt(doc, path, 'inc', 0) + operandNumber(cmd));
      return;
    case 'mul':
      setPath(doc, path, numberAt(doc, path, 'mul', 0) * operandNumber(cmd));
      return;
    case 'min':
    case 'max': {
      const current = getPath(doc, path);
      const c = current === undefined ? null : compareValues(cmd.operand, current);
      if (c === null || (cmd.op === 'min' ? c < 0 : c > 0)) setPath(doc, path, clone(cmd.operand));
      return;
    }
    case 'push':
      setPath(doc, path, push(arrayAt(doc, path, 'push'), cmd.operand));
      return;
    case 'pop':
      setPath(doc, path, arrayAt(doc, path, 'pop').slice(0, -1));
      return;
    case 'shift':
      setPath(doc, path, arrayAt(doc, path, 'shift').slice(1));
      return;
    case 'unshift': {
      const items = Array.isArray(cmd.operand) ? cmd.operand : [cmd.operand];
      setPath(doc, path, [...clone(items), ...arrayAt(doc, path, 'unshift')]);
      return;
    }
    case 'addToSet': {
      const arr = arrayAt(doc, path, 'addToSet');
      const spec = cmd.operand;
      const items = isPlainObject(spec) && Array.isArray(spec.each) ? spec.each : [spec];
      for (const item of items) if (!arr.some((x) => deepEqual(x, item))) arr.push(clone(item));
      setPath(doc, path, arr);
      return;
    }
    case 'pull': {
      const arr = arrayAt(doc, path, 'pull');
      const spec = cmd.operand;
      const hit = (el: unknown) =>
        spec instanceof QueryCommand || spec instanceof LogicCommand
          ? fieldMatches({ v: el }, 'v', spec)
          : isPlainObject(spec) && isPlainObject(el)
            ? matches(el, normalizeQuery(spec))
            : deepEqual(el, spec);
      setPath(
        doc,
        path,
        arr.filter((el) => !hit(el)),
      );
      return;
    }
    case 'pullAll': {
      if (!Array.isArray(cmd.operand)) throw new Error('_.pullAll expects an array');
      const drop = cmd.operand;
      setPath(
        doc,
        path,
        arrayAt(doc, path, 'pullAll').filter((el) => !drop.some((d) => deepEqual(d, el))),
      );
      return;
    }
  }
}

/** _.push(value | [values] | {each, position, sort, slice}) */
function push(arr: unknown[], spec: unknown): unknown[] {
  if (isPlainObject(spec) && Array.isArray(spec.each)) {
    const items = clone(spec.each);
    const pos = typeof spec.position === 'number' ? spec.position : arr.length;
    arr.splice(pos < 0 ? Math.max(arr.length + pos, 0) : pos, 0, ...items);
    if (spec.sort !== undefined) {
      const sort = spec.sort;
      arr.sort((a, b) =>
        isPlainObject(sort)
          ? Object.entries(sort).reduce((acc, [k, dir]) => acc || compareValues(getPath(a, k), getPath(b, k)) * Number(dir), 0)
          : compareValues(a, b) * Number(sort),
      );
    }
    if (typeof spec.slice === 'number') return spec.slice >= 0 ? arr.slice(0, spec.slice) : arr.slice(spec.slice);
    return arr;
  }
  const items = Array.isArray(spec) ? spec : [spec];
  return [...arr, ...clone(items)];
}
