// Days and months turn at campus midnight (00:00 in Asia/Shanghai, 16:00 UTC), not at UTC
// midnight: the daily withdrawal cap and the monthly tier run are keyed by the campus date. The
// instants are worked out by hand: 2026-11-30T16:00Z is 1 December 00:00 on campus, and
// 2026-12-31T16:00Z is 1 January 2027 00:00.
import { commissionFixture, SHOPS } from './fixtures';

const KOC = 'koc-1';
type Fixture = Awaited<ReturnType<typeof commissionFixture>>;
const moveTo = (f: Fixture, iso: string) => f.clock.advance(Date.parse(iso) - f.clock.now());

it('the daily withdrawal cap starts again at campus midnight, while it is still the same UTC day', async () => {
  const f = await commissionFixture();
  await f.earn(KOC, 150_000, SHOPS.a.id);
  await f.earn(KOC, 150_000, SHOPS.b.id);
  moveTo(f, '2026-12-31T15:59:59.000Z'); // 31 December 23:59:59 on campus
  expect(await f.request(KOC, 150_000, 'year-end-a-1', SHOPS.a.id)).toMatchObject({ ok: true });
  // ¥1,500 + ¥600 = ¥2,100 > ¥2,000 on 31 December.
  expect(await f.request(KOC, 60_000, 'year-end-b-1', SHOPS.b.id)).toMatchObject({ ok: false, code: 'DAILY_CAP' });
  f.clock.advance(1000); // 2026-12-31T16:00:00Z: 1 January 2027 00:00 on campus
  expect(await f.request(KOC, 60_000, 'year-end-b-2', SHOPS.b.id)).toMatchObject({ ok: true });
  const days = (await f.all<{ _id: string; fen: number }>('withdrawal_days')).map((d) => [d._id, d.fen]).sort();
  expect(days).toEqual([
    [`${KOC}:2026-12-31`, 150_000],
    [`${KOC}:2027-01-01`, 60_000],
  ]);
});

it('the tier job runs once per campus month: the month turns at 16:00 UTC on the last UTC day', async () => {
  const f = await commissionFixture(); // starts 2026-11-22T02:00Z, 10:00 on campus
  const tiersRun = async () => {
    const r = await f.settle();
    if (!r.ok) throw new Error(r.message);
    return (r.data as { tiers: { month: string } | null }).tiers?.month ?? null;
  };
  expect(await tiersRun()).toBe('2026-11');
  moveTo(f, '2026-11-30T15:59:59.999Z'); // 30 November 23:59:59.999 on campus
  expect(await tiersRun()).toBeNull();
  f.clock.advance(1); // 1 December 00:00 on campus
  expect(await tiersRun()).toBe('2026-12');
  expect(await tiersRun()).toBeNull();
  expect((await f.all<{ _id: string }>('tier_runs')).map((r) => r._id).sort()).toEqual(['2026-11', '2026-12']);
});
