// Concurrent requests and approvals against one balance, with every database operation delayed
// 0-3 ms so they interleave as they do against WeChat's database. A seeded random source makes
// a failure replay.
import { commissionFixture, SHOPS } from './fixtures';
import { moneyViolations } from './invariants';

const KOC = 'koc-race';

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const paidOut = (f: Awaited<ReturnType<typeof commissionFixture>>) => [...f.cloud.payout.bills.values()].reduce((s, v) => s + v, 0);

describe.each([1, 2, 3])('with latency (seed %i)', (seed) => {
  it('ten requests of ¥100 against ¥100 earned, then ten approvals, all at once: at most ¥100 leaves', async () => {
    const f = await commissionFixture({ latencyMs: [0, 3], random: seeded(seed) });
    await f.earn(KOC, 10_000);
    const asks = await Promise.all(Array.from({ length: 10 }, (_, i) => f.request(KOC, 10_000, `race-request-${seed}-${i}`)));
    const ids = asks.flatMap((a) => (a.ok ? [a.data.withdrawalId] : []));
    expect(ids.length).toBeGreaterThanOrEqual(1);
    const answers = await Promise.all(ids.flatMap((id) => Array.from({ length: 10 / ids.length + 1 }, () => f.approve(id).catch((e) => e))));
    expect(answers.some((a) => a.ok)).toBe(true);
    for (const w of await f.all<{ _id: string; status: string }>('withdrawals')) if (w.status === 'awaiting_confirmation') await f.confirm(KOC, w._id);
    await f.settleUntilQuiet();
    expect(paidOut(f)).toBeLessThanOrEqual(10_000);
    expect(await moneyViolations(f, { settled: true })).toEqual([]);
  });

  it('requests of ¥1,500 at three shops at once: the ¥2,000 daily cap lets one through', async () => {
    const f = await commissionFixture({ latencyMs: [0, 3], random: seeded(seed) });
    for (const s of Object.values(SHOPS)) await f.earn(KOC, 150_000, s.id);
    const asks = await Promise.all(Object.values(SHOPS).map((s) => f.request(KOC, 150_000, `cap-race-${seed}-${s.id}`, s.id)));
    expect(asks.filter((a) => a.ok)).toHaveLength(1);
    expect(asks.filter((a) => !a.ok && a.code === 'DAILY_CAP')).toHaveLength(2);
    expect(await moneyViolations(f)).toEqual([]);
  });

  it('a clawback racing an approval: the balance never pays out more than the commission is worth', async () => {
    const f = await commissionFixture({ latencyMs: [0, 3], random: seeded(seed) });
    const order = await f.earn(KOC, 2000); // ¥200 at 10%: ¥20
    const w = await f.request(KOC, 2000, `claw-race-${seed}`);
    if (!w.ok) throw new Error(w.message);
    await f.refund(order, 20_000); // a full refund: the commission is worth nothing
    await Promise.all([f.approve(w.data.withdrawalId), f.settle()]);
    await f.settleUntilQuiet();
    if ((await f.all<{ status: string }>('withdrawals'))[0].status === 'awaiting_confirmation') await f.confirm(KOC, w.data.withdrawalId);
    // Either order is fine: paid ¥20 and available -¥20 (netted later), or refused and available ¥0.
    const s = await f.summary(KOC);
    expect(s.availableFen + s.inTransitFen + s.paidOutFen).toBe(0);
    expect(await moneyViolations(f, { settled: true })).toEqual([]);
  });

  it('ten requested withdrawals of ¥100 left by an older version against ¥100, approved at once: the approval alone never overdraws', async () => {
    const f = await commissionFixture({ latencyMs: [0, 3], random: seeded(seed) });
    await f.earn(KOC, 10_000);
    const ids = Array.from({ length: 10 }, (_, i) => `wlegacy${seed}x${i}`);
    for (const id of ids)
      await f
        .db()
        .collection('withdrawals')
        .add({ data: { _id: id, koc: KOC, merchantId: SHOPS.a.id, amountFen: 10_000, status: 'requested', history: [], createdAt: new Date(f.clock.now()) } });
    const answers = await Promise.all(ids.map((id) => f.approve(id)));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok && a.code === 'INSUFFICIENT')).toHaveLength(9);
    expect(paidOut(f)).toBe(10_000);
    expect(await f.summary(KOC)).toMatchObject({ availableFen: 0, inTransitFen: 10_000 });
  });
});
