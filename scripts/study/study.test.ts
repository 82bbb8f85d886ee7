// A small study through the real functions (a few hundred students, a few weeks): with the
// study's effects the primary metric moves the right way; with none, the tests stay quiet for
// most seeds; and every figure the results page shows equals a brute-force count over the raw
// events, with the arm the students saw equal to the arm the server assigned.
import { runStudy } from './study';
import { ALPHA } from './table';

describe('the study, reproduced small', () => {
  it('with the study’s effects, repurchase (the primary metric) rises, and the page equals the raw-event count', async () => {
    // 140 students: about 35 buyers an arm, so 42% against 58% comes out the right way round for
    // most seeds but not all (8 of seeds 1-12 when this was written; seed 2 is one of them). The
    // statistics' calibration is measured by the seeds mode (npm run study -- --seeds K), not here.
    const run = await runStudy({ students: 140, weeks: 3, seed: 2, effect: 1 });
    expect(run.table.mismatches).toEqual([]);
    expect(run.ledgerMismatches).toEqual([]);
    expect(run.armMismatches).toBe(0);
    expect(run.term.inconsistentCards).toBe(0);
    const repurchase = run.table.rows.find((r) => r.key === 'repurchase');
    expect(repurchase?.lift).toBeGreaterThan(0);
    expect(run.results.experiment.primaryMetric).toBe('repurchase');
    // Everyone who opened the app met the experiment, about half in each arm.
    expect(run.table.exposed[0] + run.table.exposed[1]).toBe(140);
    expect(run.table.srm?.mismatch).toBe(false);
  }, 120_000);

  it('with no effect, most tests are not significant, and the page still equals the raw-event count', async () => {
    const runs = [];
    for (const seed of [11, 12, 13]) runs.push(await runStudy({ students: 40, weeks: 3, seed, effect: 0 }));
    for (const run of runs) {
      expect(run.table.mismatches).toEqual([]);
      expect(run.ledgerMismatches).toEqual([]);
      expect(run.armMismatches).toBe(0);
    }
    const tests = runs.flatMap((r) => r.table.rows);
    const significant = tests.filter((r) => r.p < ALPHA).length;
    // 33 tests at α = 0.05: about 1.7 significant expected by chance.
    expect(significant).toBeLessThanOrEqual(5);
    expect(runs.filter((r) => (r.table.rows[0].p ?? 1) < ALPHA).length).toBeLessThanOrEqual(1);
  }, 120_000);
});
