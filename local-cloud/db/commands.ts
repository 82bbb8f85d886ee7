// db.command: the objects that queries, updates and aggregations are written with.
// They only describe; match.ts, update.ts and aggregate.ts give them meaning.

export type QueryOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'nin' | 'exists' | 'size' | 'elemMatch' | 'all';
export type LogicOp = 'and' | 'or' | 'nor' | 'not';
export type UpdateOp = 'set' | 'remove' | 'inc' | 'mul' | 'min' | 'max' | 'push' | 'pop' | 'shift' | 'unshift' | 'addToSet' | 'pull' | 'pullAll';

abstract class Chainable {
  and(...rest: unknown[]): LogicCommand {
    return new LogicCommand('and', [this, ...flat(rest)]);
  }
  or(...rest: unknown[]): LogicCommand {
    return new LogicCommand('or', [this, ...flat(rest)]);
  }
}

export class QueryCommand extends Chainable {
  constructor(
    readonly op: QueryOp,
    readonly operand: unknown,
  ) {
    super();
  }
}

/** Used at the top of a where() its operands are query objects; as a field's value they are conditions. */
export class LogicCommand extends Chainable {
  constructor(
    readonly op: LogicOp,
    readonly operands: unknown[],
  ) {
    super();
  }
}

export class UpdateCommand {
  constructor(
    readonly op: UpdateOp,
    readonly operand?: unknown,
  ) {}
}

/** Resolved to the (injected) clock's time when written. */
export class ServerDate {
  constructor(readonly offset = 0) {}
}

function flat(args: unknown[]): unknown[] {
  return args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
}

const q = (op: QueryOp) => (operand: unknown) => new QueryCommand(op, operand);
const u = (op: UpdateOp) => (operand?: unknown) => new UpdateCommand(op, operand);

/** Aggregation expression builders: db.command.aggregate.sum('$price') is {$sum: '$price'}. */
const aggregateOps = [
  'sum',
  'avg',
  'min',
  'max',
  'first',
  'last',
  'push',
  'addToSet',
  'add',
  'subtract',
  'multiply',
  'divide',
  'mod',
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'and',
  'or',
  'not',
  'cond',
  'ifNull',
  'size',
  'concat',
  'toUpper',
  'toLower',
  'arrayElemAt',
  'in',
] as const;
type AggregateBuilders = { [K in (typeof aggregateOps)[number]]: (...args: unknown[]) => Record<string, unknown> };

function makeAggregate(): AggregateBuilders {
  const out = {} as AggregateBuilders;
  for (const name of aggregateOps) {
    const key = name === 'neq' ? '$ne' : `$${name}`;
    out[name] = (...args: unknown[]) => ({ [key]: args.length === 1 ? args[0] : args });
  }
  return out;
}

export const command = {
  eq: q('eq'),
  neq: q('neq'),
  lt: q('lt'),
  lte: q('lte'),
  gt: q('gt'),
  gte: q('gte'),
  in: q('in'),
  nin: q('nin'),
  exists: q('exists'),
  size: q('size'),
  elemMatch: q('elemMatch'),
  all: q('all'),
  and: (...args: unknown[]) => new LogicCommand('and', flat(args)),
  or: (...args: unknown[]) => new LogicCommand('or', flat(args)),
  nor: (...args: unknown[]) => new LogicCommand('nor', flat(args)),
  not: (cond: unknown) => new LogicCommand('not', [cond]),
  set: u('set'),
  remove: () => new UpdateCommand('remove'),
  inc: u('inc'),
  mul: u('mul'),
  min: u('min'),
  max: u('max'),
  push: u('push'),
  pop: () => new UpdateCommand('pop'),
  shift: () => new UpdateCommand('shift'),
  unshift: u('unshift'),
  addToSet: u('addToSet'),
  pull: u('pull'),
  pullAll: u('pullAll'),
  aggregate: makeAggregate(),
};
export type Command = typeof command;
