// npm run bench (timers): a backlog of paid orders with referrals, settled by the commission
// timer as WeChat Cloud would run it: every database operation waits 10 ms (on a virtual clock,
// so the bench takes seconds, not the hours it simulates), each run has the function's 60 s,
// and a run starts every minute. Reports runs, the longest run, operations per order and the
// wall time until the backlog is settled.
import { KOC, STUDENTS, world } from '../../cloudfunctions/groupbuy/fixture';
import type { OrderDoc } from '../../server/orders/orders';

const OP_MS = 10;

async function commissionBacklog(orders: number, kocs: number) {
  let virtualMs = 0;
  const w = await world({
    quiet: true,
    latencyMs: [OP_MS, OP_MS],
    sleep: async (ms) => {
      virtualMs += ms;
    },
    runClock: () => performance.now() + virtualMs,
  });
  const db = w.cloud.db;
  const sharers = [KOC, ...Array.from({ length: kocs - 1 }, (_, i) => `bench-koc-${i}`)];
  const t0 = w.clock.now() - 3600_000;
  for (let i = 0; i < orders; i++) {
    const id = `bench${String(i).padStart(27, '0')}`;
    const order: OrderDoc = {
      _id: id,
      buyer: STUDENTS[i % STUDENTS.length],
      merchantId: 'fx-shop',
      campaignId: w.campaignId,
      groupId: `bench-group-${i >> 1}`,
      productId: 'fx-product',
      title: '测试台灯',
      image: '',
      unitPriceFen: 1990,
      quantity: 1,
      amountFen: 1990,
      totalFen: 1990,
      refundedFen: 0,
      status: 'confirmed',
      money: 'paid',
      openRefund: null,
      memberKey: `bench-member-${i}`,
      seatExpiresAt: new Date(t0),
      binding: { sharer: sharers[i % sharers.length], code: `bench-code-${i % sharers.length}`, channel: 'chat', reason: 'bench' },
      leader: false,
      history: [],
      createdAt: new Date(t0),
      paidAt: new Date(t0 + i),
    };
    await db.collection('orders').add({ data: order });
    await db.collection('events').add({
      data: {
        type: 'order_paid',
        at: new Date(t0 + i),
        openid: order.buyer,
        orderId: id,
        groupId: order.groupId,
        merchantId: 'fx-shop',
        amountFen: 1990,
        code: order.binding?.code,
        sharer: order.binding?.sharer,
      },
    });
  }
  const runs: { ms: number; reads: number; writes: number; events: number }[] = [];
  for (let run = 0; run < 200; run++) {
    const start = performance.now() + virtualMs;
    const { result, ops } = await w.cloud.invokeMetered('commission', { Type: 'Timer', TriggerName: 'settle' }, { source: 'wx_trigger' });
    const ms = performance.now() + virtualMs - start;
    const events = (result as { ok: boolean; data?: { events: number } }).data?.events ?? 0;
    runs.push({ ms, reads: ops.reads, writes: ops.writes, events });
    w.clock.advance(60_000);
    const { total } = await db.collection('commissions').count();
    if (total >= orders) break;
  }
  const { total: accrued } = await db.collection('commissions').count();
  // Then they all complete at once (a flash sale's deliveries) and mature a week later.
  const completedAt = new Date(w.clock.now());
  await db
    .collection('orders')
    .where({ merchantId: 'fx-shop' })
    .update({ data: { status: 'completed', completedAt } });
  for (let i = 0; i < orders; i++) {
    const id = `bench${String(i).padStart(27, '0')}`;
    await db.collection('events').add({
      data: { type: 'order_completed', at: new Date(w.clock.now() + i), openid: '', orderId: id, groupId: '', merchantId: 'fx-shop', amountFen: 1990 },
    });
  }
  w.clock.advance(7 * 86_400_000 + 3600_000);
  const matureRuns: number[] = [];
  for (let run = 0; run < 200; run++) {
    const start = performance.now() + virtualMs;
    await w.cloud.invoke('commission', { Type: 'Timer', TriggerName: 'settle' }, { source: 'wx_trigger' });
    matureRuns.push(performance.now() + virtualMs - start);
    w.clock.advance(60_000);
    const { total } = await db.collection('commissions').where({ state: 'available' }).count();
    if (total >= orders) break;
  }
  w.dispose();
  const ops = runs.reduce((s, r) => s + r.reads + r.writes, 0);
  return {
    orders,
    kocs,
    runs: runs.length,
    longestRunS: Math.max(...runs.map((r) => r.ms)) / 1000,
    opsPerOrder: ops / orders,
    wallMinutes: runs.length, // a run starts every minute
    accrued,
    matureRuns: matureRuns.length,
    longestMatureRunS: Math.max(...matureRuns) / 1000,
  };
}

async function main() {
  const n = Number(process.env.BENCH_ORDERS ?? 10_000);
  console.log(`commission timer: ${n} paid orders with referrals, ${OP_MS} ms per database operation, 60 s per run, a run a minute`);
  console.log('| KOCs | accrual: runs (= minutes) | longest run s | ops per order | commissions accrued | maturity: runs | longest run s |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const kocs of [20, n]) {
    const r = await commissionBacklog(n, Math.min(kocs, n));
    console.log(
      `| ${r.kocs} | ${r.runs} | ${r.longestRunS.toFixed(1)} | ${r.opsPerOrder.toFixed(2)} | ${r.accrued} | ${r.matureRuns} | ${r.longestMatureRunS.toFixed(1)} |`,
    );
  }
}

void main();
