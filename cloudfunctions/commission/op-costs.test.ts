// What the commission pages cost in database round trips (5-20 ms each in WeChat): the same
// number however many rows a page shows. Each world is built twice, with a short and a longer
// page; the counts are compared with each other and with the hand count in the comment, so a
// read per row, or one more read anywhere, fails here.
import type { CommissionSummary, WithdrawalView } from '../../core/contracts/commission';
import { DEFAULT_TIER_RULES } from '../../core/tiers';
import { commissionFixture, SHOPS } from './fixtures';

const nickname = (koc: string) => `达人${koc}`;

describe('commission pages cost the same whatever their length', () => {
  it('listWithdrawals: 4 reads for 1 withdrawal and for 6 (shop, withdrawals, KOCs, their balances)', async () => {
    const page = async (n: number) => {
      const f = await commissionFixture();
      const kocs = Array.from({ length: n }, (_, i) => `koc-${i}`);
      for (const [i, koc] of kocs.entries()) {
        await f
          .db()
          .collection('users')
          .add({ data: { _id: koc, roles: ['koc'], nickname: nickname(koc), avatarUrl: '' } });
        await f.earn(koc, 2000 + 100 * i);
        const asked = await f.request(koc, 1000, `req-${koc}-0001`);
        if (!asked.ok) throw new Error(asked.message);
      }
      const m = await f.cloud.invokeMetered('commission', { action: 'listWithdrawals', status: 'all' }, { openid: SHOPS.a.boss });
      f.cloud.close();
      return m as { result: { ok: true; data: WithdrawalView[] }; ops: { reads: number; writes: number } };
    };
    const [small, large] = [await page(1), await page(6)];
    expect([small.result.data.length, large.result.data.length]).toEqual([1, 6]);
    // Each row names its own KOC and what that KOC can still withdraw (all it earned: nothing is set aside before the merchant approves).
    expect(large.result.data.map((w) => [w.kocNickname, w.availableFen]).sort()).toEqual(
      Array.from({ length: 6 }, (_, i) => [nickname(`koc-${i}`), 2000 + 100 * i]).sort(),
    );
    // 1 caller's shop + 1 withdrawals query + 1 KOCs (users `_.in`) + 1 balances (`_.in` balance ids).
    expect([small.ops.reads, large.ops.reads]).toEqual([4, 4]);
    expect([small.ops.writes, large.ops.writes]).toEqual([0, 0]);
  });

  it('summary: 7 reads for 1 program and for 6', async () => {
    const koc = 'koc-1';
    const page = async (n: number) => {
      const f = await commissionFixture();
      const shops = [SHOPS.a.id, SHOPS.b.id, SHOPS.c.id, 'm-d', 'm-e', 'm-f'].slice(0, n);
      for (const id of shops.slice(3)) {
        await f
          .db()
          .collection('merchants')
          .add({ data: { _id: id, name: `店${id}`, logo: '', campusId: 'campus-1', ownerOpenid: `boss-${id}` } });
        await f
          .db()
          .collection('programs')
          .add({ data: { _id: id, commission: { kocMode: 'everyone' } } });
      }
      for (const [i, shop] of shops.entries()) await f.earn(koc, 1000 + 100 * i, shop);
      // The first shop placed the KOC a tier up; the last has its own, lower thresholds.
      await f
        .db()
        .collection('koc_tiers')
        .add({ data: { _id: `${shops[0]}:${koc}`, merchantId: shops[0], koc, tier: 'intermediate', updatedAt: new Date() } });
      const cheap = DEFAULT_TIER_RULES.map((r) => ({ ...r, minRevenueFen: r.minRevenueFen / 100 }));
      await f
        .db()
        .collection('programs')
        .doc(shops[n - 1])
        .set({ data: { commission: { kocMode: 'everyone', tiers: cheap } } });
      const m = await f.cloud.invokeMetered('commission', { action: 'summary' }, { openid: koc });
      f.cloud.close();
      return m as { result: { ok: true; data: CommissionSummary }; ops: { reads: number; writes: number } };
    };
    const [small, large] = [await page(1), await page(6)];
    const byShop = new Map(large.result.data.programs.map((p) => [p.merchantId, p]));
    expect(byShop.size).toBe(6);
    // Each program names its own shop, tier, balance and thresholds.
    expect(byShop.get('m-a')).toMatchObject({
      merchantName: '店m-a',
      tier: 'intermediate',
      availableFen: 1000,
      next: { tier: 'advanced', revenueFenLeft: 500_000 - 10_000 },
    });
    expect(byShop.get('m-c')).toMatchObject({
      merchantName: '店m-c',
      tier: 'primary',
      availableFen: 1200,
      next: { tier: 'intermediate', revenueFenLeft: 100_000 - 12_000 },
    });
    expect(byShop.get('m-f')).toMatchObject({
      merchantName: '店m-f',
      tier: 'primary',
      availableFen: 1500,
      next: { tier: 'intermediate', revenueFenLeft: 0, ordersLeft: 9 },
    });
    expect(small.result.data.programs).toHaveLength(1);
    // 1 balances query + 1 tiers (`_.in` tier ids) + 1 shops (merchants `_.in`) + 1 programs
    // (`_.in`); then the KOC's results with every shop from the analytics counters (resultsOf):
    // the rollup's cursor, the KOC's day counters, the events after the cursor. 7 for any number.
    expect([small.ops.reads, large.ops.reads]).toEqual([4 + 3, 4 + 3]);
    expect([small.ops.writes, large.ops.writes]).toEqual([0, 0]);
  });
});
