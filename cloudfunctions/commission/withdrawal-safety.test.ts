// Withdrawals that survive a crash, a failed write and a changed balance: the hold goes with the
// approval, the daily cap and the balance are taken, not just looked at. Own fixtures, and the
// expected amounts are worked out by hand in the comments.
import { commissionFixture, DAY, SHOPS } from './fixtures';
import { moneyViolations } from './invariants';

const KOC = 'koc-1';
const paidOut = (f: Awaited<ReturnType<typeof commissionFixture>>) => [...f.cloud.payout.bills.values()].reduce((s, v) => s + v, 0);

/** Confirms every transfer waiting for the KOC, as the KOC tapping 确认收款 would. */
async function confirmAll(f: Awaited<ReturnType<typeof commissionFixture>>) {
  for (const w of await f.all<{ _id: string; koc: string; status: string }>('withdrawals'))
    if (w.status === 'awaiting_confirmation') await f.confirm(w.koc, w._id);
}

describe('approval is intent first', () => {
  it('an approval that dies right after its first write never pays the KOC twice (earned ¥50, paid at most ¥50)', async () => {
    const f = await commissionFixture();
    await f.earn(KOC, 5000);
    const first = await f.request(KOC, 5000, 'first-request-1');
    if (!first.ok) throw new Error(first.message);
    f.crashAfterWrites(1);
    await expect(f.approve(first.data.withdrawalId)).rejects.toBeTruthy();
    await f.restart();
    await f.settleUntilQuiet(); // the sweep finishes what the approval started
    await confirmAll(f);
    // The KOC asks for the same money again; whatever the answer, nothing more may be paid.
    const again = await f.request(KOC, 5000, 'second-request-1');
    if (again.ok) {
      await f.approve(again.data.withdrawalId);
      await confirmAll(f);
    }
    await f.settleUntilQuiet();
    expect(paidOut(f)).toBe(5000);
    expect(await moneyViolations(f, { settled: true })).toEqual([]);
    expect(await f.summary(KOC)).toMatchObject({ availableFen: 0, paidOutFen: 5000 });
  });

  it('a write that fails once during approval leaves no transfer without its hold', async () => {
    const f = await commissionFixture();
    await f.earn(KOC, 5000);
    const w = await f.request(KOC, 5000, 'failing-write-1');
    if (!w.ok) throw new Error(w.message);
    f.cloud.engine.faults.arm({ failWrite: 2 });
    await f.approve(w.data.withdrawalId);
    f.cloud.engine.faults.arm({});
    await f.settleUntilQuiet();
    await confirmAll(f);
    const again = await f.request(KOC, 5000, 'failing-write-2');
    if (again.ok) {
      await f.approve(again.data.withdrawalId);
      await confirmAll(f);
    }
    expect(paidOut(f)).toBeLessThanOrEqual(5000);
    expect(await moneyViolations(f, { settled: true })).toEqual([]);
  });

  it('approving the same withdrawal twice sets the money aside once', async () => {
    const f = await commissionFixture();
    await f.earn(KOC, 3000);
    const w = await f.request(KOC, 2000, 'twice-approved-1');
    if (!w.ok) throw new Error(w.message);
    expect(await f.approve(w.data.withdrawalId)).toMatchObject({ ok: true, data: { status: 'awaiting_confirmation' } });
    expect(await f.approve(w.data.withdrawalId)).toMatchObject({ ok: true, data: { status: 'awaiting_confirmation' } });
    // ¥30 earned, ¥20 on its way: ¥10 left.
    expect(await f.summary(KOC)).toMatchObject({ availableFen: 1000, inTransitFen: 2000 });
    expect(await moneyViolations(f)).toEqual([]);
  });
});

describe('balances and limits are checked where they are taken', () => {
  it('approval re-checks the balance: a clawback after the request makes it INSUFFICIENT and holds nothing', async () => {
    const f = await commissionFixture();
    const order = await f.earn(KOC, 1500); // an order of ¥150 at 10%: ¥15.00 available
    const w = await f.request(KOC, 1500, 'recheck-request-1');
    if (!w.ok) throw new Error(w.message);
    await f.refund(order, 6000); // ¥60 of ¥150 back: the commission is worth 10% of ¥90 = ¥9.00
    await f.settle();
    expect(await f.summary(KOC)).toMatchObject({ availableFen: 900, clawedBackFen: 600 });
    expect(await f.approve(w.data.withdrawalId)).toMatchObject({ ok: false, code: 'INSUFFICIENT' });
    expect(paidOut(f)).toBe(0);
    expect(await f.summary(KOC)).toMatchObject({ availableFen: 900, inTransitFen: 0 });
    // The merchant rejects it; the KOC may then ask for what is there.
    expect(await f.reject(w.data.withdrawalId)).toMatchObject({ ok: true, data: { status: 'rejected' } });
    expect(await f.request(KOC, 1000, 'recheck-request-2')).toMatchObject({ ok: false, code: 'INSUFFICIENT' });
    expect(await f.request(KOC, 900, 'recheck-request-3')).toMatchObject({ ok: false, code: 'BELOW_MINIMUM' });
  });

  it('the daily cap of ¥2,000 counts every shop; a rejected request gives its share back; the next campus day starts at zero', async () => {
    const f = await commissionFixture();
    await f.earn(KOC, 150_000, SHOPS.a.id);
    await f.earn(KOC, 150_000, SHOPS.b.id);
    await f.earn(KOC, 150_000, SHOPS.c.id);
    const a = await f.request(KOC, 150_000, 'cap-shop-a-1', SHOPS.a.id);
    if (!a.ok) throw new Error(a.message);
    // ¥1,500 + ¥600 = ¥2,100 > ¥2,000.
    expect(await f.request(KOC, 60_000, 'cap-shop-b-1', SHOPS.b.id)).toMatchObject({ ok: false, code: 'DAILY_CAP' });
    // ¥1,500 + ¥500 = ¥2,000: exactly the cap is allowed.
    const b = await f.request(KOC, 50_000, 'cap-shop-b-2', SHOPS.b.id);
    expect(b).toMatchObject({ ok: true });
    expect(await f.request(KOC, 1000, 'cap-shop-c-1', SHOPS.c.id)).toMatchObject({ ok: false, code: 'DAILY_CAP' });
    // Rejecting shop a's ¥1,500 frees it for today.
    await f.reject(a.data.withdrawalId, SHOPS.a.id);
    expect(await f.request(KOC, 150_000, 'cap-shop-c-2', SHOPS.c.id)).toMatchObject({ ok: true });
    expect(await f.request(KOC, 1000, 'cap-shop-a-2', SHOPS.a.id)).toMatchObject({ ok: false, code: 'DAILY_CAP' });
    f.clock.advance(DAY); // tomorrow
    expect(await f.request(KOC, 1000, 'cap-shop-a-3', SHOPS.a.id)).toMatchObject({ ok: true });
    expect(await moneyViolations(f)).toEqual([]);
  });

  it('one open request per KOC and shop: a second one is refused with a reason until the first ends', async () => {
    const f = await commissionFixture();
    await f.earn(KOC, 5000);
    const first = await f.request(KOC, 2000, 'open-request-1');
    if (!first.ok) throw new Error(first.message);
    expect(await f.request(KOC, 2000, 'open-request-2')).toMatchObject({ ok: false, code: 'REQUEST_OPEN', message: expect.stringContaining('处理中') });
    // The same request again (a retry) answers as the first time.
    expect(await f.request(KOC, 2000, 'open-request-1')).toMatchObject({ ok: true, data: { withdrawalId: first.data.withdrawalId } });
    expect((await f.summary(KOC)).programs[0]).toMatchObject({ merchantId: SHOPS.a.id, openWithdrawal: true });
    await f.approve(first.data.withdrawalId);
    await f.confirm(KOC, first.data.withdrawalId);
    expect((await f.summary(KOC)).programs[0]).toMatchObject({ openWithdrawal: false, availableFen: 3000 });
    expect(await f.request(KOC, 2000, 'open-request-3')).toMatchObject({ ok: true });
  });
});
