import { AUTO_CONFIRM_PICKUP_MS, AUTO_CONFIRM_SHIPPED_MS, campaignIsLive, seatsLeft } from './groupbuy';

describe('group-buy rules', () => {
  it('a campaign is live from its start (inclusive) to its end (exclusive), and only while live', () => {
    const c = { status: 'live' as const, startAt: 1000, endAt: 2000 };
    expect(campaignIsLive(c, 999)).toBe(false);
    expect(campaignIsLive(c, 1000)).toBe(true);
    expect(campaignIsLive(c, 1500)).toBe(true);
    expect(campaignIsLive(c, 1999)).toBe(true);
    expect(campaignIsLive(c, 2000)).toBe(false);
    expect(campaignIsLive(c, 2500)).toBe(false);
    expect(campaignIsLive({ ...c, status: 'closed' }, 1500)).toBe(false);
  });

  it('seats left are the free seats, never negative', () => {
    expect(seatsLeft({ size: 5, taken: 2 })).toBe(3);
    expect(seatsLeft({ size: 3, taken: 3 })).toBe(0);
    expect(seatsLeft({ size: 3, taken: 4 })).toBe(0);
  });

  it('WeChat auto-confirms receipt 10 days after shipping and 2 days after a pickup notice', () => {
    expect(AUTO_CONFIRM_SHIPPED_MS).toBe(864_000_000);
    expect(AUTO_CONFIRM_PICKUP_MS).toBe(172_800_000);
  });
});
