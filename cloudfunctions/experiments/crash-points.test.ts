// Crash-point enumeration for the experiment counters: the rollup dies right after its k-th
// write (k = 1, 2, … until a run finishes), restarts on the same data and runs until quiet; the
// per-student and per-arm documents must equal a run that never crashed (no order, refund or
// exposure counted twice or lost, whichever write a page died after).
import { DAY, experimentWorld, exposure, liked, paid, refunded } from './fixture';

const MAX_WRITES = 200;

function history(E: string, t0: number) {
  const d = (days: number) => new Date(t0 + days * DAY);
  const students = Array.from({ length: 30 }, (_, i) => `cr-${i}`);
  return [
    ...students.map((s, i) => exposure(E, s, i % 2, d(0.01 * i))),
    ...students.flatMap((s, i) => (i % 3 === 0 ? [] : [paid(s, `co-${i}`, 100 * (i + 1), d(1 + i * 0.05))])),
    ...students.flatMap((s, i) => (i % 4 === 0 ? [paid(s, `co2-${i}`, 700, d(3))] : [])),
    ...students.flatMap((s, i) => (i % 5 === 1 ? [refunded(s, `co-${i}`, 100 * (i + 1), 100 * (i + 1), d(4))] : [])),
    ...students.flatMap((s, i) => (i % 2 ? [liked(s, `n-${i}`, d(2))] : [])),
  ];
}

async function snapshot(w: Awaited<ReturnType<typeof experimentWorld>>) {
  const strip = <T extends { seq?: number }>(docs: T[]) => docs.map(({ seq, ...rest }) => rest);
  return { members: strip(await w.all<{ seq: number }>('exp_members')), arms: strip(await w.all<{ seq: number }>('exp_arms')) };
}

it('the experiment counters are exact whichever write the rollup dies after', async () => {
  const clean = await experimentWorld();
  const E = await clean.running();
  const t0 = clean.clock.now() - 10 * DAY;
  clean.insertEvents(history(E, t0));
  await clean.rollupUntilQuiet();
  const expected = await snapshot(clean);
  expect(expected.arms).toHaveLength(2);
  clean.dispose();

  let crashedAt = 0;
  for (let k = 1; k <= MAX_WRITES; k++) {
    const w = await experimentWorld({ durable: true });
    const F = await w.running();
    expect(F).toBe(E);
    w.insertEvents(history(F, t0));
    const before = w.crashes();
    w.crashAfterWrites(k);
    await w.rollup().catch(() => undefined);
    w.cloud.engine.faults.arm({});
    if (w.crashes() === before) {
      w.dispose();
      break;
    }
    crashedAt = k;
    await w.restart();
    await w.rollupUntilQuiet();
    expect({ k, ...(await snapshot(w)) }).toEqual({ k, ...expected });
    w.dispose();
  }
  expect(crashedAt).toBeGreaterThan(20);
  expect(crashedAt).toBeLessThan(MAX_WRITES);
}, 300_000);
