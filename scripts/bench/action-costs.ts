// npm run bench (actions): what each user action costs in database round trips (5-20 ms each in
// WeChat Cloud), in a small world and a large one. Each world is one KOC's referred orders with
// one shop (commission/big-koc.fixtures.ts: accrued, refunded, matured by the real commission
// timer) plus card events (share_created, opens, binds of the KOC's cards over the last four
// weeks), all folded by the real analytics rollup; then every action runs once as a user would.
// An action whose reads or writes differ between the two worlds grows with data: it is marked.
// So is one whose round trips stay but whose rows examined grow (past 100 and past twice the
// small world's: more than a page it shows), as an aggregation or a count over all rows does.
//   BENCH_ORDERS_SMALL / BENCH_ORDERS_LARGE   orders of the one KOC (100 / 10,000)
//   BENCH_EVENTS_SMALL / BENCH_EVENTS_LARGE   card events besides the order events (10,000 / 1,000,000)
import { bigKocWorld, DAY } from '../../cloudfunctions/commission/big-koc.fixtures';
import { KOC, OWNER, SHOP, STUDENTS, type World } from '../../cloudfunctions/groupbuy/fixture';
import type { DbOps } from '../../local-cloud/engine/meter';

const OP_MS = 10;
const CARDS = 20;
const VISITORS = 2000;
const CHANNELS = ['chat', 'group', 'moments', 'poster'] as const;

const size = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(v) || v < 10 || v % 10) throw new Error(`${name} must be a multiple of 10`);
  return v;
};

type Insert = (collection: string, docs: ({ _id: string } & Record<string, unknown>)[]) => void;

/** The KOC's cards and `n` events on them, as share.create and share.open write them, over the last 28 days. */
function cardEvents(w: World, insert: Insert, n: number) {
  const now = w.clock.now();
  const from = now - 28 * DAY;
  const span = now - 5 * 60_000 - from;
  const cards = Array.from({ length: CARDS }, (_, c) => ({ code: `bench-card-${String(c).padStart(2, '0')}`, channel: CHANNELS[c % CHANNELS.length] }));
  insert(
    'share_codes',
    cards.map((c) => ({
      _id: c.code,
      sharer: KOC,
      targetType: 'product',
      targetId: 'fx-product',
      channel: c.channel,
      scope: SHOP,
      reuseKey: `${KOC}:product:fx-product:${c.channel}:${c.code}`,
      createdAt: new Date(from),
      expiresAt: new Date(now + 30 * DAY),
    })),
  );
  const CHUNK = 50_000;
  for (let start = 0; start < n; start += CHUNK) {
    const docs: ({ _id: string } & Record<string, unknown>)[] = [];
    for (let i = start; i < Math.min(n, start + CHUNK); i++) {
      const c = cards[i % CARDS];
      const at = new Date(from + Math.floor((i / n) * span));
      const base = {
        _id: `bench-ev-${String(i).padStart(8, '0')}`,
        at,
        code: c.code,
        sharer: KOC,
        channel: c.channel,
        merchantId: SHOP,
        targetType: 'product',
        targetId: 'fx-product',
      };
      if (i < CARDS) docs.push({ ...base, type: 'share_created', openid: KOC });
      else if (i % 10 === 0) {
        const newCustomer = i % 30 === 0;
        docs.push({
          ...base,
          type: 'bind',
          openid: `bench-v-${i % VISITORS}`,
          scene: 1007,
          bound: newCustomer,
          decision: 'bind_first_touch',
          reason: '',
          newCustomer,
        });
      } else docs.push({ ...base, type: 'open', openid: `bench-v-${i % VISITORS}`, scene: 1007 });
    }
    insert('events', docs);
  }
}

type R<T = unknown> = { ok: true; data: T } | { ok: false; code: string; message: string };

/** Every action once, in the order a day of use runs them; what each cost. */
async function measure(orders: number, events: number): Promise<Map<string, DbOps>> {
  const t = performance.now();
  const w = await bigKocWorld(orders, { beforeRollup: (w, insert) => cardEvents(w, insert, events) });
  console.error(`  world: ${orders} orders, ${events} card events built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const out = new Map<string, DbOps>();
  const call = async <T>(label: string, fn: string, who: string, event: Record<string, unknown>): Promise<T> => {
    const { result, ops } = await w.cloud.invokeMetered(fn, event, { openid: who });
    const r = result as R<T>;
    if (!r.ok) throw new Error(`${label}: ${r.code} ${r.message}`);
    out.set(label, ops);
    return r.data;
  };
  /** WeChat Pay's success notice for the order, as local-cloud/pay-sim.ts delivers it. */
  const paid = async (label: string, outTradeNo: string, totalFee: number) => {
    const notice = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo, totalFee, transactionId: `local_${outTradeNo}` };
    const { result, ops } = await w.cloud.invokeMetered('payCallback', notice, { source: 'wx_paycallback' });
    const r = result as R<{ outcome: string }>;
    if (!r.ok || r.data.outcome !== 'paid') throw new Error(`${label}: ${JSON.stringify(result)}`);
    out.set(label, ops);
  };
  const [leader, mate, visitor] = STUDENTS;

  await call('catalog.listProducts', 'catalog', leader, { action: 'listProducts' });
  await call('groupbuy.listCampaigns', 'groupbuy', leader, { action: 'listCampaigns' });
  await call('groupbuy.getCampaign', 'groupbuy', leader, { action: 'getCampaign', campaignId: w.campaignId });
  const lead = await call<{ groupId: string; orderId: string }>('groupbuy.open', 'groupbuy', leader, {
    action: 'open',
    campaignId: w.campaignId,
    requestId: 'bench-open-0001',
  });
  await call('groupbuy.getGroup', 'groupbuy', mate, { action: 'getGroup', groupId: lead.groupId });
  const seat = await call<{ orderId: string }>('groupbuy.join', 'groupbuy', mate, { action: 'join', groupId: lead.groupId, requestId: 'bench-join-0001' });
  const p1 = await call<{ totalFen: number }>('order.pay', 'order', leader, { action: 'pay', orderId: lead.orderId });
  await paid('payCallback (first member)', lead.orderId, p1.totalFen);
  const p2 = await call<{ totalFen: number }>('order.pay (last member)', 'order', mate, { action: 'pay', orderId: seat.orderId });
  await paid('payCallback (last member: group succeeds)', seat.orderId, p2.totalFen);
  await call('order.list', 'order', leader, { action: 'list' });
  await call('merchant.listOrders', 'merchant', OWNER, { action: 'listOrders', state: 'all' });
  await call('merchant.ship', 'merchant', OWNER, { action: 'ship', orderId: lead.orderId, carrier: '商家配送' });

  const card = await call<{ code: string }>('share.create', 'share', KOC, { action: 'create', targetType: 'product', targetId: 'fx-product', channel: 'chat' });
  await call('share.open', 'share', visitor, { action: 'open', code: card.code, scene: 1007 });
  await call('share.stats', 'share', KOC, { action: 'stats' });
  await call('analytics.shareFunnel', 'analytics', OWNER, { action: 'shareFunnel', days: 30 });

  await call('commission.summary', 'commission', KOC, { action: 'summary' });
  await call('commission.list', 'commission', KOC, { action: 'list' });
  const asked = await call<{ withdrawalId: string }>('commission.requestWithdrawal', 'commission', KOC, {
    action: 'requestWithdrawal',
    merchantId: SHOP,
    amountFen: 1000,
    requestId: 'bench-withdrawal-0001',
  });
  await call('commission.approveWithdrawal', 'commission', OWNER, { action: 'approveWithdrawal', withdrawalId: asked.withdrawalId });
  await call('commission.listWithdrawals', 'commission', OWNER, { action: 'listWithdrawals', status: 'all' });
  await call('commission.myWithdrawals', 'commission', KOC, { action: 'myWithdrawals' });
  w.dispose();
  return out;
}

async function main() {
  const small = { orders: size('BENCH_ORDERS_SMALL', 100), events: size('BENCH_EVENTS_SMALL', 10_000) };
  const large = { orders: size('BENCH_ORDERS_LARGE', 10_000), events: size('BENCH_EVENTS_LARGE', 1_000_000) };
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(
    `user actions: database round trips (reads/writes) with one KOC's ${n(small.orders)} vs ${n(large.orders)} orders and ${n(small.events)} vs ${n(large.events)} card events; time at ${OP_MS} ms per round trip`,
  );
  const a = await measure(small.orders, small.events);
  const b = await measure(large.orders, large.events);
  console.log('');
  console.log(
    `| action | reads/writes (small) | reads/writes (large) | ms at ${OP_MS} ms/op (small → large) | rows scanned (small → large) | grows with data |`,
  );
  console.log('|---|---:|---:|---:|---:|---|');
  for (const [label, s] of a) {
    const l = b.get(label) as DbOps;
    const trips = (o: DbOps) => o.reads + o.writes;
    const more = trips(l) - trips(s);
    const grows =
      s.reads !== l.reads || s.writes !== l.writes
        ? `**yes** (${more >= 0 ? '+' : ''}${more} round trips)`
        : l.scanned > 100 && l.scanned > 2 * s.scanned
          ? 'round trips no; rows examined yes'
          : 'no';
    console.log(
      `| ${label} | ${s.reads}/${s.writes} | ${l.reads}/${l.writes} | ${trips(s) * OP_MS} → ${trips(l) * OP_MS} | ${n(s.scanned)} → ${n(l.scanned)} | ${grows} |`,
    );
  }
}

void main();
