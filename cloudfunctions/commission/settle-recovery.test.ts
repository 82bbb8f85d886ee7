// The commission timer after crashes, lost events and awkward event timing, and the rules a test
// could not catch before (self-purchase, floor not round). Amounts are worked out by hand.

import { EVENT_OVERLAP_MS } from '../../server/commission/settle';
import { commissionFixture, DAY, SHOPS } from './fixtures';
import { moneyViolations } from './invariants';

const KOC = 'koc-1';
const TIERS_AT = (primaryBp: number) => [
  { tier: 'primary', rateBp: primaryBp, minRevenueFen: 0, minOrders: 0 },
  { tier: 'intermediate', rateBp: 2000, minRevenueFen: 1_000_000, minOrders: 100 },
  { tier: 'advanced', rateBp: 2500, minRevenueFen: 5_000_000, minOrders: 500 },
];

describe('crash windows', () => {
  it('a clawback that dies before its commission is updated is not taken again: ¥250 order, refunds of ¥50.80 then the rest claw back ¥25.00 in all', async () => {
    const f = await commissionFixture();
    const order = await f.sale({ koc: KOC, amountFen: 25_000 }); // 10%: ¥25.00
    await f.settle();
    await f.refund(order, 5080); // 10% of ¥199.20 = ¥19.92 left: ¥5.08 back
    f.crashAfterWrites(1);
    await expect(f.settle()).rejects.toBeTruthy();
    await f.restart();
    await f.settleUntilQuiet();
    expect(await f.summary(KOC)).toMatchObject({ pendingFen: 1992, clawedBackFen: 508 });
    await f.refund(order, 19_920); // everything refunded: nothing left
    await f.settleUntilQuiet();
    expect(await f.summary(KOC)).toMatchObject({ pendingFen: 0, availableFen: 0, earnedFen: 2500, clawedBackFen: 2500 });
    expect(await moneyViolations(f, { settled: true })).toEqual([]);
  });

  it('a completed order whose order_completed event was lost still starts its after-sales window and matures', async () => {
    const f = await commissionFixture();
    const order = await f.sale({ koc: KOC, amountFen: 3000 }); // ¥3.00
    await f.settle();
    await f.complete(order, false); // the order moved, its event never written
    await f.settleUntilQuiet();
    expect(await moneyViolations(f, { settled: true })).toEqual([]);
    f.clock.advance(7 * DAY + 1000);
    await f.settleUntilQuiet();
    expect(await f.summary(KOC)).toMatchObject({ pendingFen: 0, availableFen: 300 });
  });

  it('events out of order (a refund read before its payment) still leave the commission at its worth', async () => {
    const f = await commissionFixture();
    const order = await f.sale({ koc: KOC, amountFen: 10_000, eventAtMs: f.clock.now() + 5 }); // its event stamped later
    await f.refund(order, 4000); // 10% of ¥60 = ¥6.00 left
    await f.settleUntilQuiet();
    expect(await f.summary(KOC)).toMatchObject({ pendingFen: 600, earnedFen: 1000, clawedBackFen: 400 });
    expect(await moneyViolations(f, { settled: true })).toEqual([]);
  });
});

describe('the event cursor', () => {
  it('150 order events in the same millisecond are all read, though a page holds 100', async () => {
    const f = await commissionFixture();
    for (let i = 0; i < 150; i++) await f.sale({ koc: KOC, amountFen: 1000 }); // ¥1.00 each
    await f.settleUntilQuiet();
    expect(await f.summary(KOC)).toMatchObject({ pendingFen: 15_000, earnedFen: 15_000 });
  });

  it('an event written a little late, stamped before the cursor, is still read', async () => {
    const f = await commissionFixture();
    const start = f.clock.now();
    await f.sale({ koc: KOC, amountFen: 1000 });
    f.clock.advance(1000);
    await f.sale({ koc: KOC, amountFen: 2000 });
    await f.settle();
    expect((await f.summary(KOC)).pendingFen).toBe(300);
    // A payment whose event was stamped half a second ago reaches the database only now.
    await f.sale({ koc: KOC, amountFen: 4000, eventAtMs: start + 500 });
    await f.settleUntilQuiet();
    expect((await f.summary(KOC)).pendingFen).toBe(700);
    // Settling again posts nothing twice.
    const before = f.fingerprint();
    await f.settle();
    expect(f.fingerprint()).toBe(before);
  });
});

describe('commission rules', () => {
  it("a KOC's own purchase earns nothing unless the shop turned self-purchase rebates on", async () => {
    const f = await commissionFixture();
    await f.sale({ koc: KOC, buyer: KOC, amountFen: 5000 });
    await f.settleUntilQuiet();
    expect(await f.all('commissions')).toEqual([]);
    // A program change applies to payments settled after it: once a run is past the timer's
    // re-read window, the earlier purchase is decided for good.
    f.clock.advance(EVENT_OVERLAP_MS + 1000);
    await f.settle();
    const set = await f.call('commission', SHOPS.a.boss, {
      action: 'setProgram',
      defaultRateBp: 1000,
      holdDays: 7,
      selfPurchaseRebates: true,
      tiers: TIERS_AT(1000),
    });
    expect(set).toMatchObject({ ok: true });
    await f.sale({ koc: KOC, buyer: KOC, amountFen: 5000 });
    await f.settleUntilQuiet();
    expect(await f.summary(KOC)).toMatchObject({ pendingFen: 500 });
  });

  it('commission is floored to the fen, never rounded: ¥19.99 at 10% is ¥1.99; ¥59.90 at 15% is ¥8.98; a refund of ¥10 leaves 10% of ¥9.99 = ¥0.99', async () => {
    const f = await commissionFixture();
    const a = await f.sale({ koc: KOC, amountFen: 1999 });
    await f.settleUntilQuiet();
    expect((await f.summary(KOC)).pendingFen).toBe(199);
    await f.call('commission', SHOPS.b.boss, { action: 'setProgram', defaultRateBp: 1000, holdDays: 7, selfPurchaseRebates: false, tiers: TIERS_AT(1500) });
    await f.sale({ koc: KOC, amountFen: 5990, shop: SHOPS.b.id });
    await f.settleUntilQuiet();
    expect((await f.summary(KOC)).pendingFen).toBe(199 + 898);
    await f.refund(a, 1000);
    await f.settleUntilQuiet();
    expect(await f.summary(KOC)).toMatchObject({ pendingFen: 99 + 898, clawedBackFen: 100 });
  });

  it("the after-sales window is the shop's hold days from completion: one second early nothing, on time everything", async () => {
    const f = await commissionFixture();
    await f.call('commission', SHOPS.a.boss, { action: 'setProgram', defaultRateBp: 1000, holdDays: 3, selfPurchaseRebates: false, tiers: TIERS_AT(1000) });
    const order = await f.sale({ koc: KOC, amountFen: 8000 });
    await f.settle();
    await f.complete(order);
    f.clock.advance(3 * DAY - 1000);
    await f.settleUntilQuiet();
    expect(await f.summary(KOC)).toMatchObject({ pendingFen: 800, availableFen: 0 });
    f.clock.advance(1000);
    await f.settleUntilQuiet();
    expect(await f.summary(KOC)).toMatchObject({ pendingFen: 0, availableFen: 800 });
  });
});
