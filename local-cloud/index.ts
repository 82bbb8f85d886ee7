// A script's way in: the local cloud's database as the same kind of object ctx.db is in a
// function (WeChat's own SDK database object over the local engine).
//
//   const db = openLocalDatabase();                      // in memory, Sprout's collections
//   const db = openLocalDatabase({ file: '.data/x.db' }); // on disk
//   await db.createCollection('scratch');                 // as in WeChat
import type { IndexPlan } from '../server/db/index-spec';
import { indexes as sproutIndexes } from '../server/db/indexes';
import type { Db } from '../server/db/types';
import { type EngineOptions, LocalEngine } from './engine/engine';
import { parseLatency } from './engine/faults';
import { releaseSdkDatabase, sdkDatabase } from './sdk';

export interface OpenOptions extends Partial<Omit<EngineOptions, 'file' | 'indexes'>> {
  /** SQLite file; in memory when omitted. */
  file?: string;
  now?: () => number;
  /** Collections and their indexes, in the format of server/db/indexes.ts (the default). */
  indexes?: IndexPlan;
}

const engineOf = new WeakMap<object, LocalEngine>();

/** The database and the engine behind it (the local cloud's host and tests use both). */
export function openLocalEngine(options: OpenOptions = {}): { db: Db; engine: LocalEngine } {
  const engine = new LocalEngine({
    ...options,
    file: options.file ?? ':memory:',
    indexes: options.indexes ?? sproutIndexes,
    latencyMs: options.latencyMs ?? parseLatency(process.env.SPROUT_DB_LATENCY_MS),
  });
  const db = sdkDatabase(engine);
  engineOf.set(db, engine);
  return { db, engine };
}

export function openLocalDatabase(options: OpenOptions = {}): Db {
  return openLocalEngine(options).db;
}

/** The engine behind a database from openLocalDatabase (faults, the SQLite store). */
export function localEngineOf(db: Db): LocalEngine {
  const engine = engineOf.get(db);
  if (!engine) throw new Error('not a local database');
  return engine;
}

export function closeLocalDatabase(db: Db): void {
  const engine = localEngineOf(db);
  releaseSdkDatabase(engine);
  engine.close();
}
