// Creates the database Sprout needs in a WeChat Cloud (CloudBase) environment: every collection
// and every index declared in server/db/indexes.ts, unique where declared. WeChat's database
// refuses to write to a collection that was never created, and a missing unique index would let
// an idempotency key repeat, so this runs before the functions are first called.
//   npm run setup:cloud -- --dry-run   print the plan; no credentials, no network
//   npm run setup:cloud                create what is missing (safe to run again: it skips what exists)
// Credentials: TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (a Tencent Cloud API key;
// TENCENTCLOUD_SESSIONTOKEN with temporary keys) and SPROUT_ENV_ID, the environment id.
import type { IndexPlan } from '../server/db/index-spec';
import { indexes } from '../server/db/indexes';

export interface PlannedIndex {
  name: string;
  keys: Array<{ field: string; direction: 1 | -1 }>;
  unique: boolean;
}

export interface PlannedCollection {
  name: string;
  indexes: PlannedIndex[];
}

/** The collections and indexes to create, in the order indexes.ts declares them. Pure. */
export function buildSetupPlan(plan: IndexPlan): PlannedCollection[] {
  return Object.entries(plan).map(([name, specs]) => ({
    name,
    indexes: specs.map((s) => ({
      name: s.name,
      keys: s.fields.map(([field, order]) => ({ field, direction: order === 'desc' ? -1 : 1 })),
      unique: s.unique === true,
    })),
  }));
}

/** One index as CloudBase's UpdateTable takes it (CreateIndexes[] of @cloudbase/manager-node). */
export function toCreateIndex(index: PlannedIndex) {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: index.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })),
      MgoIsUnique: index.unique,
    },
  };
}

const keyText = (keys: PlannedIndex['keys']) => keys.map((k) => `${k.field} ${k.direction === 1 ? 'asc' : 'desc'}`).join(', ');

/** What --dry-run prints: each collection, each index with its keys, directions and unique flag. */
export function describePlan(plan: PlannedCollection[]): string[] {
  const count = plan.reduce((n, c) => n + c.indexes.length, 0);
  const lines = [`${plan.length} collections, ${count} indexes (from server/db/indexes.ts)`];
  for (const c of plan) {
    lines.push(`collection ${c.name}${c.indexes.length ? '' : ' (no index)'}`);
    for (const i of c.indexes) lines.push(`  index ${i.name}: ${keyText(i.keys)}${i.unique ? ' [unique]' : ''}`);
  }
  return lines;
}

/** The calls of @cloudbase/manager-node's DatabaseService this script makes. */
export interface DatabaseApi {
  createCollectionIfNotExists(name: string): Promise<{ IsCreated: boolean }>;
  describeCollection(name: string): Promise<{ Indexes?: Array<{ Name: string; Keys?: Array<{ Name?: string; Direction?: string }>; Unique?: boolean }> }>;
  updateCollection(name: string, change: { CreateIndexes: ReturnType<typeof toCreateIndex>[] }): Promise<unknown>;
}

export interface SetupReport {
  createdCollections: string[];
  createdIndexes: string[];
  /** An index of the planned name whose keys or unique flag differ: left for a person to settle. */
  conflicts: string[];
}

const sameKeys = (planned: PlannedIndex['keys'], found: Array<{ Name?: string; Direction?: string }> = []) =>
  planned.length === found.length && planned.every((k, i) => k.field === found[i].Name && k.direction === Number(found[i].Direction));

/**
 * Creates what is missing and skips what exists: a collection by name; an index by name, or by
 * the same keys under another name (one made by hand in the console). Nothing is dropped.
 */
export async function applySetupPlan(plan: PlannedCollection[], db: DatabaseApi, log: (line: string) => void = console.log): Promise<SetupReport> {
  const report: SetupReport = { createdCollections: [], createdIndexes: [], conflicts: [] };
  for (const c of plan) {
    const { IsCreated } = await db.createCollectionIfNotExists(c.name);
    if (IsCreated) report.createdCollections.push(c.name);
    log(`collection ${c.name}: ${IsCreated ? 'created' : 'exists'}`);
    if (!c.indexes.length) continue;
    const existing = (await db.describeCollection(c.name)).Indexes ?? [];
    for (const index of c.indexes) {
      const id = `${c.name}.${index.name}`;
      const byName = existing.find((e) => e.Name === index.name);
      const byKeys = existing.find((e) => sameKeys(index.keys, e.Keys));
      const found = byName ?? byKeys;
      if (found) {
        const keysDiffer = !sameKeys(index.keys, found.Keys);
        const uniqueDiffers = found.Unique !== undefined && found.Unique !== index.unique;
        if (keysDiffer || uniqueDiffers) {
          const want = `${keyText(index.keys)}${index.unique ? ' [unique]' : ''}`;
          report.conflicts.push(`${id}: the environment's index '${found.Name}' differs from ${want}; drop it in the console and run again`);
          log(`  index ${index.name}: CONFLICT with '${found.Name}'`);
        } else {
          log(`  index ${index.name}: exists${found.Name === index.name ? '' : ` as '${found.Name}'`}`);
        }
        continue;
      }
      await db.updateCollection(c.name, { CreateIndexes: [toCreateIndex(index)] });
      report.createdIndexes.push(id);
      log(`  index ${index.name}: created (${keyText(index.keys)}${index.unique ? ', unique' : ''})`);
    }
  }
  return report;
}

async function main(argv: string[]): Promise<number> {
  const plan = buildSetupPlan(indexes);
  if (argv.includes('--dry-run')) {
    console.log('Dry run: would create in the environment, skipping whatever exists:');
    for (const line of describePlan(plan)) console.log(line);
    return 0;
  }
  const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey, TENCENTCLOUD_SESSIONTOKEN: token, SPROUT_ENV_ID: envId } = process.env;
  const missing = Object.entries({ TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey, SPROUT_ENV_ID: envId })
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length) {
    console.error(`setup:cloud needs ${missing.join(', ')} in the environment (or run with --dry-run to see the plan)`);
    return 2;
  }
  // Loaded only here, so --dry-run and the tests never touch the network client.
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const app = new CloudBase({ secretId, secretKey, token, envId });
  console.log(`Setting up the database of ${envId}:`);
  const db: DatabaseApi = app.database;
  const report = await applySetupPlan(plan, db);
  console.log(`done: ${report.createdCollections.length} collections and ${report.createdIndexes.length} indexes created, the rest already there`);
  for (const c of report.conflicts) console.error(c);
  return report.conflicts.length ? 1 : 0;
}

// Run as a script (tsx scripts/setup-cloud.ts), not when a test imports it.
if (process.argv[1] === __filename) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`setup:cloud failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
