// CI's share of the simulator: a bounded number of seeds (SPROUT_SIM_SEEDS, default 200), each
// a random run of concurrent requests, duplicate and late payment callbacks, timers, clock moves
// and crashes, ending with every invariant checked. A failing seed replays exactly:
//   npm run simulate -- --seed <n> --trace
import { simulate } from './simulate';

const SEEDS = Number(process.env.SPROUT_SIM_SEEDS ?? 200);
const FIRST = Number(process.env.SPROUT_SIM_FIRST_SEED ?? 1);

describe('deterministic simulation', () => {
  it('a seed replays identically (same trace, same crashes, same findings)', async () => {
    const a = await simulate(7);
    const b = await simulate(7);
    expect(b.trace).toEqual(a.trace);
    expect(b.crashes).toBe(a.crashes);
    expect(b.violations).toEqual(a.violations);
    expect(a.crashes + a.calls).toBeGreaterThan(20); // it really did something
  }, 120_000);

  it(`${SEEDS} seeds: no invariant is ever broken`, async () => {
    const failures: string[] = [];
    let crashes = 0;
    for (let seed = FIRST; seed < FIRST + SEEDS; seed++) {
      const r = await simulate(seed);
      crashes += r.crashes;
      if (r.violations.length) failures.push(`seed ${seed}: ${r.violations.slice(0, 3).join('; ')}`);
    }
    expect(crashes).toBeGreaterThan(0); // crashes were part of the runs
    expect(failures).toEqual([]);
  }, 1_800_000);
});
