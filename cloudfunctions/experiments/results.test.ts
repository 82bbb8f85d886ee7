// From events to an experiment's results through the rollup: per-student figures inside their
// window, per-arm sums, and the comparison the results page shows, against a brute-force oracle
// over the raw events (the statistics themselves are checked against textbooks in core/).
import { cronbachAlphaRaw } from '../../core/experiments/analysis';
import { welchTTest } from '../../core/stats';
import { OWNER, SHOP, STUDENTS } from '../groupbuy/fixture';
import { DAY, experimentWorld, exposure, liked, paid, refunded } from './fixture';

const SETTLED = 10 * 60_000;

describe('experiment results', () => {
  it('counts each student inside their window and compares the arms like a t-test on the raw figures', async () => {
    const w = await experimentWorld();
    const E = await w.running({ windowDays: 7 });
    const t0 = w.clock.now() - 20 * DAY;
    const d = (days: number) => new Date(t0 + days * DAY);
    const students = Array.from({ length: 12 }, (_, i) => `st-${i}`);
    const events = [
      // Arm 0: st-0..5; arm 1: st-6..11, all exposed on day 0 (st-5 on day 2).
      ...students.map((s, i) => exposure(E, s, i < 6 ? 0 : 1, d(i === 5 ? 2 : 0))),
      paid('st-0', 'o1', 1000, d(1)),
      paid('st-0', 'o2', 2000, d(2)),
      paid('st-1', 'o3', 500, d(1)),
      // Before exposure, after the window, at another shop: none of these count.
      paid('st-5', 'o4', 900, d(1)),
      paid('st-2', 'o5', 900, d(8)),
      paid('st-3', 'o6', 900, d(3), 'other-shop'),
      paid('st-6', 'o7', 1000, d(1)),
      paid('st-6', 'o8', 1000, d(2)),
      paid('st-6', 'o9', 1000, d(3)),
      paid('st-7', 'o10', 3000, d(1)),
      paid('st-7', 'o11', 3000, d(1.5)),
      paid('st-8', 'o12', 1500, d(4)),
      // A full refund takes st-7 back to one order (no longer a repeat buyer); a partial one keeps the order.
      refunded('st-7', 'o11', 3000, 3000, d(9)),
      refunded('st-6', 'o9', 1000, 400, d(5)),
      liked('st-6', 'n1', d(1)),
      liked('st-6', 'n2', d(1)),
      liked('st-0', 'n1', d(1)),
      liked('st-9', 'n1', d(10)),
    ];
    w.insertEvents(events);
    w.clock.advance(SETTLED);
    await w.rollupUntilQuiet();
    const r = await w.results(E);

    // Hand-counted: arm 0 buyers st-0 (2 orders), st-1 (1); arm 1 st-6 (3), st-7 (1 after the refund), st-8 (1).
    expect(r.arms.map((a) => [a.exposed, a.buyers])).toEqual([
      [6, 2],
      [6, 3],
    ]);
    const cmp = Object.fromEntries(r.comparisons[0].metrics.map((m) => [m.metric, m]));
    expect(cmp.repurchase.control).toEqual({ n: 2, value: 0.5 });
    expect(cmp.repurchase.treatment).toEqual({ n: 3, value: 1 / 3 });
    const orders = { control: [2, 1, 0, 0, 0, 0], treatment: [3, 1, 1, 0, 0, 0] };
    expect(cmp.orders.control.value).toBeCloseTo(3 / 6, 12);
    expect(cmp.orders.treatment.value).toBeCloseTo(5 / 6, 12);
    expect(cmp.orders.lift).toBeCloseTo(5 / 3 - 1, 12);
    expect(cmp.orders.p).toBeCloseTo(welchTTest(orders.treatment, orders.control).p, 9);
    // Spend: arm 0 3000 + 500; arm 1 3000 − 400 + 3000 + 3000 − 3000 + 1500.
    expect(cmp.spend.control.value).toBeCloseTo(3500 / 6, 9);
    expect(cmp.spend.treatment.value).toBeCloseTo(7100 / 6, 9);
    expect(cmp.refunds.treatment.value).toBeCloseTo(2 / 6, 12);
    expect(cmp.likes.control.value).toBeCloseTo(1 / 6, 12);
    expect(cmp.likes.treatment.value).toBeCloseTo(2 / 6, 12);
    expect(cmp.repurchase.lowData).toBe(true);
    expect(r.srm?.mismatch).toBe(false);
    w.dispose();
  });

  it('raises the sample-ratio alarm when one arm lost students, and not for a fair split', async () => {
    const w = await experimentWorld();
    const E = await w.running();
    const at = new Date(w.clock.now() - DAY);
    // 300 against 200 at 50/50: chi2 = 2 × 50² / 250 = 20, p ≈ 7.7e-6.
    w.insertEvents(Array.from({ length: 500 }, (_, i) => exposure(E, `sk-${i}`, i < 300 ? 0 : 1, at)));
    w.clock.advance(SETTLED);
    await w.rollupUntilQuiet();
    const r = await w.results(E);
    expect(r.srm?.chi2).toBeCloseTo(20, 9);
    expect(r.srm?.mismatch).toBe(true);

    const F = await w.running({ requestId: 'exp-request-2' });
    w.insertEvents(Array.from({ length: 500 }, (_, i) => exposure(F, `fair-${i}`, i < 255 ? 0 : 1, new Date(w.clock.now() - DAY))));
    w.clock.advance(SETTLED);
    await w.rollupUntilQuiet();
    expect((await w.results(F)).srm?.mismatch).toBe(false);
    w.dispose();
  });

  it('reads a constant number of documents however many events there are', async () => {
    const ops: number[] = [];
    for (const size of [50, 400]) {
      const w = await experimentWorld();
      const E = await w.running();
      const at = new Date(w.clock.now() - DAY);
      w.insertEvents(Array.from({ length: size }, (_, i) => exposure(E, `c-${i}`, i % 2, at)));
      w.insertEvents(Array.from({ length: size }, (_, i) => paid(`c-${i}`, `oc-${i}`, 100, new Date(at.getTime() + 1000))));
      w.clock.advance(SETTLED);
      await w.rollupUntilQuiet();
      const metered = await w.callMetered('experiments', OWNER, { action: 'results', experimentId: E });
      expect(metered.result.ok).toBe(true);
      ops.push(metered.ops.reads + metered.ops.writes);
      w.dispose();
    }
    expect(ops[1]).toBe(ops[0]);
    expect(ops[0]).toBeLessThanOrEqual(5);
  });

  it('only the shop that owns an experiment reads it', async () => {
    const w = await experimentWorld();
    const E = await w.running();
    const r = await w.call('experiments', STUDENTS[0], { action: 'results', experimentId: E });
    expect(r.ok ? 'ok' : r.code).toBe('FORBIDDEN');
    expect(SHOP).toBeTruthy();
    w.dispose();
  });
});

describe('satisfaction', () => {
  it('scores each dimension on 100 per arm, with Welch p and Cronbach alpha as on the raw sheets', async () => {
    const w = await experimentWorld();
    const E = await w.running({ surveyPercent: 100 });
    const at = new Date(w.clock.now() - DAY);
    // Price answers (3 items) by respondent; other dimensions all 4s.
    const sheets: Record<number, number[][]> = {
      0: [
        [4, 5, 4],
        [3, 3, 4],
        [5, 6, 5],
      ],
      1: [
        [6, 7, 6],
        [5, 5, 6],
        [7, 6, 7],
        [4, 5, 5],
      ],
    };
    const events = Object.entries(sheets).flatMap(([arm, rows]) =>
      rows.map((price, i) => ({
        _id: `survey:${E}:sv-${arm}-${i}`,
        type: 'survey_answered',
        at,
        openid: `sv-${arm}-${i}`,
        surveyId: E,
        experimentId: E,
        merchantId: SHOP,
        arm: Number(arm),
        answers: { price, matching: [4, 4, 4], timeliness: [4, 4, 4], interaction: [4, 4, 4], service: [4, 4, 4], overall: [4, 4, 4] },
      })),
    );
    w.insertEvents(events);
    w.clock.advance(SETTLED);
    await w.rollupUntilQuiet();
    const r = await w.results(E);
    const price = r.comparisons[0].satisfaction.find((c) => c.metric === 'satisfaction.price');
    // A respondent's score: the mean of their items, (x − 1) / 6 × 100.
    const score = (row: number[]) => ((row.reduce((s, x) => s + x, 0) / row.length - 1) / 6) * 100;
    const [c, t] = [sheets[0].map(score), sheets[1].map(score)];
    // Control: (13/3, 10/3, 16/3) → 55.56, 38.89, 72.22; mean 55.56.
    expect(price?.control.value).toBeCloseTo(500 / 9, 9);
    expect(price?.treatment.value).toBeCloseTo(t.reduce((s, x) => s + x, 0) / 4, 9);
    expect(price?.p).toBeCloseTo(welchTTest(t, c).p, 9);
    const alpha = r.satisfaction.find((s) => s.dimension === 'price')?.alpha;
    expect(alpha?.[0]).toBeCloseTo(cronbachAlphaRaw(sheets[0]), 9);
    expect(alpha?.[1]).toBeCloseTo(cronbachAlphaRaw(sheets[1]), 9);
    expect(r.satisfaction.find((s) => s.dimension === 'price')?.n).toEqual([3, 4]);
    w.dispose();
  });
});
