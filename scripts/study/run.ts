// npm run study [-- --students 2000 --weeks 16 --seed 1 --effect 1 --out docs/study/report.md]
//   one study: prints Table 1 and writes the report (and chart.svg beside it)
// npm run study -- --seeds 40 --effect 0 [--students 300 --seed 1]
//   K studies on seeds seed..seed+K-1: how often each row is significant at α = 0.05 and how often
//   the model's lift lies inside the measured 95% interval; written to docs/study/seeds-effect-<e>.md
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MODEL } from './model';
import { chartSvg, pValue, report, table1 } from './report';
import { runStudy, type StudyRun } from './study';
import { ALPHA, inside } from './table';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const num = (name: string, dflt: number) => {
  const v = flag(name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${v}`);
  return n;
};

/** The repository's formatter over what was written (its Markdown tables are padded), so `npm run lint` stays clean. */
function format(...files: string[]) {
  const biome = join(__dirname, '..', '..', 'node_modules', '.bin', 'biome');
  if (existsSync(biome)) spawnSync(biome, ['format', '--write', ...files], { stdio: 'ignore' });
}

const minutes = (ms: number) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

function progress(label: string) {
  let last = 0;
  return (day: number, days: number) => {
    const now = Date.now();
    if (process.stderr.isTTY && (now - last > 2000 || day === days - 1)) {
      last = now;
      process.stderr.write(`\r${label} day ${day + 1}/${days}   `);
      if (day === days - 1) process.stderr.write('\n');
    }
  };
}

async function one() {
  const options = {
    students: num('students', MODEL.campus.students),
    weeks: num('weeks', MODEL.campus.weeks),
    seed: num('seed', 1),
    effect: num('effect', 1),
  };
  const out = flag('out') ?? 'docs/study/report.md';
  console.log(`study: ${options.students} students, ${options.weeks} weeks, seed ${options.seed}, effect ${options.effect}`);
  const run = await runStudy({ ...options, onDay: progress('term') });
  console.log(
    `\nTable 1 (${minutes(run.ms.total)}: campus ${minutes(run.ms.campus)}, term ${minutes(run.ms.term)}; ${run.calls} calls, ${run.events} events)\n`,
  );
  console.log(table1(run));
  console.log(
    `\nbrute-force check: ${run.table.mismatches.length ? `MISMATCH ${run.table.mismatches.join('; ')}` : 'every figure equals the raw-event count'}`,
  );
  console.log(`arm seen by the students vs assigned: ${run.armMismatches} differ; ledger vs events: ${run.ledgerMismatches.length} students differ`);
  if (out !== '-') {
    mkdirSync(dirname(out), { recursive: true });
    const chart = join(dirname(out), 'chart.svg');
    const seedRuns = (effect: number) => {
      const file = join(dirname(out), `seeds-effect-${effect}.md`);
      return existsSync(file) ? readFileSync(file, 'utf8').replace(/^# .*\n+/, '') : null;
    };
    const args = process.argv.slice(2).join(' ');
    writeFileSync(chart, chartSvg(run));
    writeFileSync(
      out,
      report(run, {
        command: `npm run study${args ? ` -- ${args}` : ''}`,
        chartFile: basename(chart),
        seeds: { zero: seedRuns(0), effect: seedRuns(1) },
      }),
    );
    format(out, chart);
    console.log(`wrote ${out} and ${chart}`);
  }
  process.exit(run.table.mismatches.length || run.armMismatches || run.ledgerMismatches.length ? 1 : 0);
}

async function seeds(k: number) {
  const options = { students: num('students', 300), weeks: num('weeks', MODEL.campus.weeks), effect: num('effect', 0) };
  const from = num('seed', 1);
  const out = flag('out') ?? `docs/study/seeds-effect-${options.effect}.md`;
  const runs: StudyRun[] = [];
  const started = Date.now();
  for (let seed = from; seed < from + k; seed++) {
    const run = await runStudy({ ...options, seed });
    runs.push(run);
    const sig = run.table.rows.filter((r) => r.p < ALPHA).map((r) => r.key);
    console.log(
      `seed ${seed}: ${minutes(run.ms.total)}, significant: ${sig.length ? sig.join(', ') : 'none'}; srm p ${pValue(run.table.srm?.p ?? Number.NaN)}${run.table.mismatches.length ? '; BRUTE-FORCE MISMATCH' : ''}`,
    );
  }
  const rows = runs[0].table.rows.map((r, i) => {
    const all = runs.map((run) => run.table.rows[i]);
    return {
      label: r.label,
      sig: all.filter((x) => x.p < ALPHA).length,
      covered: all.filter((x) => inside(x.liftParam, x.low, x.high)).length,
      // Each arm's own value inside its own interval (two per seed).
      armsCovered: all.reduce(
        (s, x) => s + Number(inside(x.control.param, x.control.low, x.control.high)) + Number(inside(x.treatment.param, x.treatment.low, x.treatment.high)),
        0,
      ),
    };
  });
  const tests = rows.length * k;
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
  const anySig = runs.filter((run) => run.table.rows.some((r) => r.p < ALPHA)).length;
  const srmSig = runs.filter((run) => (run.table.srm?.p ?? 1) < ALPHA).length;
  const mismatched = runs.filter((run) => run.table.mismatches.length || run.armMismatches || run.ledgerMismatches.length).length;
  const pct = (x: number, n: number) => `${((100 * x) / n).toFixed(1)}%`;
  const headline =
    options.effect === 0
      ? `**False positives: ${sum((r) => r.sig)} of ${tests} tests significant at α = ${ALPHA} (${pct(
          sum((r) => r.sig),
          tests,
        )}); expected about ${pct(ALPHA, 1)}.** ` +
        `${anySig} of ${k} seeds had at least one significant row among ${rows.length}: with ${rows.length} tests a seed, that is common ` +
        `(1 − 0.95^${rows.length} ≈ ${pct(1 - 0.95 ** rows.length, 1)} if they were independent), which is why the page marks one primary metric ` +
        "and core/experiments/analysis.ts offers Holm's correction for the rest."
      : `**The model's lift inside the measured 95% interval: ${sum((r) => r.covered)} of ${tests} (${pct(
          sum((r) => r.covered),
          tests,
        )}); expected about 95%.** ` + `Significant (power at this size): ${sum((r) => r.sig)} of ${tests}.`;
  const md = [
    `# ${k} seeds at effect ${options.effect}`,
    '',
    `\`npm run study -- --seeds ${k} --effect ${options.effect} --students ${options.students} --weeks ${options.weeks}${from !== 1 ? ` --seed ${from}` : ''}\`: seeds ${from}–${from + k - 1}, ${options.students} students each, ${options.weeks} weeks (${minutes(Date.now() - started)} in all).`,
    '',
    "| Row | significant at α = 0.05 | model lift inside the 95% interval | each arm's parameter inside its interval |",
    '|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.sig} / ${k} (${pct(r.sig, k)}) | ${r.covered} / ${k} (${pct(r.covered, k)}) | ${r.armsCovered} / ${2 * k} (${pct(r.armsCovered, 2 * k)}) |`,
    ),
    `| Sample ratio (SRM test, 50/50) | ${srmSig} / ${k} (${pct(srmSig, k)}) | | |`,
    '',
    `${headline} Each arm's parameter inside its own interval: ${sum((r) => r.armsCovered)} of ${2 * tests} (${pct(
      sum((r) => r.armsCovered),
      2 * tests,
    )}). ` + `The results page disagreed with the brute-force count, or a student's arm or ledger with the events, in ${mismatched} of ${k} seeds.`,
    '',
  ].join('\n');
  console.log(`\n${md}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, md);
  format(out);
  console.log(`wrote ${out}`);
  process.exit(mismatched ? 1 : 0);
}

const k = flag('seeds');
(k ? seeds(Number(k)) : one()).catch((e) => {
  console.error(e);
  process.exit(1);
});
