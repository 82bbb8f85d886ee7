// Crash-point enumeration for the rollup timer: kill the process right after its k-th committed
// write (k = 1, 2, ... until a run finishes without crashing), restart on the same data, and
// check that the figures are exact at once (a page half written must not show twice or not at
// all), then run the timer until it writes nothing and compare every counter document with the
// brute-force oracle. The dashboard too: right after the crash it shows exactly the events up to
// the cursor (a half-written page is taken back out), and all of them once the timer caught up.
import { comparable, oracleDashboard } from './dashboard-oracle';
import { analyticsWorld, DAY, mixedHistory, onCampus, oracleCounters, oracleFigures, SETTLE } from './fixture';

const MAX_WRITES = 300;
const CODES = ['cA', 'cB', 'cC'];

it('the rollup counts every event once whichever write it dies after', async () => {
  let crashedAt = 0;
  for (let k = 1; k <= MAX_WRITES; k++) {
    const w = await analyticsWorld({ durable: true });
    await w.ownCards(CODES);
    // Three pages of events over three campus days, all settled.
    const events = mixedHistory(250, new Date(w.clock.now() - 3 * DAY), 3 * DAY - SETTLE, CODES);
    w.insertEvents(events);
    const expected = oracleFigures(events, w.clock.now(), CODES);
    const before = w.crashes();
    w.crashAfterWrites(k);
    await w.rollup().catch(() => undefined);
    w.cloud.engine.faults.arm({});
    if (w.crashes() === before) {
      // The run wrote fewer than k times: every write was a crash point. It still counts right.
      expect(await w.counters()).toEqual(oracleCounters(events));
      w.dispose();
      break;
    }
    crashedAt = k;
    await w.restart();
    expect({ k, figures: await w.figures() }).toEqual({ k, figures: expected });
    const now = w.clock.now();
    expect({ k, dashboard: comparable(await w.dashboard(7)) }).toEqual({ k, dashboard: oracleDashboard(await w.counted(events), now, 7, onCampus) });
    await w.rollupUntilQuiet();
    expect({ k, counters: await w.counters() }).toEqual({ k, counters: oracleCounters(events) });
    expect({ k, figures: await w.figures() }).toEqual({ k, figures: expected });
    expect({ k, dashboard: comparable(await w.dashboard(7)) }).toEqual({ k, dashboard: oracleDashboard(events, now, 7, onCampus) });
    w.dispose();
  }
  expect(crashedAt).toBeGreaterThan(10);
  expect(crashedAt).toBeLessThan(MAX_WRITES);
}, 300_000);
