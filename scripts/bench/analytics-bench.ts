// npm run bench:analytics: shareFunnel, share.stats and the merchant dashboard over a history of
// 10,000 and 1,000,000 events (BENCH_EVENTS=10000,1000000), before and after the rollup. "scan"
// is what the actions did before the counters (the same aggregations over every event, run here
// directly); "counters" is the actions themselves once the rollup timer has folded the history.
// Reports database round trips (reads), rows examined (scanned) and local time per call, and
// what the rollup cost: operations, and the time they would take at 10 ms each in WeChat Cloud.
// The dashboard's reads and rows must be the same at both sizes: it reads rollup documents only.
import { KOC, OWNER, SHOP, STUDENTS, world } from '../../cloudfunctions/groupbuy/fixture';
import { metered } from '../../local-cloud/engine/meter';
import { toStorage } from '../../local-cloud/engine/values';

const SIZES = (process.env.BENCH_EVENTS ?? '10000,1000000').split(',').map(Number);
const DAY = 86_400_000;
const CODES = ['bench-c1', 'bench-c2', 'bench-c3'];
const CHANNELS = ['chat', 'group', 'moments', 'poster'];
const OP_MS = 10;

/**
 * n events over the last 30 days: 55% opens, 20% binds, 5% cards made, 10% orders by 5,000
 * buyers, 2.5% refunds of them, and 2.5% each of group-buys ending, reminders and precision
 * cards reaching the world's students, and their likes, comments and collects.
 */
function* history(n: number, now: number) {
  // mulberry32: consecutive draws of a plain LCG are correlated (a draw decides the next one's
  // range), which left 300 distinct buyers among 2,000 orders.
  let x = 12345;
  const rnd = (k: number) => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
  };
  const from = now - 30 * DAY;
  // Recent orders refunds pick from (a refund names an order paid before it).
  const paid: { orderId: string; buyer: string }[] = new Array(1000);
  for (let i = 0; i < n; i++) {
    const at = new Date(from + Math.floor((i * (30 * DAY - 10 * 60_000)) / n));
    const code = CODES[rnd(3)];
    const card = { at, code, sharer: KOC, merchantId: SHOP, channel: CHANNELS[rnd(4)], targetType: 'product', targetId: 'fx-product' };
    const openid = `bench-v-${rnd(5000)}`;
    const k = rnd(40);
    const _id = `bench-e-${String(i).padStart(8, '0')}`;
    const student = STUDENTS[rnd(STUDENTS.length)];
    const order = { groupId: 'g', merchantId: SHOP, amountFen: 1990, code, sharer: KOC, channel: card.channel, buyer: openid };
    if (k < 22) yield { _id, type: 'open', openid, scene: 1007, ...card };
    else if (k < 30) yield { _id, type: 'bind', openid, scene: 1007, bound: k < 26, newCustomer: k < 26, decision: 'bench', reason: '', ...card };
    else if (k < 32) yield { _id, type: 'share_created', openid: KOC, ...card };
    else if (k < 36) {
      paid[i % paid.length] = { orderId: _id, buyer: openid };
      yield { _id, type: 'order_paid', openid: '', at, orderId: _id, ...order };
    } else if (k < 37) {
      const o = paid[rnd(paid.length)] ?? { orderId: _id, buyer: openid };
      yield { _id, type: 'refund_succeeded', openid: OWNER, at, ...order, ...o, refundFen: rnd(2) ? 1990 : 990 };
    } else if (k < 38)
      yield { _id, type: rnd(3) ? 'group_succeeded' : 'group_failed', openid: '', at, groupId: _id, campaignId: 'c', merchantId: SHOP, size: 2, paid: 1 };
    else if (k < 39) {
      const touch = { student, kind: rnd(2) ? 'pick' : 'class', scene: ['PE', 'LAB', 'none'][rnd(3)], grade: ['大一', '大二'][rnd(2)], major: '计算机' };
      yield { _id, type: rnd(3) ? 'touch_delivered' : 'touch_opened', openid: student, at, ...touch };
    } else
      yield { _id, type: ['note_liked', 'note_collected', 'note_commented'][rnd(3)], openid: student, at, noteId: 'bench-note', author: KOC, commentId: _id };
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: Math.round(performance.now() - t), value };
}

async function bench(n: number) {
  const w = await world({ quiet: true, durable: true });
  const db = w.cloud.db;
  const at = new Date(w.clock.now());
  for (const code of CODES)
    await db.collection('share_codes').add({
      data: {
        _id: code,
        sharer: KOC,
        targetType: 'product',
        targetId: 'fx-product',
        channel: 'chat',
        scope: SHOP,
        reuseKey: code,
        createdAt: at,
        expiresAt: new Date(at.getTime() + 30 * DAY),
      },
    });
  const load = performance.now();
  const store = w.cloud.engine.store;
  const table = store.table('events');
  const batch: Record<string, unknown>[] = [];
  const flush = () =>
    store.transaction(() => {
      for (const e of batch.splice(0)) table.insert(e._id as string, e, toStorage(e));
    });
  for (const e of history(n, w.clock.now())) if (batch.push(e) >= 10_000) flush();
  flush();
  console.log(`\n${n.toLocaleString('en-US')} events loaded in ${Math.round(performance.now() - load)} ms`);

  // Before: the aggregations shareFunnel and share.stats ran over the events themselves.
  const _ = db.command;
  const $ = _.aggregate;
  const scanFunnel = () =>
    db
      .collection('events')
      .aggregate()
      .match({ merchantId: SHOP, type: _.in(['share_created', 'open', 'bind']), at: _.gte(new Date(w.clock.now() - 30 * DAY)) })
      .addFields({ counted: $.cond([$.eq(['$type', 'bind']), $.cond(['$newCustomer', 1, 0]), 1]) })
      .group({ _id: { type: '$type', channel: '$channel' }, n: $.sum('$counted') })
      .limit(100)
      .end();
  const scanStats = async () => {
    const match = { sharer: KOC, code: _.in(CODES) };
    await db
      .collection('events')
      .aggregate()
      .match({ ...match, type: 'open' })
      .group({ _id: '$code', opens: $.sum(1), visitors: $.addToSet('$openid') })
      .limit(50)
      .end();
    await db
      .collection('events')
      .aggregate()
      .match({ ...match, type: 'bind', newCustomer: true })
      .group({ _id: '$code', n: $.sum(1) })
      .limit(50)
      .end();
    return db
      .collection('events')
      .aggregate()
      .match({ ...match, type: _.in(['order_paid', 'refund_succeeded']) })
      .group({ _id: { code: '$code', type: '$type' }, n: $.sum(1), fen: $.sum('$refundFen'), paidFen: $.sum('$amountFen') })
      .limit(100)
      .end();
  };
  const rows: Record<string, unknown>[] = [];
  const row = async (action: string, side: string, fn: () => Promise<unknown>) => {
    const m = await timed(() => metered(fn));
    rows.push({ events: n, action, side, reads: m.value.ops.reads, scanned: m.value.ops.scanned, ms: m.ms });
  };
  await row('shareFunnel', 'scan (before)', scanFunnel);
  await row('share.stats', 'scan (before)', scanStats);

  // The rollup timer, run as WeChat would (60 s a run, a run a minute) until it has caught up.
  let ops = 0;
  let runs = 0;
  const roll = performance.now();
  for (;;) {
    const { result, ops: o } = await w.cloud.invokeMetered('analytics', { Type: 'Timer', TriggerName: 'rollup' }, { source: 'wx_trigger' });
    ops += o.reads + o.writes;
    runs++;
    const r = result as { ok: boolean; data?: { caughtUp: boolean } };
    if (!r.ok) throw new Error(`rollup failed: ${JSON.stringify(r)}`);
    if (r.data?.caughtUp) break;
  }
  console.log(
    `rollup: ${runs} run(s), ${ops.toLocaleString('en-US')} operations (${(ops / n).toFixed(3)} per event) in ${Math.round(performance.now() - roll)} ms locally; ` +
      `at ${OP_MS} ms an operation: ${Math.round((ops * OP_MS) / 1000)} s of timer runs`,
  );
  await row('shareFunnel', 'counters', () => w.cloud.invokeMetered('analytics', { action: 'shareFunnel', days: 30 }, { openid: OWNER }));
  await row('share.stats', 'counters', () => w.cloud.invokeMetered('share', { action: 'stats' }, { openid: KOC }));
  const dashboard = await w.cloud.invokeMetered('analytics', { action: 'dashboard', days: 90 }, { openid: OWNER });
  const view = (dashboard.result as { ok: boolean; data: { totals: { orders: number }; repurchase: { buyers: number }; touches: unknown[] } }).data;
  console.log(
    `dashboard (90 days): ${view.totals.orders.toLocaleString('en-US')} orders, ${view.repurchase.buyers.toLocaleString('en-US')} buyers, ${view.touches.length} segment rows`,
  );
  await row('analytics.dashboard', 'counters', () => w.cloud.invokeMetered('analytics', { action: 'dashboard', days: 90 }, { openid: OWNER }));
  w.dispose();
  return rows;
}

async function main() {
  const all: Record<string, unknown>[] = [];
  for (const n of SIZES) all.push(...(await bench(n)));
  console.log();
  console.table(all);
  // The dashboard's database operations per load must not grow with the events.
  const dash = all.filter((r) => r.action === 'analytics.dashboard');
  const same = dash.every((r) => r.reads === dash[0].reads && r.scanned === dash[0].scanned);
  console.log(
    `analytics.dashboard per load: ${dash.map((r) => `${Number(r.events).toLocaleString('en-US')} events -> ${r.reads} reads, ${r.scanned} rows`).join('; ')}: ${same ? 'constant' : 'NOT CONSTANT'}`,
  );
  if (!same) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
