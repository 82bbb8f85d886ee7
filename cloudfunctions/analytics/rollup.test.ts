// The figures the counters give, checked against values worked out by hand: across campus
// midnights (UTC+8), at the edges of the 30- and 90-day windows, before the rollup has run,
// after it, and with events on both sides of its cursor. Then the rollup's own rules: a second
// run changes nothing, two runs at once count once, and a late event is counted once.
import type { ShareCode } from '../../core/contracts/share';
import { EMPTY_BALANCE } from '../../core/ledger';
import { shareFunnel } from '../../server/analytics/funnel';
import { runRollup } from '../../server/analytics/rollup';
import { resultsOf } from '../../server/commission/tiers';
import type { Ctx } from '../../server/context';
import { KOC, SHOP, STUDENTS } from '../groupbuy/fixture';
import { analyticsWorld, campus, cardEvent, mixedHistory, oracleCounters, oracleFigures, orderEvent, SETTLE } from './fixture';

const [S1, S2, S3, S4] = STUDENTS;
const before = (d: Date) => new Date(d.getTime() - 1);

async function setup() {
  const w = await analyticsWorld();
  const card = async (channel: string) => {
    const r = await w.call<ShareCode>('share', KOC, { action: 'create', targetType: 'product', targetId: 'fx-product', channel });
    if (!r.ok) throw new Error(r.message);
    return r.data.code;
  };
  // commission.summary lists the programs the KOC has a balance with.
  await w.cloud.db.collection('koc_balances').add({
    data: { _id: `${SHOP}:${KOC}`, koc: KOC, merchantId: SHOP, ...EMPTY_BALANCE, openWithdrawal: null, updatedAt: new Date(w.clock.now()) },
  });
  const progress = async () => (await w.summary()).programs.find((p) => p.merchantId === SHOP)?.next;
  return { ...w, card, progress };
}

describe('analytics counters give the hand-computed figures', () => {
  it('across campus midnights and window edges, before and after the rollup, on both sides of its cursor', async () => {
    const w = await setup(); // now: 2026-11-22 10:00 campus
    const C = await w.card('chat'); // share_created, chat, today 10:00
    const M = await w.card('moments'); // share_created, moments, today 10:00
    w.insertEvents([
      cardEvent('open', before(campus('2026-10-24 00:00')), { code: C, openid: S1 }), // 1 ms before the 30-day window
      cardEvent('open', campus('2026-10-24 00:00'), { code: C, openid: S1 }), // its first millisecond
      cardEvent('bind', campus('2026-10-24 00:00'), { code: C, openid: S1, newCustomer: false }),
      cardEvent('open', before(campus('2026-11-22 00:00')), { code: C, openid: S2 }), // yesterday's last millisecond
      cardEvent('open', campus('2026-11-22 00:00'), { code: C, openid: S2, channel: 'group' }), // today's first
      cardEvent('bind', campus('2026-11-22 00:00'), { code: C, openid: S2, channel: 'group', newCustomer: true }),
      cardEvent('open', campus('2026-11-22 09:00'), { code: M, openid: S3, channel: 'moments' }),
      cardEvent('bind', campus('2026-11-22 09:00'), { code: M, openid: S3, channel: 'moments', newCustomer: true }),
      orderEvent('order_paid', campus('2026-08-25 00:00'), { amountFen: 5000, code: C, sharer: KOC }), // first ms of the 90-day window
      orderEvent('order_paid', before(campus('2026-08-25 00:00')), { amountFen: 7000, code: C, sharer: KOC }), // 1 ms before it
      orderEvent('refund_succeeded', campus('2026-11-21 12:00'), { amountFen: 5000, refundFen: 1000, code: C, sharer: KOC }),
      orderEvent('order_paid', campus('2026-11-22 09:30'), { amountFen: 3000, code: M, sharer: KOC }),
      orderEvent('order_paid', campus('2026-11-22 09:40'), { amountFen: 990 }), // no card: in no figure
      { _id: 'failed-1', type: 'open_failed', at: campus('2026-11-22 09:50'), openid: S4, code: 'zzzzzzzzzz', scene: 1007, reason: 'unknown' },
    ]);
    const zero = { created: 0, opens: 0, binds: 0 };
    const month = {
      chat: { created: 1, opens: 2, binds: 0 },
      group: { created: 0, opens: 1, binds: 1 },
      moments: { created: 1, opens: 1, binds: 1 },
      poster: zero,
    };
    const today = {
      chat: { created: 1, opens: 0, binds: 0 },
      group: { created: 0, opens: 1, binds: 1 },
      moments: { created: 1, opens: 1, binds: 1 },
      poster: zero,
    };
    const twoDays = { ...today, chat: { created: 1, opens: 1, binds: 0 } };
    const cards = {
      [C]: { opens: 4, uniqueVisitors: 2, newCustomers: 1, orders: 2, revenueFen: 11_000 },
      [M]: { opens: 1, uniqueVisitors: 1, newCustomers: 1, orders: 1, revenueFen: 3000 },
    };
    // 90 days: 5000 - 1000 + 3000 over 2 orders; intermediate needs 100,000 fen and 10 orders.
    const next = { tier: 'intermediate', revenueFenLeft: 93_000, ordersLeft: 8 };
    const check = async () => {
      expect(await w.funnel(30)).toEqual(month);
      expect(await w.funnel(1)).toEqual(today);
      expect(await w.funnel(2)).toEqual(twoDays);
      expect(await w.stats()).toEqual(cards);
      expect(await w.progress()).toEqual(next);
      // The same window read per KOC (one counter document per KOC and day, for all its shops).
      const direct = { db: w.cloud.db, now: w.clock.now } as unknown as Ctx;
      expect(await resultsOf(direct, KOC, w.clock.now())).toEqual(
        new Map([[SHOP, { revenueFen: 100_000 - next.revenueFenLeft, orders: 10 - next.ordersLeft }]]),
      );
    };
    await check(); // nothing rolled up: all from the tail

    w.clock.advance(campus('2026-11-22 12:00').getTime() - w.clock.now());
    await w.rollupUntilQuiet();
    const state = await w.all<{ at: Date; plan?: unknown }>('analytics_state');
    expect(state).toMatchObject([{ at: new Date(T0) }]); // the cursor passed the cards made at 10:00
    expect(state[0].plan).toBeUndefined();
    // Yesterday's last millisecond and today's first are in different day documents.
    const days = await w.all<{ _id: string; funnel: unknown }>('analytics_days');
    expect(days.find((d) => d._id === `${SHOP}:2026-11-21`)?.funnel).toEqual({ chat: { opens: 1 } });
    expect(days.find((d) => d._id === `${SHOP}:2026-11-22`)?.funnel).toEqual({
      chat: { created: 1 },
      group: { opens: 1, binds: 1 },
      moments: { created: 1, opens: 1, binds: 1 },
    });
    await check(); // all from the counters

    // Events after the cursor, inside the settle margin: counted from the tail, with the
    // counters' visitors (S1 opened C before: not a new visitor; S4 is).
    w.insertEvents([
      cardEvent('open', campus('2026-11-22 11:59'), { code: C, openid: S4 }),
      cardEvent('open', campus('2026-11-22 11:59'), { code: C, openid: S1 }),
      orderEvent('order_paid', campus('2026-11-22 11:59'), { amountFen: 2000, code: C, sharer: KOC }),
    ]);
    month.chat.opens = 4;
    today.chat.opens = 2;
    twoDays.chat.opens = 3;
    cards[C] = { opens: 6, uniqueVisitors: 3, newCustomers: 1, orders: 3, revenueFen: 13_000 };
    next.revenueFenLeft = 91_000;
    next.ordersLeft = 7;
    expect(await w.rollup()).toMatchObject({ ok: true, data: { events: 0 } }); // not settled yet
    await check();
    w.clock.advance(SETTLE + 60_000);
    await w.rollupUntilQuiet();
    expect((await w.all<{ at: Date }>('analytics_state'))[0].at).toEqual(campus('2026-11-22 11:59'));
    await check();

    // Past midnight, "today" is the new day: yesterday's counters leave the 1-day window.
    w.clock.advance(campus('2026-11-23 00:00').getTime() + 30_000 - w.clock.now());
    expect(await w.funnel(1)).toEqual({ chat: zero, group: zero, moments: zero, poster: zero });
    expect((await w.funnel(2)).chat).toEqual({ created: 1, opens: 2, binds: 0 });
  });

  it('the tier job places a KOC by the orders in its 90-day window, counted or not yet', async () => {
    const w = await setup();
    // Nine orders of 12,000 fen in the window's first millisecond, one the millisecond before.
    const start = campus('2026-08-25 00:00');
    const orders = Array.from({ length: 9 }, () => orderEvent('order_paid', start, { amountFen: 12_000, code: 'c', sharer: KOC }));
    w.insertEvents([...orders, orderEvent('order_paid', before(start), { amountFen: 12_000, code: 'c', sharer: KOC })]);
    await w.rollupUntilQuiet();
    expect(await w.progress()).toEqual({ tier: 'intermediate', revenueFenLeft: 0, ordersLeft: 1 });
    // The tenth, just paid: in the tail, not in the counters yet.
    w.insertEvents([orderEvent('order_paid', new Date(w.clock.now()), { amountFen: 500, code: 'c', sharer: KOC })]);
    await w.settleCommission(); // the first settle of the month runs the tier job
    const tiers = await w.all<{ koc: string; tier: string }>('koc_tiers');
    expect(tiers).toMatchObject([{ koc: KOC, tier: 'intermediate' }]);
  });
});

const T0 = Date.parse('2026-11-22T02:00:00Z');

describe('the rollup counts every event exactly once', () => {
  const history = (from: number) => mixedHistory(400, new Date(from - 3 * 86_400_000), 3 * 86_400_000 - SETTLE, ['cA', 'cB', 'cC']);

  it('a second run changes nothing, and the counters equal the brute-force oracle', async () => {
    const w = await setup();
    const events = history(w.clock.now());
    w.insertEvents(events);
    await w.rollupUntilQuiet();
    expect(await w.counters()).toEqual(oracleCounters(events));
    const fp = w.fingerprint();
    await w.rollup();
    await w.rollup();
    expect(w.fingerprint()).toBe(fp);
  });

  it('two runs at once, with database latency, count each event once', async () => {
    const w = await setup();
    const events = history(w.clock.now());
    w.insertEvents(events);
    w.cloud.engine.faults.latencyMs = [0, 3];
    await Promise.all([w.rollup(), w.rollup(), w.rollup()]);
    w.cloud.engine.faults.latencyMs = undefined;
    await w.rollupUntilQuiet();
    expect(await w.counters()).toEqual(oracleCounters(events));
  });

  it('two instances whose clocks differ (their pages end in different places) count each event once', async () => {
    const w = await setup();
    // The rollup as two function instances run it, one with a clock a minute ahead.
    const instance = (aheadMs: number) =>
      ({ db: w.cloud.db, now: () => w.clock.now() + aheadMs, timeLeft: () => 50_000, source: 'wx_trigger' }) as unknown as Ctx;
    const events = [];
    w.cloud.engine.faults.latencyMs = [0, 4];
    for (let round = 0; round < 8; round++) {
      // 300 events from three to one minute ago: half are settled for one instance, all for the
      // other, so they disagree on where the second page ends. The next round's events come
      // after anything either could have passed.
      const now = w.clock.now();
      const more = mixedHistory(300, new Date(now - 3 * 60_000), 2 * 60_000, ['cA', 'cB', 'cC'], round + 1);
      w.insertEvents(more);
      events.push(...more);
      await Promise.all([runRollup(instance(0)), runRollup(instance(60_000)), runRollup(instance(0))]);
      w.clock.advance(3 * 60_000);
    }
    w.cloud.engine.faults.latencyMs = undefined;
    w.clock.advance(SETTLE);
    await w.rollupUntilQuiet();
    expect(await w.counters()).toEqual(oracleCounters(events));
  });

  it('a reader that reads the cursor just before pages land reads again, and counts each event once', async () => {
    const w = await setup();
    const events = history(w.clock.now());
    w.insertEvents(events);
    const timer = { db: w.cloud.db, now: w.clock.now, timeLeft: () => 50_000 } as unknown as Ctx;
    // A database whose first read of the rollup's cursor lets the whole rollup run before answering.
    let landed = false;
    const db = new Proxy(w.cloud.db, {
      get(target, prop) {
        if (prop !== 'collection') return Reflect.get(target, prop);
        return (name: string) => {
          const real = target.collection(name);
          if (name !== 'analytics_state') return real;
          return {
            doc: (id: string) => ({
              get: async () => {
                const answer = await real
                  .doc(id)
                  .get()
                  .catch((e: unknown) => e);
                if (!landed) {
                  landed = true;
                  await runRollup(timer);
                }
                if (answer instanceof Error) throw answer;
                return answer;
              },
            }),
          };
        };
      },
    });
    const reader = { db, now: w.clock.now } as unknown as Ctx;
    const expected = oracleFigures(events, w.clock.now(), []);
    expect(await shareFunnel(reader, SHOP, 30)).toEqual(Object.entries(expected.funnel).map(([channel, f]) => ({ channel, ...f })));
    expect(landed).toBe(true);
    expect(await w.counters()).toEqual(oracleCounters(events)); // the pages did land
  });

  it('figures stay exact while the rollup writes (readers take one cut of counters and events)', async () => {
    const w = await analyticsWorld();
    await w.ownCards(['cA', 'cB', 'cC']);
    const events = mixedHistory(2000, new Date(w.clock.now() - 3 * 86_400_000), 3 * 86_400_000 - SETTLE, ['cA', 'cB', 'cC']);
    w.insertEvents(events);
    const expected = oracleFigures(events, w.clock.now(), ['cA', 'cB', 'cC']);
    // Latency on every operation interleaves the readers' reads with the rollup's writes.
    w.cloud.engine.faults.latencyMs = [0, 2];
    let running = true;
    const run = w.rollup().finally(() => {
      running = false;
    });
    const seen: unknown[] = [];
    const reader = async () => {
      while (running) seen.push(await w.figures());
    };
    await Promise.all([reader(), reader(), reader(), run]);
    w.cloud.engine.faults.latencyMs = undefined;
    expect(seen.length).toBeGreaterThan(20);
    for (const f of seen) expect(f).toEqual(expected);
  });

  it('a late event (stamped before one already visible, inside the margin) is counted once', async () => {
    const w = await setup();
    const now = w.clock.now();
    const settled = cardEvent('open', new Date(now - SETTLE - 60_000), { code: 'cA', openid: S1 });
    const young = cardEvent('open', new Date(now - 10_000), { code: 'cA', openid: S2 });
    w.insertEvents([settled, young]);
    await w.rollup(); // counts the settled event; the young one is left to the tail
    expect((await w.funnel()).chat.opens).toBe(2);
    // A transaction commits late: its event is stamped 20 s ago, 10 s before one already visible.
    const late = cardEvent('open', new Date(now - 20_000), { code: 'cA', openid: S3 });
    w.insertEvents([late]);
    expect((await w.funnel()).chat.opens).toBe(3);
    w.clock.advance(SETTLE);
    await w.rollupUntilQuiet();
    expect((await w.funnel()).chat.opens).toBe(3);
    expect(await w.counters()).toEqual(oracleCounters([settled, young, late]));
  });
});
