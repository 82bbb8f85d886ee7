// The monthly tier job has no cap: every placed KOC of every merchant is placed again.
import { SHOP, world } from '../groupbuy/fixture';

it('150 KOCs placed advanced with no results this window are all moved to primary, each audited once', async () => {
  const w = await world();
  const N = 150;
  for (let i = 0; i < N; i++) {
    const koc = `tj-koc-${String(i).padStart(3, '0')}`;
    await w.cloud.db
      .collection('koc_tiers')
      .add({ data: { _id: `${SHOP}:${koc}`, merchantId: SHOP, koc, tier: 'advanced', updatedAt: new Date(w.clock.now()) } });
  }
  await w.settleCommission();
  await w.settleCommission(); // the month is done: nothing more
  const tiers = await w.all<{ tier: string }>('koc_tiers');
  expect(tiers.filter((t) => t.tier === 'advanced')).toHaveLength(0);
  expect(tiers.filter((t) => t.tier === 'primary')).toHaveLength(N);
  const audit = await w.all<{ from: string; to: string }>('tier_audit');
  expect(audit).toHaveLength(N);
  expect(audit.every((a) => a.from === 'advanced' && a.to === 'primary')).toBe(true);
});
