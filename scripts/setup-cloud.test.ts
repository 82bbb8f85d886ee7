// The database setup plan, offline: built from server/db/indexes.ts with nothing left out, and
// applied to a stand-in for CloudBase's database API to show a second run creates nothing.
import CloudBase from '@cloudbase/manager-node';
import { indexes } from '../server/db/indexes';
import { applySetupPlan, buildSetupPlan, type DatabaseApi, describePlan, type PlannedCollection, toCreateIndex } from './setup-cloud';

const plan = buildSetupPlan(indexes);

describe('buildSetupPlan', () => {
  it('has every collection of indexes.ts once, those without indexes too', () => {
    expect(plan.map((c) => c.name)).toEqual(Object.keys(indexes));
    expect(plan.find((c) => c.name === 'campuses')?.indexes).toEqual([]);
  });

  it('has every index with its fields in order, directions and unique flag', () => {
    for (const [collection, specs] of Object.entries(indexes)) {
      const planned = plan.find((c) => c.name === collection)?.indexes ?? [];
      expect(planned.map((i) => i.name)).toEqual(specs.map((s) => s.name));
      specs.forEach((s, n) => {
        expect(planned[n].keys).toEqual(s.fields.map(([field, order]) => ({ field, direction: order === 'asc' ? 1 : -1 })));
        expect(planned[n].unique).toBe(s.unique === true);
      });
    }
  });

  it('carries the unique indexes that back idempotency keys', () => {
    const unique = plan.flatMap((c) => c.indexes.filter((i) => i.unique).map((i) => `${c.name}.${i.name}`));
    const declared = Object.entries(indexes).flatMap(([c, specs]) => specs.filter((s) => s.unique).map((s) => `${c}.${s.name}`));
    expect(unique).toEqual(declared);
    expect(unique).toContain('orders.member');
  });
});

describe('toCreateIndex and describePlan', () => {
  it("writes an index as CloudBase's UpdateTable takes it", () => {
    const member = plan.find((c) => c.name === 'orders')?.indexes.find((i) => i.name === 'member');
    expect(member && toCreateIndex(member)).toEqual({
      IndexName: 'member',
      MgoKeySchema: { MgoIndexKeys: [{ Name: 'memberKey', Direction: '1' }], MgoIsUnique: true },
    });
    const listed = plan.find((c) => c.name === 'products')?.indexes.find((i) => i.name === 'status_listed');
    expect(listed && toCreateIndex(listed).MgoKeySchema).toEqual({
      MgoIndexKeys: [
        { Name: 'status', Direction: '1' },
        { Name: 'listedKey', Direction: '-1' },
      ],
      MgoIsUnique: false,
    });
  });

  it('prints each collection and each index with keys, directions and unique flag (the dry run)', () => {
    const text = describePlan(plan).join('\n');
    for (const c of plan) {
      expect(text).toContain(`collection ${c.name}`);
      for (const i of c.indexes) expect(text).toContain(`  index ${i.name}: `);
    }
    expect(text).toContain('index member: memberKey asc [unique]');
    expect(text).toContain('index status_listed: status asc, listedKey desc\n');
  });
});

type Stored = Array<{ Name: string; Keys: Array<{ Name: string; Direction: string }>; Unique: boolean }>;

/** CloudBase's database as far as the script sees it, in memory. */
function fakeCloud(collections: Record<string, Stored> = {}) {
  const calls: string[] = [];
  const db: DatabaseApi = {
    async createCollectionIfNotExists(name) {
      calls.push(`exists?${name}`);
      if (collections[name]) return { IsCreated: false };
      collections[name] = [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }];
      return { IsCreated: true };
    },
    async describeCollection(name) {
      if (!collections[name]) throw new Error(`no collection ${name}`);
      return { Indexes: collections[name].map((i) => ({ ...i, Keys: [...i.Keys] })) };
    },
    async updateCollection(name, { CreateIndexes }) {
      for (const i of CreateIndexes) {
        calls.push(`index ${name}.${i.IndexName}`);
        collections[name].push({ Name: i.IndexName, Keys: i.MgoKeySchema.MgoIndexKeys, Unique: i.MgoKeySchema.MgoIsUnique });
      }
    },
  };
  return { db, calls, collections };
}

const quiet = () => {};

describe('applySetupPlan', () => {
  it('creates every collection and index on an empty environment, then nothing on a second run', async () => {
    const cloud = fakeCloud();
    const first = await applySetupPlan(plan, cloud.db, quiet);
    expect(first.createdCollections).toEqual(plan.map((c) => c.name));
    expect(first.createdIndexes).toEqual(plan.flatMap((c) => c.indexes.map((i) => `${c.name}.${i.name}`)));
    expect(first.conflicts).toEqual([]);
    expect(cloud.collections.orders.find((i) => i.Name === 'member')?.Unique).toBe(true);

    cloud.calls.length = 0;
    const second = await applySetupPlan(plan, cloud.db, quiet);
    expect(second).toEqual({ createdCollections: [], createdIndexes: [], conflicts: [] });
    expect(cloud.calls.filter((c) => c.startsWith('index '))).toEqual([]);
  });

  it('skips an index made by hand under another name with the same keys', async () => {
    const small: PlannedCollection[] = [{ name: 'orders', indexes: [{ name: 'member', keys: [{ field: 'memberKey', direction: 1 }], unique: true }] }];
    const cloud = fakeCloud({ orders: [{ Name: 'memberKey_1', Keys: [{ Name: 'memberKey', Direction: '1' }], Unique: true }] });
    const lines: string[] = [];
    expect(await applySetupPlan(small, cloud.db, (l) => lines.push(l))).toEqual({ createdCollections: [], createdIndexes: [], conflicts: [] });
    expect(lines).toContain("  index member: exists as 'memberKey_1'");
  });

  it('reports, and leaves alone, an index whose keys or unique flag differ from the plan', async () => {
    const small: PlannedCollection[] = [
      { name: 'orders', indexes: [{ name: 'member', keys: [{ field: 'memberKey', direction: 1 }], unique: true }] },
      { name: 'events', indexes: [{ name: 'type_at', keys: [{ field: 'type', direction: 1 }], unique: false }] },
    ];
    const cloud = fakeCloud({
      orders: [{ Name: 'member', Keys: [{ Name: 'memberKey', Direction: '1' }], Unique: false }],
      events: [{ Name: 'type_at', Keys: [{ Name: 'type', Direction: '-1' }], Unique: false }],
    });
    const report = await applySetupPlan(small, cloud.db, quiet);
    expect(report.createdIndexes).toEqual([]);
    expect(report.conflicts).toHaveLength(2);
    expect(report.conflicts[0]).toMatch(/^orders\.member: .*'member' differs from memberKey asc \[unique\]/);
  });
});

describe('@cloudbase/manager-node', () => {
  it('offers the database calls the script makes (no request is sent to build the client)', () => {
    const db = new CloudBase({ secretId: 'id', secretKey: 'key', envId: 'env-test' }).database;
    for (const call of ['createCollectionIfNotExists', 'describeCollection', 'updateCollection'] as const) expect(typeof db[call]).toBe('function');
  });
});
