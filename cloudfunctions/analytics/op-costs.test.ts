// What the figures cost once the rollup has run: the same round trips, and the same rows
// examined, for a history ten times longer; what the not-yet-rolled-up tail adds depends on the
// tail alone. Each world is built twice, with 300 and 3,000 events over the last 30 campus
// days; the counts are compared with each other and with the hand count in the comment. The
// dashboard reads the rollup's documents only: the same reads and rows with or without a tail.
import { KOC, OWNER } from '../groupbuy/fixture';
import { analyticsWorld, campus, cardEvent, DAY, type Ev, oracleFigures, orderEvent, SETTLE } from './fixture';

const CODES = ['cA', 'cB', 'cC'];

/** `perDay` events on each of the last 30 campus days (before 08:00, so all settled at 10:00), every kind on every day. */
function history(now: number, perDay: number): Ev[] {
  const out: Ev[] = [];
  for (let d = 29; d >= 0; d--) {
    const day = campus(`${new Date(now - d * DAY + 8 * 3600_000).toISOString().slice(0, 10)} 00:00`).getTime();
    for (let j = 0; j < perDay; j++) {
      const at = new Date(day + Math.floor((j * 8 * 3600_000) / perDay));
      const code = CODES[j % 3];
      const openid = `v-${j % 13}`;
      const kind = j % 10;
      if (kind < 4) out.push(cardEvent('open', at, { code, openid, channel: ['chat', 'group', 'moments', 'poster'][j % 4] }));
      else if (kind < 6) out.push(cardEvent('bind', at, { code, openid, newCustomer: kind === 4 }));
      else if (kind < 7) out.push(cardEvent('share_created', at, { code, openid: KOC }));
      else if (kind < 9) out.push(orderEvent('order_paid', at, { amountFen: 1000 + j, code, sharer: KOC }));
      else out.push(orderEvent('refund_succeeded', at, { amountFen: 1000, refundFen: 300, code, sharer: KOC }));
    }
  }
  return out;
}

async function measure(n: number) {
  const w = await analyticsWorld();
  await w.ownCards(CODES);
  const events = history(w.clock.now(), n / 30);
  w.insertEvents(events);
  await w.rollupUntilQuiet();
  const costs = async () => ({
    funnel: (await w.callMetered('analytics', OWNER, { action: 'shareFunnel', days: 30 })).ops,
    stats: (await w.callMetered('share', KOC, { action: 'stats' })).ops,
    summary: (await w.callMetered('commission', KOC, { action: 'summary' })).ops,
    dashboard: (await w.callMetered('analytics', OWNER, { action: 'dashboard', days: 90 })).ops,
  });
  const settled = await costs();
  // The same twenty events, too young for the rollup, in both worlds: the tail.
  const now = w.clock.now();
  const young = Array.from({ length: 20 }, (_, i) =>
    i % 2
      ? cardEvent('open', new Date(now - SETTLE / 2), { code: 'cA', openid: `young-${i}` })
      : orderEvent('order_paid', new Date(now - 1000), { amountFen: 100, code: 'cB', sharer: KOC }),
  );
  w.insertEvents(young);
  const withTail = await costs();
  const figures = await w.figures();
  const expected = oracleFigures([...events, ...young], now, CODES);
  w.dispose();
  return { settled, withTail, figuresRight: JSON.stringify(figures) === JSON.stringify(expected) };
}

it('shareFunnel, share.stats and commission.summary cost the same for 300 and 3,000 events', async () => {
  const small = await measure(300);
  const large = await measure(3000);
  expect([small.figuresRight, large.figuresRight]).toEqual([true, true]);
  // shareFunnel: the caller's shop, the rollup's cursor, 30 day counters in one query, the tail.
  // share.stats: the caller's cards, the cursor, the card counters, the tail, the cards' product.
  // summary: 4 of its own, the cursor once, the shop's 90 day counters and its tail.
  // dashboard: the caller's shop, the cursor, 90 shop days, 90 campus days, the sharers' names, the campus's name.
  const reads = { funnel: 4, stats: 5, summary: 4 + 1 + 2, dashboard: 6 };
  const readsOf = (c: typeof small.settled) => ({ funnel: c.funnel.reads, stats: c.stats.reads, summary: c.summary.reads, dashboard: c.dashboard.reads });
  expect(readsOf(small.settled)).toEqual(reads);
  expect(readsOf(large.settled)).toEqual(reads);
  // A tail with opens adds one read to share.stats: which of its visitors came before.
  expect(readsOf(small.withTail)).toEqual({ ...reads, stats: reads.stats + 1 });
  expect(readsOf(large.withTail)).toEqual({ ...reads, stats: reads.stats + 1 });
  // Rows examined: counters (one per day or card) and the tail, never the history.
  expect(large.settled).toEqual(small.settled);
  expect(large.withTail).toEqual(small.withTail);
  // shareFunnel: the shop (1), the cursor (1), 30 day counters; no event is after the cursor.
  expect(small.settled.funnel.scanned).toBe(1 + 1 + 30);
  // The tail's ten young opens are all it adds.
  expect(small.withTail.funnel.scanned - small.settled.funnel.scanned).toBe(10);
  // The dashboard: the shop, the cursor, 30 shop days with events (of 90 asked), the KOC's name, the campus; nothing it writes.
  expect(small.settled.dashboard).toMatchObject({ scanned: 1 + 1 + 30 + 1 + 1, writes: 0 });
  expect(small.withTail.dashboard).toEqual(small.settled.dashboard);
}, 60_000);
