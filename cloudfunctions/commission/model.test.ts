// Model-based: random sequences of sales, completions, refunds, clock moves, settlement and
// withdrawals run against the real function and against a tiny reference model written here,
// apart from the code under test (its own rounding, its own balances). After every step the
// KOCs' balances and every answer must match the model, and the invariants must hold.
import fc from 'fast-check';
import { type CommissionFixture, commissionFixture, DAY, SHOPS } from './fixtures';
import { moneyViolations } from './invariants';

const KOCS = ['koc-x', 'koc-y'];
const SHOP_IDS = [SHOPS.a.id, SHOPS.b.id];
/** Shop a keeps the default 10%; shop b pays 15% (set in the test). */
const RATE_BP: Record<string, number> = { [SHOPS.a.id]: 1000, [SHOPS.b.id]: 1500 };
const HOLD_MS = 7 * DAY;
const CONFIRM_MS = DAY;

type Step =
  | { k: 'buy'; koc: number; shop: number; fen: number }
  | { k: 'complete'; i: number }
  | { k: 'refund'; i: number; fen: number }
  | { k: 'wait'; days: number }
  | { k: 'settle' }
  | { k: 'withdraw'; koc: number; shop: number; fen: number }
  | { k: 'approve'; i: number; failTransfer: boolean }
  | { k: 'reject'; i: number }
  | { k: 'confirm'; i: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('buy' as const), koc: fc.nat(1), shop: fc.nat(1), fen: fc.integer({ min: 1, max: 60_000 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('complete' as const), i: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('refund' as const), i: fc.nat(20), fen: fc.integer({ min: 1, max: 60_000 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('wait' as const), days: fc.constantFrom(1, 3, 8) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('settle' as const) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('withdraw' as const), koc: fc.nat(1), shop: fc.nat(1), fen: fc.integer({ min: 1000, max: 6000 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('approve' as const), i: fc.nat(20), failTransfer: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('reject' as const), i: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('confirm' as const), i: fc.nat(20) }) },
);

/** The reference model: what Sprout promises, in the plainest code. */
class Model {
  orders: { id: string; koc: string; shop: string; fen: number; refunded: number; completedAt: number | null }[] = [];
  /** Commission per order as the last settlement left it. */
  entries = new Map<string, { worth: number; matured: boolean }>();
  withdrawals: { id: string; koc: string; shop: string; fen: number; day: string; status: string; approvedAt: number }[] = [];

  static worth(fen: number, refunded: number, rateBp: number): number {
    const kept = Math.max(0, fen - refunded);
    return (kept * rateBp - ((kept * rateBp) % 10_000)) / 10_000; // whole fen, the fraction dropped
  }

  settle(now: number) {
    for (const o of this.orders) {
      const e = this.entries.get(o.id) ?? { worth: 0, matured: false };
      e.worth = Model.worth(o.fen, o.refunded, RATE_BP[o.shop]);
      if (o.completedAt !== null && now >= o.completedAt + HOLD_MS) e.matured = true;
      this.entries.set(o.id, e);
    }
    for (const w of this.withdrawals) if (w.status === 'awaiting_confirmation' && now >= w.approvedAt + CONFIRM_MS) w.status = 'expired';
  }

  balance(koc: string, shop: string) {
    let pending = 0;
    let matured = 0;
    for (const o of this.orders) {
      const e = this.entries.get(o.id);
      if (!e || o.koc !== koc || o.shop !== shop) continue;
      if (e.matured) matured += e.worth;
      else pending += e.worth;
    }
    const sum = (statuses: string[]) =>
      this.withdrawals.filter((w) => w.koc === koc && w.shop === shop && statuses.includes(w.status)).reduce((s, w) => s + w.fen, 0);
    const inTransit = sum(['awaiting_confirmation']);
    const paidOut = sum(['paid']);
    return { pendingFen: pending, availableFen: matured - inTransit - paidOut, inTransitFen: inTransit, paidOutFen: paidOut };
  }

  request(koc: string, shop: string, fen: number, day: string): string {
    if (this.withdrawals.some((w) => w.koc === koc && w.shop === shop && ['requested', 'awaiting_confirmation'].includes(w.status))) return 'REQUEST_OPEN';
    if (fen > this.balance(koc, shop).availableFen) return 'INSUFFICIENT';
    const today = this.withdrawals.filter((w) => w.koc === koc && w.day === day && !['rejected', 'failed', 'expired'].includes(w.status));
    if (today.reduce((s, w) => s + w.fen, 0) + fen > 200_000) return 'DAILY_CAP';
    return 'ok';
  }
}

const campusDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

async function run(steps: Step[]) {
  const f: CommissionFixture = await commissionFixture();
  const tiers = (bp: number) => [
    { tier: 'primary', rateBp: bp, minRevenueFen: 0, minOrders: 0 },
    { tier: 'intermediate', rateBp: 2000, minRevenueFen: 10_000_000, minOrders: 1000 },
    { tier: 'advanced', rateBp: 2500, minRevenueFen: 50_000_000, minOrders: 5000 },
  ];
  await f.call('commission', SHOPS.b.boss, { action: 'setProgram', defaultRateBp: 1500, holdDays: 7, selfPurchaseRebates: false, tiers: tiers(1500) });
  const m = new Model();
  let requests = 0;
  for (const s of steps) {
    if (s.k === 'buy') {
      const koc = KOCS[s.koc];
      const shop = SHOP_IDS[s.shop];
      const id = await f.sale({ koc, shop, amountFen: s.fen });
      m.orders.push({ id, koc, shop, fen: s.fen, refunded: 0, completedAt: null });
    } else if (s.k === 'complete' && m.orders.length) {
      const o = m.orders[s.i % m.orders.length];
      if (o.completedAt === null && o.refunded < o.fen) {
        await f.complete(o.id);
        o.completedAt = f.clock.now();
      }
    } else if (s.k === 'refund' && m.orders.length) {
      const o = m.orders[s.i % m.orders.length];
      const fen = Math.min(s.fen, o.fen - o.refunded);
      if (fen > 0) {
        await f.refund(o.id, fen);
        o.refunded += fen;
      }
    } else if (s.k === 'wait') f.clock.advance(s.days * DAY);
    else if (s.k === 'settle') {
      await f.settle();
      m.settle(f.clock.now());
    } else if (s.k === 'withdraw') {
      const [koc, shop] = [KOCS[s.koc], SHOP_IDS[s.shop]];
      const expected = m.request(koc, shop, s.fen, campusDay(f.clock.now()));
      const r = await f.request(koc, s.fen, `model-request-${requests++}`, shop);
      expect(r.ok ? 'ok' : r.code).toBe(expected);
      if (r.ok) m.withdrawals.push({ id: r.data.withdrawalId, koc, shop, fen: s.fen, day: campusDay(f.clock.now()), status: 'requested', approvedAt: 0 });
    } else if (m.withdrawals.length) {
      const w = m.withdrawals[s.i % m.withdrawals.length];
      if (s.k === 'approve') {
        if (s.failTransfer) f.cloud.payout.failNextTransfers(1);
        const r = await f.approve(w.id, w.shop);
        f.cloud.payout.failNextTransfers(0);
        if (w.status === 'requested') {
          const enough = w.fen <= m.balance(w.koc, w.shop).availableFen;
          expect(r.ok ? r.data.status : r.code).toBe(!enough ? 'INSUFFICIENT' : s.failTransfer ? 'failed' : 'awaiting_confirmation');
          if (enough) w.status = s.failTransfer ? 'failed' : 'awaiting_confirmation';
          w.approvedAt = f.clock.now();
        }
      } else if (s.k === 'reject') {
        const r = await f.reject(w.id, w.shop);
        expect(r.ok).toBe(w.status === 'requested');
        if (w.status === 'requested') w.status = 'rejected';
      } else if (s.k === 'confirm') {
        const r = await f.confirm(w.koc, w.id);
        expect(r.ok).toBe(w.status === 'awaiting_confirmation' || w.status === 'paid');
        if (w.status === 'awaiting_confirmation') w.status = 'paid';
      }
    }
    for (const koc of KOCS) {
      // What the KOC sees: totals across shops and each shop's available balance.
      const got = await f.summary(koc);
      const want = SHOP_IDS.map((shop) => m.balance(koc, shop));
      const total = (k: keyof ReturnType<Model['balance']>) => want.reduce((x, b) => x + b[k], 0);
      expect({ koc, pendingFen: got.pendingFen, availableFen: got.availableFen, inTransitFen: got.inTransitFen, paidOutFen: got.paidOutFen }).toEqual({
        koc,
        pendingFen: total('pendingFen'),
        availableFen: total('availableFen'),
        inTransitFen: total('inTransitFen'),
        paidOutFen: total('paidOutFen'),
      });
      for (const [i, shop] of SHOP_IDS.entries())
        expect({ koc, shop, available: got.programs.find((p) => p.merchantId === shop)?.availableFen ?? 0 }).toEqual({
          koc,
          shop,
          available: want[i].availableFen,
        });
    }
  }
  await f.settleUntilQuiet();
  m.settle(f.clock.now());
  expect(await moneyViolations(f, { settled: true })).toEqual([]);
  return f;
}

it('balances and answers match the reference model after every step, and the invariants hold at the end', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 24 }), async (steps) => void (await run(steps))),
    { numRuns: Number(process.env.LEDGER_RUNS ?? 100) },
  );
}, 600_000);

it('a hand-checked sequence: ¥59.90 at 15% is ¥8.98; a ¥10 refund leaves 15% of ¥49.90 = ¥7.48, below the ¥10 minimum; a second sale of ¥20 adds ¥3.00', async () => {
  const f = await run([
    { k: 'buy', koc: 0, shop: 1, fen: 5990 },
    { k: 'settle' },
    { k: 'complete', i: 0 },
    { k: 'refund', i: 0, fen: 1000 },
    { k: 'wait', days: 8 },
    { k: 'settle' },
    { k: 'withdraw', koc: 0, shop: 1, fen: 1000 },
  ]);
  expect(await f.summary(KOCS[0])).toMatchObject({ pendingFen: 0, availableFen: 748, earnedFen: 898, clawedBackFen: 150 });
  await f.sale({ koc: KOCS[0], shop: SHOPS.b.id, amountFen: 2000 });
  await f.settle();
  expect(await f.summary(KOCS[0])).toMatchObject({ pendingFen: 300, availableFen: 748, earnedFen: 1198 });
});

it('a hand-checked sequence: a refund after maturity comes out of available, not pending (¥100 at 10%, half refunded: ¥5.00 left)', async () => {
  const f = await run([
    { k: 'buy', koc: 1, shop: 0, fen: 10_000 },
    { k: 'settle' },
    { k: 'complete', i: 0 },
    { k: 'wait', days: 8 },
    { k: 'settle' },
    { k: 'refund', i: 0, fen: 5000 },
    { k: 'settle' },
  ]);
  expect(await f.summary(KOCS[1])).toMatchObject({ pendingFen: 0, availableFen: 500, earnedFen: 1000, clawedBackFen: 500 });
});
