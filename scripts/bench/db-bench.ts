// npm run bench: the local database with 100,000 documents. Each operation through
// wx-server-sdk's own database object (its builders and EJSON serializers, then the local
// engine's EJSON decoding, MongoDB matching and SQLite) beside the same operation written
// directly against SQLite in the same run; the ratio is what the whole front costs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toStorage } from '../../local-cloud/engine/values';
import { closeLocalDatabase, openLocalEngine } from '../../local-cloud/index';
import type { Transaction } from '../../server/db/types';

const N = Number(process.env.BENCH_DOCS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

interface Row {
  op: string;
  side: string;
  opsPerSec: number;
  p95us: number;
}

async function measure(op: string, side: string, fn: (i: number) => unknown | Promise<unknown>): Promise<Row> {
  for (let i = 0; i < 200; i++) await fn(i); // warm up
  const times: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  let i = 0;
  while (performance.now() < until) {
    const t = performance.now();
    await fn(i++);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  return { op, side, opsPerSec: Math.round((times.length / total) * 1000), p95us: Math.round(times[Math.floor(times.length * 0.95)] * 1000) };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'sprout-bench-'));
  const { db, engine } = openLocalEngine({
    file: join(dir, 'bench.db'),
    latencyMs: undefined,
    indexes: {
      orders: [
        {
          name: 'shop_created',
          fields: [
            ['shopId', 'asc'],
            ['createdAt', 'desc'],
          ],
          why: 'bench',
        },
      ],
    },
  });
  const t0 = performance.now();
  const table = engine.store.table('orders');
  engine.store.transaction(() => {
    for (let i = 0; i < N; i++) {
      const doc = {
        _id: `o${i}`,
        shopId: `shop-${i % 500}`,
        createdAt: new Date(1_700_000_000_000 + i * 1000),
        amountFen: 100 + (i % 9000),
        taken: 0,
        cap: 1_000_000_000,
        items: [{ sku: `s${i % 50}`, n: 1 + (i % 3) }],
      };
      table.insert(doc._id, doc, toStorage(doc));
    }
  });
  console.log(`loaded ${N.toLocaleString('en-US')} documents in ${Math.round(performance.now() - t0)} ms\n`);
  const sql = engine.store.db;
  const _ = db.command;
  const rows: Row[] = [];

  // 1. Indexed equality with orderBy and limit(20)
  rows.push(
    await measure('query eq + orderBy + limit(20)', 'API', (i) =>
      db
        .collection('orders')
        .where({ shopId: `shop-${i % 500}` })
        .orderBy('createdAt', 'desc')
        .limit(20)
        .get(),
    ),
  );
  const q = sql.prepare('SELECT doc FROM c_orders WHERE k_shopId = ? ORDER BY k_createdAt DESC LIMIT 20');
  rows.push(await measure('query eq + orderBy + limit(20)', 'SQLite', (i) => (q.all(`shop-${i % 500}`) as { doc: string }[]).map((r) => JSON.parse(r.doc))));

  // 2. Conditional inc (a seat taken only while below the cap)
  rows.push(
    await measure('conditional inc update', 'API', (i) =>
      db
        .collection('orders')
        .where({ _id: `o${i % N}`, taken: _.lt(1_000_000_000) })
        .update({ data: { taken: _.inc(1) } }),
    ),
  );
  const inc = sql.prepare(
    "UPDATE c_orders SET v = v + 1, doc = json_set(doc, '$.taken', json_extract(doc, '$.taken') + 1) WHERE _id = ? AND json_extract(doc, '$.taken') < ?",
  );
  rows.push(await measure('conditional inc update', 'SQLite', (i) => inc.run(`o${(i + 7) % N}`, 1_000_000_000)));

  // 3. A transaction of three single-document writes
  rows.push(
    await measure('transaction of 3 doc writes', 'API', (i) =>
      db.runTransaction(async (tx: Transaction) => {
        for (let k = 0; k < 3; k++)
          await tx
            .collection('orders')
            .doc(`o${(i * 3 + k) % N}`)
            .update({ data: { amountFen: _.inc(1) } });
      }),
    ),
  );
  const set = sql.prepare("UPDATE c_orders SET v = v + 1, doc = json_set(doc, '$.amountFen', json_extract(doc, '$.amountFen') + 1) WHERE _id = ?");
  const tx3 = sql.transaction((i: number) => {
    for (let k = 0; k < 3; k++) set.run(`o${(i * 3 + k + 11) % N}`);
  });
  rows.push(await measure('transaction of 3 doc writes', 'SQLite', (i) => tx3(i)));

  // 4. An aggregate: one shop's orders summed by item count
  rows.push(
    await measure('aggregate match + group', 'API', (i) =>
      db
        .collection('orders')
        .aggregate()
        .match({ shopId: `shop-${i % 500}` })
        .group({ _id: '$taken', n: _.aggregate.sum(1), fen: _.aggregate.sum('$amountFen') })
        .end(),
    ),
  );
  const agg = sql.prepare(
    "SELECT json_extract(doc, '$.taken') t, count(*) n, sum(json_extract(doc, '$.amountFen')) fen FROM c_orders WHERE k_shopId = ? GROUP BY t",
  );
  rows.push(await measure('aggregate match + group', 'SQLite', (i) => agg.all(`shop-${i % 500}`)));

  console.log('| operation | API ops/s | API p95 (µs) | SQLite ops/s | SQLite p95 (µs) | API cost (x) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (let i = 0; i < rows.length; i += 2) {
    const [api, raw] = [rows[i], rows[i + 1]];
    console.log(`| ${api.op} | ${api.opsPerSec} | ${api.p95us} | ${raw.opsPerSec} | ${raw.p95us} | ${(raw.opsPerSec / api.opsPerSec).toFixed(2)} |`);
  }
  closeLocalDatabase(db);
  rmSync(dir, { recursive: true, force: true });
}

main();
