// One study: the campus, the term, and what the merchant's results page says at the end,
// checked against a brute-force count over the raw events.
import type { ExperimentResults } from '../../core/contracts/experiments';
import { buildCampus, OWNER, SHOP } from './campus';
import { expected, MODEL, type Model } from './model';
import { countByBruteForce, readEvents } from './oracle';
import { Rng } from './rng';
import { buildTable, type Table } from './table';
import { runTerm, type TermOutcome } from './term';

export interface StudyOptions {
  students: number;
  weeks: number;
  seed: number;
  /** 1: the study's effects; 0: none. */
  effect: number;
  model?: Model;
  /** Progress, once a simulated day. */
  onDay?: (day: number, days: number) => void;
}

export interface StudyRun {
  options: Omit<StudyOptions, 'onDay' | 'model'>;
  results: ExperimentResults;
  table: Table;
  term: TermOutcome;
  params: ReturnType<typeof expected>;
  /** Cards whose arm, as the student saw it, differs from the arm the server assigned. */
  armMismatches: number;
  /** Students whose counted figures differ from what the simulation had them do. */
  ledgerMismatches: string[];
  calls: number;
  events: number;
  profile: [string, { n: number; ms: number }][];
  ms: { campus: number; term: number; total: number };
}

export async function runStudy(o: StudyOptions): Promise<StudyRun> {
  const m = o.model ?? MODEL;
  const started = performance.now();
  const rng = new Rng(o.seed);
  const campus = await buildCampus({
    students: o.students,
    weeks: o.weeks,
    termStart: m.campus.termStart,
    surveyPercent: m.campus.surveyPercent,
    seed: o.seed,
    rng: rng.fork(),
  });
  const built = performance.now();
  const term = await runTerm(campus, m, o.effect, rng.fork(), o.onDay);
  const ran = performance.now();
  const results = await campus.must<ExperimentResults>('experiments', OWNER, { action: 'results', experimentId: campus.experimentId });
  const events = await readEvents(campus.cloud);
  const x = results.experiment;
  const oracle = countByBruteForce(events, { id: x.id, merchantId: SHOP, windowDays: x.windowDays, stopAt: x.stopAt, arms: x.arms.length });
  const params = expected(o.effect, m);
  const table = buildTable(results, oracle.arms, params);
  // What the students did by the simulation's own ledger against what the events say they did.
  const ledgerMismatches: string[] = [];
  for (const [openid, did] of term.did) {
    const counted = oracle.students.get(openid);
    for (const k of ['orders', 'likes', 'comments', 'shares'] as const)
      if (counted?.[k] !== did[k]) ledgerMismatches.push(`${openid} ${k}: did ${did[k]}, counted ${counted?.[k]}`);
  }
  // What each student saw against what the server wrote down (read only now, after the term).
  let armMismatches = 0;
  for (const e of events) if (e.type === 'experiment_exposure' && term.perceived.get(e.openid) !== (e.arm !== 0)) armMismatches++;
  const { total: eventCount } = await campus.cloud.db.collection('events').count();
  campus.cloud.close();
  const { onDay: _, model: __, ...options } = o;
  return {
    options,
    results,
    table,
    term,
    params,
    armMismatches,
    ledgerMismatches,
    calls: campus.calls(),
    events: eventCount,
    profile: [...campus.profile].sort((a, b) => b[1].ms - a[1].ms),
    ms: { campus: built - started, term: ran - built, total: performance.now() - started },
  };
}
