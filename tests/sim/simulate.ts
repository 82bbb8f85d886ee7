// The deterministic simulator: from a seed, concurrent students, KOCs and the merchant, WeChat
// Pay's callbacks (duplicated, late, out of order), timers and clock moves drive the real
// functions with database latency on virtual time; now and then the process is killed after a
// random write and restarted on the same data. At the end the timers run until nothing changes
// and the invariants are checked. The same seed replays the same run exactly.
import { refundNoticeEvent } from '../../local-cloud/pay-sim';
import { checkInvariants, type Payments } from './invariants';
import { seededRandom, VirtualScheduler } from './scheduler';
import { buildWorld, KOCS, OWNER, SHOP, SIM_PICKUP_POINT, type SimCloud, STUDENTS } from './world';

export interface SimResult {
  seed: number;
  steps: number;
  crashes: number;
  calls: number;
  internal: number;
  violations: string[];
  trace: string[];
}

interface State {
  orders: Map<string, string>; // order -> buyer
  groups: string[];
  notices: Array<{ orderId: string; fen: number; result: 'success' | 'fail' }>;
  payments: Payments;
  withdrawals: Map<string, string>; // withdrawal -> koc
}

const timer = (t: SimCloud, fn: string, name: string) => t.cloud.invoke(fn, { Type: 'Timer', TriggerName: name }, { source: 'wx_trigger' });

export async function simulate(
  seed: number,
  options: { steps?: number; crashRate?: number; inspect?: (t: SimCloud) => Promise<void> } = {},
): Promise<SimResult> {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;
  const scheduler = new VirtualScheduler();
  let idN = 0;
  const newId = () => `${seed.toString(16)}x${(idN++).toString(16).padStart(8, '0')}`;
  // The world is built without latency (nothing runs the virtual clock yet); then every
  // database operation waits 0-3 virtual ms, after each restart too.
  const { t, campaignId } = await buildWorld({ random: rnd, sleep: scheduler.sleep, newId, quiet: !process.env.SPROUT_SIM_LOGS });
  const withLatency = () => {
    t.cloud.engine.faults.latencyMs = [0, 3];
  };
  withLatency();
  const s: State = { orders: new Map(), groups: [], notices: [], payments: new Map(), withdrawals: new Map() };
  const trace: string[] = [];
  let calls = 0;
  let internal = 0;
  let req = 0;
  const rid = () => `sim-${seed}-${String(req++).padStart(3, '0')}`;

  const call = async <T = unknown>(fn: string, who: string, event: Record<string, unknown>) => {
    calls++;
    const r = (await t.call<T>(fn, who, event).catch((e) => {
      trace.push(`${fn}.${event.action} ${who} -> died with the process`);
      throw e;
    })) as { ok: boolean; code?: string; data?: T };
    if (!r.ok && r.code === 'INTERNAL') internal++;
    trace.push(`${fn}.${event.action} ${who} -> ${r.ok ? 'ok' : r.code}`);
    return r;
  };
  /**
   * WeChat Pay delivers a notification until it is acknowledged: a fault (the deployed entry
   * answers errcode 1 on INTERNAL) or a dead process means it comes again later.
   */
  const deliver = async (n: { orderId: string; fen: number; result: 'success' | 'fail' }) => {
    calls++;
    trace.push(`payCallback ${n.orderId} ${n.result}`);
    const requeue = () => s.notices.push(n);
    const answer = await t.cloud
      .invoke(
        'payCallback',
        {
          returnCode: 'SUCCESS',
          resultCode: n.result === 'success' ? 'SUCCESS' : 'FAIL',
          outTradeNo: n.orderId,
          totalFee: n.fen,
          transactionId: `wx_${n.orderId}`,
        },
        { source: 'wx_paycallback' },
      )
      .catch((e) => {
        requeue();
        throw e;
      });
    trace.push(`  -> ${JSON.stringify(answer)}`);
    if ((answer as { code?: string }).code === 'INTERNAL') requeue();
  };
  /** The student pays in WeChat's sheet: WeChat takes the money (once per order) and notifies, maybe more than once. */
  const pay = async (orderId: string, buyer: string) => {
    const r = await call<{ totalFen: number }>('order', buyer, { action: 'pay', orderId });
    if (!r.ok || !r.data) return;
    if (chance(0.9)) {
      if (!s.payments.has(orderId)) s.payments.set(orderId, r.data.totalFen);
      s.notices.push({ orderId, fen: r.data.totalFen, result: 'success' });
      if (chance(0.3)) s.notices.push({ orderId, fen: r.data.totalFen, result: 'success' });
    } else s.notices.push({ orderId, fen: r.data.totalFen, result: 'fail' });
  };
  const ordersOf = (who: string) => [...s.orders].filter(([, b]) => b === who).map(([o]) => o);

  const actions: Array<[number, () => Promise<unknown>]> = [
    [
      4,
      async () => {
        const who = pick(STUDENTS);
        const r = await call<{ groupId: string; orderId: string }>('groupbuy', who, { action: 'open', campaignId, requestId: rid() });
        if (r.ok && r.data) {
          s.groups.push(r.data.groupId);
          s.orders.set(r.data.orderId, who);
          if (chance(0.7)) await pay(r.data.orderId, who); // most students pay at once
        }
      },
    ],
    [
      6,
      async () => {
        if (!s.groups.length) return;
        const who = pick(STUDENTS);
        // Mostly the newest groups: older ones have usually closed.
        const r = await call<{ groupId: string; orderId: string }>('groupbuy', who, { action: 'join', groupId: pick(s.groups.slice(-3)), requestId: rid() });
        if (r.ok && r.data) {
          s.orders.set(r.data.orderId, who);
          if (chance(0.7)) await pay(r.data.orderId, who);
        }
      },
    ],
    [
      3,
      async () => {
        // Bought alone: 1-3 units for pickup or delivery, the same request now and then sent twice.
        const who = pick(STUDENTS);
        const fulfilment = chance(0.5)
          ? { type: 'pickup', pickupPointId: SIM_PICKUP_POINT }
          : { type: 'delivery', address: { building: '梅园 1 号楼', room: '101', name: '模拟同学', phone: '13900000000' } };
        const event = { action: 'buy', productId: 'sim-product', quantity: 1 + Math.floor(rnd() * 3), fulfilment, requestId: rid() };
        const r = await call<{ orderId: string }>('order', who, event);
        if (chance(0.2)) await call('order', who, event);
        if (r.ok && r.data) {
          s.orders.set(r.data.orderId, who);
          if (chance(0.7)) await pay(r.data.orderId, who);
        }
      },
    ],
    [
      6,
      async () => {
        // Mostly orders WeChat has not been paid for yet; now and then one paid already.
        const unpaid = [...s.orders].filter(([o]) => !s.payments.has(o));
        const pool = unpaid.length && chance(0.85) ? unpaid : [...s.orders];
        const [orderId, buyer] = pool.length ? pick(pool) : ['', ''];
        if (orderId) await pay(orderId, buyer);
      },
    ],
    [
      7,
      async () => {
        if (!s.notices.length) return;
        const i = Math.floor(rnd() * s.notices.length);
        const n = s.notices[i];
        if (!chance(0.2)) s.notices.splice(i, 1); // sometimes delivered again later
        await deliver(n);
      },
    ],
    [
      2,
      async () => {
        const who = pick(STUDENTS);
        const mine = ordersOf(who).filter((o) => s.payments.has(o));
        if (!mine.length) return;
        const partial = chance(0.4) ? { amountFen: pick([500, 1000, 1500]) } : {};
        await call('order', who, { action: 'requestRefund', orderId: pick(mine), reason: '不想要了', ...partial });
      },
    ],
    [
      2,
      async () => {
        const r = await call<{ items: Array<{ id: string; refundRequest?: { id: string } | null }> }>('merchant', OWNER, {
          action: 'listOrders',
          state: 'refunding',
        });
        // Only orders with a request waiting (the rest are already refunding).
        const list = (r.ok && Array.isArray(r.data?.items) ? r.data.items : []).filter((o) => o.refundRequest);
        if (!list.length) return;
        const o = pick(list);
        const named = { orderId: o.id, refundId: o.refundRequest?.id };
        // Mostly approved; now and then rejected with a reason (the buyer may ask again).
        await call('merchant', OWNER, chance(0.8) ? { action: 'approveRefund', ...named } : { action: 'rejectRefund', ...named, reason: '请补充照片' });
      },
    ],
    [
      2,
      async () => {
        const r = await call<{ items: Array<{ id: string; fulfilment: { type: string } | null }> }>('merchant', OWNER, {
          action: 'listOrders',
          state: 'confirmed',
        });
        const list = r.ok && Array.isArray(r.data?.items) ? r.data.items : [];
        if (!list.length) return;
        const o = pick(list);
        const orderId = o.id;
        // The way the order said it reaches the buyer (older orders without one: either).
        const pickup = o.fulfilment ? o.fulfilment.type === 'pickup' : chance(0.5);
        await call(
          'merchant',
          OWNER,
          pickup ? { action: 'readyForPickup', orderId } : { action: 'ship', orderId, carrier: '顺丰速运', trackingNo: `SF${req++}` },
        );
        const buyer = s.orders.get(orderId);
        if (!buyer || !chance(0.6)) return;
        if (!pickup) {
          await call('order', buyer, { action: 'confirmReceipt', orderId }); // the buyer confirms soon after
          return;
        }
        // At the pickup point the buyer shows the code (now and then a wrong one) and the shop checks it.
        const seen = await call<{ pickupCode: string | null }>('order', buyer, { action: 'get', orderId });
        const code = seen.ok && seen.data?.pickupCode ? seen.data.pickupCode : '000000';
        await call('merchant', OWNER, { action: 'verifyPickup', orderId, code: chance(0.2) ? String((Number(code) + 1) % 1_000_000).padStart(6, '0') : code });
      },
    ],
    [
      2,
      async () => {
        const who = pick(STUDENTS);
        const mine = ordersOf(who);
        if (mine.length) await call('order', who, { action: 'confirmReceipt', orderId: pick(mine) });
      },
    ],
    [
      2,
      async () => {
        const koc = pick(KOCS);
        const r = await call<{ withdrawalId: string }>('commission', koc, {
          action: 'requestWithdrawal',
          merchantId: SHOP,
          amountFen: pick([1000, 1500, 3000]),
          requestId: rid(),
        });
        if (r.ok && r.data) s.withdrawals.set(r.data.withdrawalId, koc);
      },
    ],
    [
      2,
      async () => {
        if (!s.withdrawals.size) return;
        const [id] = pick([...s.withdrawals]);
        await call(
          'commission',
          OWNER,
          chance(0.8) ? { action: 'approveWithdrawal', withdrawalId: id } : { action: 'rejectWithdrawal', withdrawalId: id, reason: '再核对一下' },
        );
      },
    ],
    [
      2,
      async () => {
        if (!s.withdrawals.size) return;
        const [id, koc] = pick([...s.withdrawals]);
        t.cloud.payout.confirm(id); // the KOC confirms in WeChat's sheet (if a transfer exists)
        await call('commission', koc, { action: 'confirmWithdrawal', withdrawalId: id });
      },
    ],
    [
      1,
      async () => {
        const accepted = [...t.cloud.pay.refunds.keys()];
        if (!accepted.length) return;
        const no = pick(accepted);
        t.cloud.pay.settleRefund(no);
        calls++;
        trace.push(`refund notice ${no}`);
        await t.cloud.invoke('payCallback', refundNoticeEvent(no, t.cloud.pay.refundTrades.get(no) ?? '', 0, t.cloud.pay.refunds.get(no) ?? 0), {
          source: 'wx_paycallback',
        });
      },
    ],
    [3, () => timer(t, 'groupbuy', 'sweep')],
    [3, () => timer(t, 'commission', 'settle')],
    [
      2,
      async () => {
        // Mostly minutes; now and then hours, a day (group deadlines) or 11 days (auto-confirm).
        const ms = pick([60_000, 60_000, 60_000, 60_000, 5 * 60_000, 5 * 60_000, 30 * 60_000, 3 * 3600_000, 26 * 3600_000, 11 * 86_400_000]);
        trace.push(`clock +${ms}`);
        t.clock.advance(ms);
      },
    ],
  ];
  const weights = actions.reduce((n, [w]) => n + w, 0);
  const choose = () => {
    let x = rnd() * weights;
    for (const [w, a] of actions) {
      x -= w;
      if (x < 0) return a;
    }
    return actions[0][1];
  };

  const steps = options.steps ?? 40;
  const crashRate = options.crashRate ?? 0.15;
  for (let step = 0; step < steps; step++) {
    if (chance(crashRate)) t.crashAfterWrites(1 + Math.floor(rnd() * 8));
    const before = t.crashes();
    const batch = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => choose()().catch(() => undefined));
    let settled = false;
    const done = Promise.all(batch).then(() => {
      settled = true;
    });
    await scheduler.runUntilIdle();
    await new Promise<void>((r) => setImmediate(r));
    // Nothing left on the virtual clock and a request still pending: it waits on something no
    // one will ever release. Said as a finding (awaiting it would end the process silently).
    if (!settled) throw new Error(`seed ${seed}: a request never finished (step ${step}); replay with --seed ${seed} --trace`);
    await done;
    t.cloud.engine.faults.arm({});
    if (t.crashes() > before) {
      trace.push(`-- crash, restart --`);
      await t.restart();
      withLatency();
    }
  }

  // Settle: every notice WeChat still owes is delivered, the merchant answers every refund
  // request, and time moves on with the timers running until nothing changes.
  const run = async <T>(p: Promise<T>) => {
    const r = p.catch((e) => e);
    await scheduler.runUntilIdle();
    return r;
  };
  for (let round = 0; round < 20 && s.notices.length; round++) for (const n of s.notices.splice(0)) await run(deliver(n));
  for (let day = 0; day < 12; day++) {
    type Row = { id: string; refundRequest?: { id: string } | null };
    const list = await run(call<{ items: Row[] }>('merchant', OWNER, { action: 'listOrders', state: 'refunding' }));
    for (const o of (list as { ok: boolean; data?: { items: Row[] } }).data?.items ?? [])
      if (o.refundRequest) await run(call('merchant', OWNER, { action: 'approveRefund', orderId: o.id, refundId: o.refundRequest.id }));
    let last = '';
    for (let i = 0; i < 10; i++) {
      await run(timer(t, 'groupbuy', 'sweep'));
      await run(timer(t, 'commission', 'settle'));
      const f = t.fingerprint();
      if (f === last) break;
      last = f;
    }
    t.clock.advance(86_400_000);
  }
  const violations = await run(checkInvariants(t, s.payments, true));
  if (options.inspect) await run(options.inspect(t));
  t.dispose();
  return { seed, steps, crashes: t.crashes(), calls, internal, violations: Array.isArray(violations) ? violations : [String(violations)], trace };
}
