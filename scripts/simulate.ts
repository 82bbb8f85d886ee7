// npm run simulate -- --seeds N [--from S] [--steps K]   many seeds, a line per failing seed
// npm run simulate -- --seed S --trace                   one seed, with every request it made
import { simulate } from '../tests/sim/simulate';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function main() {
  const steps = arg('steps') ? Number(arg('steps')) : undefined;
  if (arg('seed')) {
    const r = await simulate(Number(arg('seed')), { steps });
    if (process.argv.includes('--trace')) for (const line of r.trace) console.log(line);
    console.log(`seed ${r.seed}: ${r.calls} calls, ${r.crashes} crashes, ${r.internal} INTERNAL answers`);
    for (const v of r.violations) console.log(`  VIOLATION ${v}`);
    process.exit(r.violations.length ? 1 : 0);
  }
  const seeds = Number(arg('seeds') ?? 200);
  const from = Number(arg('from') ?? 1);
  let failed = 0;
  let crashes = 0;
  const started = Date.now();
  for (let seed = from; seed < from + seeds; seed++) {
    const r = await simulate(seed, { steps });
    crashes += r.crashes;
    if (r.violations.length) {
      failed++;
      console.log(`seed ${seed}: ${r.violations.length} violations, first: ${r.violations[0]}`);
    }
  }
  console.log(`${seeds} seeds from ${from}: ${failed} failed, ${crashes} crashes, ${Math.round((Date.now() - started) / 1000)} s`);
  process.exit(failed ? 1 : 0);
}

main();
