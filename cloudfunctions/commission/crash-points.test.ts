// Crash-point enumeration: for each money action and the settle timer, kill the process right
// after its k-th committed write (k = 1, 2, ... until the action finishes without crashing),
// restart on the same data, run the timer until it writes nothing, check the invariants; then
// retry the action as a client would and check again.
import { type CommissionFixture, commissionFixture, DAY } from './fixtures';
import { moneyViolations } from './invariants';

const KOC = 'koc-crash';
const MAX_WRITES = 40;

type Scenario = {
  /** Builds the state just before the action; returns what the action needs. */
  setup(f: CommissionFixture): Promise<string>;
  act(f: CommissionFixture, arg: string): Promise<unknown>;
};

async function requested(f: CommissionFixture) {
  await f.earn(KOC, 5000);
  const w = await f.request(KOC, 3000, 'crash-request-1');
  if (!w.ok) throw new Error(w.message);
  return w.data.withdrawalId;
}

const scenarios: Record<string, Scenario> = {
  requestWithdrawal: {
    setup: async (f) => String(await f.earn(KOC, 5000)),
    act: (f) => f.request(KOC, 3000, 'crash-request-1'),
  },
  approveWithdrawal: { setup: requested, act: (f, id) => f.approve(id) },
  rejectWithdrawal: { setup: requested, act: (f, id) => f.reject(id) },
  confirmWithdrawal: {
    setup: async (f) => {
      const id = await requested(f);
      await f.approve(id);
      return id;
    },
    act: (f, id) => f.confirm(KOC, id),
  },
  'settle timer': {
    // Every kind of work at once: events to read (a sale, a completion, a partial refund), a
    // completion whose event was lost, a maturity due, a transfer left at approved, one expiring.
    setup: async (f) => {
      await f.approve(await requested(f)); // its confirmation expires during the 7 days below
      await f.earn('koc-other', 5000);
      const stuck = await f.request('koc-other', 1000, 'crash-other-1');
      if (!stuck.ok) throw new Error(stuck.message);
      f.crashAfterWrites(1); // approved with its hold, the transfer never started
      await f.approve(stuck.data.withdrawalId).catch(() => undefined);
      await f.restart();
      const due = await f.sale({ koc: KOC, amountFen: 8000 });
      const refunded = await f.sale({ koc: KOC, amountFen: 25_000 });
      const lost = await f.sale({ koc: 'koc-other', amountFen: 6000 });
      await f.settle();
      await f.complete(due);
      await f.complete(lost, false);
      f.clock.advance(7 * DAY + 1000);
      await f.complete(refunded);
      await f.refund(refunded, 5080);
      await f.sale({ koc: KOC, amountFen: 3000 });
      return '';
    },
    act: (f) => f.settle(),
  },
};

describe.each(Object.keys(scenarios))('%s: a crash after any write', (name) => {
  it('leaves money consistent after restart and timers, and after the client retries', async () => {
    const { setup, act } = scenarios[name];
    let crashedAt = 0;
    for (let k = 1; k <= MAX_WRITES; k++) {
      const f = await commissionFixture();
      const arg = await setup(f);
      const before = f.crashes();
      f.crashAfterWrites(k);
      await act(f, arg).catch(() => undefined);
      f.cloud.engine.faults.arm({});
      if (f.crashes() === before) break; // the action wrote fewer than k times: every point is covered
      crashedAt = k;
      await f.restart();
      await f.settleUntilQuiet();
      expect({ k, after: 'restart', violations: await moneyViolations(f, { settled: true }) }).toEqual({ k, after: 'restart', violations: [] });
      await act(f, arg);
      await f.settleUntilQuiet();
      expect({ k, after: 'retry', violations: await moneyViolations(f, { settled: true }) }).toEqual({ k, after: 'retry', violations: [] });
    }
    // Every write of the action was a crash point, and there was at least one.
    expect(crashedAt).toBeGreaterThan(0);
    expect(crashedAt).toBeLessThan(MAX_WRITES);
  }, 120_000);
});
