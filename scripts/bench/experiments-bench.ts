// npm run bench:experiments: an experiment's results page over 10,000 and 1,000,000 events
// (BENCH_EVENTS=10000,1000000): half exposures of students to the two arms, half their paid
// orders. The rollup timer folds the history first (its throughput is reported: events per
// second locally, and WeChat time at 10 ms per operation); then experiments.results is called and
// its database operations counted. They do not depend on the number of events: the page reads
// the experiment, its arm counters and the rollup's position, never the events.
import { design, experimentWorld } from '../../cloudfunctions/experiments/fixture';
import { OWNER, SHOP } from '../../cloudfunctions/groupbuy/fixture';

const SIZES = (process.env.BENCH_EVENTS ?? '10000,1000000').split(',').map(Number);
const DAY = 86_400_000;
const OP_MS = 10;

function* history(n: number, experimentId: string, now: number) {
  const from = now - 20 * DAY;
  const students = Math.max(1, Math.floor(n / 2));
  for (let i = 0; i < n; i++) {
    const at = new Date(from + Math.floor((i * (20 * DAY - 10 * 60_000)) / n));
    const s = i % students;
    const openid = `bx-${s}`;
    if (i < students)
      yield { _id: `exposure:${experimentId}:${openid}`, type: 'experiment_exposure', at, openid, experimentId, merchantId: SHOP, arm: s % 2, phase: 0 };
    else yield { _id: `bx-e-${i}`, type: 'order_paid', at, openid: '', buyer: openid, orderId: `bx-o-${i}`, groupId: 'g', merchantId: SHOP, amountFen: 1990 };
  }
}

async function bench(n: number) {
  const w = await experimentWorld({ quiet: true, durable: true });
  const experimentId = (await w.x<{ experimentId: string }>('save', design(w.clock.now(), { windowDays: 60 }))).experimentId;
  await w.x('start', { experimentId });
  const batch: Record<string, unknown>[] = [];
  for (const e of history(n, experimentId, w.clock.now())) {
    batch.push(e);
    if (batch.length === 50_000) w.insertEvents(batch.splice(0) as never);
  }
  w.insertEvents(batch as never);
  const t = performance.now();
  let ops = 0;
  for (;;) {
    const before = w.fingerprint();
    const r = await w.cloud.invokeMetered('analytics', { Type: 'Timer', TriggerName: 'rollup' }, { source: 'wx_trigger' });
    ops += r.ops.reads + r.ops.writes;
    if (w.fingerprint() === before) break;
  }
  const rollupS = (performance.now() - t) / 1000;
  const res = await w.callMetered('experiments', OWNER, { action: 'results', experimentId });
  if (!res.result.ok) throw new Error(res.result.message);
  const r = res.result.data as { arms: { exposed: number; buyers: number }[] };
  console.log(
    `${n.toLocaleString('en')} events: results ${res.ops.reads} reads, ${res.ops.writes} writes, ${res.ops.scanned} rows examined; ` +
      `arms exposed ${r.arms.map((a) => a.exposed).join('/')}, buyers ${r.arms.map((a) => a.buyers).join('/')}; ` +
      `rollup ${ops.toLocaleString('en')} operations in ${rollupS.toFixed(1)} s here (${Math.round(n / rollupS).toLocaleString('en')} events/s), ~${Math.round((ops * OP_MS) / 1000)} s at ${OP_MS} ms per operation in WeChat Cloud`,
  );
  w.dispose();
}

(async () => {
  for (const n of SIZES) await bench(n);
})();
