import fc from 'fast-check';
import { welchTTest } from '../stats';
import { type Aggregate, cronbachAlpha, cronbachAlphaRaw, holm, proportionLift, relativeLift, summarize, welchFromSummaries } from './analysis';

const aggregate = (xs: number[]): Aggregate => ({ n: xs.length, sum: xs.reduce((a, b) => a + b, 0), sumSq: xs.reduce((a, b) => a + b * b, 0) });

// The rollup of a k-item scale, built the way a survey rollup would keep it.
const scaleAggregate = (rows: number[][]) => {
  const k = rows[0].length;
  const totals = rows.map((r) => r.reduce((a, b) => a + b, 0));
  return {
    k,
    n: rows.length,
    itemSums: Array.from({ length: k }, (_, i) => rows.reduce((a, r) => a + r[i], 0)),
    itemSumSqs: Array.from({ length: k }, (_, i) => rows.reduce((a, r) => a + r[i] * r[i], 0)),
    totalSum: totals.reduce((a, b) => a + b, 0),
    totalSumSq: totals.reduce((a, b) => a + b * b, 0),
  };
};

const sameNumber = (a: number, b: number, rel: number) => (Number.isNaN(a) && Number.isNaN(b)) || a === b || Math.abs(a - b) <= rel * Math.abs(b);

describe('summarize', () => {
  test('2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample variance 32/7 (by hand: squared deviations 9+1+1+1+0+0+4+16)', () => {
    expect(summarize({ n: 8, sum: 40, sumSq: 232 })).toEqual({ n: 8, mean: 5, variance: 32 / 7 });
  });

  test('no units: mean and variance NaN; one unit: variance NaN; a constant arm: variance exactly 0', () => {
    expect(summarize({ n: 0, sum: 0, sumSq: 0 })).toEqual({ n: 0, mean: Number.NaN, variance: Number.NaN });
    expect(summarize({ n: 1, sum: 3, sumSq: 9 })).toEqual({ n: 1, mean: 3, variance: Number.NaN });
    expect(summarize(aggregate([7, 7, 7]))).toEqual({ n: 3, mean: 7, variance: 0 });
  });
});

describe('welchFromSummaries', () => {
  // Wikipedia, "Welch's t-test", example 2 (unequal sizes), and R's p for it as quoted by Rosetta
  // Code's "Welch's t-test" task: t = -1.57, df = 9.9, p = 0.148841696605327.
  test('Wikipedia example 2 from its aggregates', () => {
    const a = [17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8];
    const b = [21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8];
    const r = welchFromSummaries(summarize(aggregate(a)), summarize(aggregate(b)));
    expect(r.t).toBeCloseTo(-1.57, 2);
    expect(r.df).toBeCloseTo(9.9, 1);
    expect(Math.abs(r.p - 0.148841696605327)).toBeLessThan(1e-6 * 0.1488);
  });

  test('property: the same t, df and p as welchTTest on whole-number data (counts, fen, answers), degenerate arms included', () => {
    const arm = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 0, maxLength: 60 });
    fc.assert(
      fc.property(arm, arm, (a, b) => {
        const raw = welchTTest(a, b);
        const agg = welchFromSummaries(summarize(aggregate(a)), summarize(aggregate(b)));
        expect(sameNumber(agg.t, raw.t, 1e-9)).toBe(true);
        expect(sameNumber(agg.df, raw.df, 1e-9)).toBe(true);
        expect(sameNumber(agg.p, raw.p, 1e-7)).toBe(true);
      }),
    );
  });

  test('property: the same numbers on real-valued data whose spread is not lost next to its mean', () => {
    const arm = fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 60 });
    fc.assert(
      fc.property(arm, arm, (a, b) => {
        const sa = summarize(aggregate(a));
        const sb = summarize(aggregate(b));
        // Sums of squares lose a variance that is below ~1e-9 of the squared mean; a rollup of such
        // a metric would keep shifted values instead.
        fc.pre(sa.variance > 1e-6 * (1 + sa.mean ** 2) && sb.variance > 1e-6 * (1 + sb.mean ** 2));
        const raw = welchTTest(a, b);
        const agg = welchFromSummaries(sa, sb);
        expect(sameNumber(agg.t, raw.t, 1e-8)).toBe(true);
        expect(sameNumber(agg.df, raw.df, 1e-8)).toBe(true);
        expect(Math.abs(agg.p - raw.p)).toBeLessThan(1e-7);
      }),
    );
  });
});

describe('relativeLift', () => {
  // By hand. Control: n 100, mean 10, variance 4 (sum 1000, sumSq = 99*4 + 100*10^2 = 10396).
  // Treatment: n 100, mean 11, variance 9 (sum 1100, sumSq = 99*9 + 100*11^2 = 12991).
  // lift = 1/10 = 0.1; var = 9/(100*100) + 121*4/(100*10^4) = 0.0009 + 0.000484 = 0.001384,
  // sqrt = 0.0372022. Welch df = (0.04 + 0.09)^2 / ((0.04^2 + 0.09^2)/99) = 0.0169*99/0.0097 = 172.48,
  // and a t table gives t_{0.975} = 1.976 at df 150 and 1.972 at df 200, so the half-width is
  // 1.974 * 0.0372022 = 0.07344 (1.96 would give 0.07292): low 0.02656, high 0.17344.
  const control = { n: 100, sum: 1000, sumSq: 10396 };
  const treatment = { n: 100, sum: 1100, sumSq: 12991 };

  test('a +10% lift with its delta-method interval', () => {
    const r = relativeLift(control, treatment);
    expect(r).not.toBeNull();
    if (!r) return;
    expect(r.lift).toBeCloseTo(0.1, 12);
    const quantile = (r.high - r.lift) / Math.sqrt(0.001384);
    expect(quantile).toBeGreaterThan(1.972);
    expect(quantile).toBeLessThan(1.976);
    expect(r.lift - r.low).toBeCloseTo(r.high - r.lift, 12);
    expect(r.low).toBeCloseTo(0.02656, 4);
    expect(r.high).toBeCloseTo(0.17344, 4);
  });

  test('null when the control mean is 0 or an arm is empty; NaN bounds when an arm has one unit', () => {
    expect(relativeLift({ n: 10, sum: 0, sumSq: 4 }, treatment)).toBeNull();
    expect(relativeLift({ n: 0, sum: 0, sumSq: 0 }, treatment)).toBeNull();
    expect(relativeLift(control, { n: 0, sum: 0, sumSq: 0 })).toBeNull();
    const one = relativeLift(control, { n: 1, sum: 12, sumSq: 144 });
    expect(one?.lift).toBeCloseTo(0.2, 12);
    expect(one?.low).toBeNaN();
  });
});

describe('proportionLift', () => {
  // By hand. Control 100/1000 = 0.10, treatment 120/1000 = 0.12: lift = 0.02/0.10 = 0.2;
  // var = 0.12*0.88/(1000*0.01) + 0.0144*0.1*0.9/(1000*0.0001) = 0.01056 + 0.01296 = 0.02352,
  // sqrt = 0.153362; half-width 1.959964 * 0.153362 = 0.300584: low -0.100584, high 0.500584.
  // Pooled z: p = 220/2000 = 0.11, se = sqrt(0.11*0.89*(2/1000)) = 0.0139929,
  // z = -0.02/0.0139929 = -1.4293, and the normal table gives two-sided p = 0.153.
  test('+20% conversion with its interval and the z test p', () => {
    const r = proportionLift(100, 1000, 120, 1000);
    expect(r).not.toBeNull();
    if (!r) return;
    expect(r.lift).toBeCloseTo(0.2, 12);
    expect(r.low).toBeCloseTo(-0.100584, 5);
    expect(r.high).toBeCloseTo(0.500584, 5);
    expect(r.p).toBeCloseTo(0.153, 3);
  });

  test('null when the control rate is 0; bad counts throw', () => {
    expect(proportionLift(0, 1000, 5, 1000)).toBeNull();
    expect(() => proportionLift(5, 4, 5, 1000)).toThrow(RangeError);
  });
});

describe('cronbachAlpha', () => {
  // By hand, 4 respondents x 3 items:
  //   1 2 3 (total 6) / 2 3 3 (8) / 3 3 4 (10) / 4 4 4 (12)
  // item variances: 5/3 (squared deviations 2.25+0.25+0.25+2.25), 2/3 (1+0+0+1), 1/3 (4 x 0.25),
  // sum 8/3; totals 6, 8, 10, 12 have variance 20/3 (9+1+1+9 over 3).
  // alpha = 3/2 * (1 - (8/3)/(20/3)) = 1.5 * 0.6 = 0.9.
  const table = [
    [1, 2, 3],
    [2, 3, 3],
    [3, 3, 4],
    [4, 4, 4],
  ];
  // By hand, 3 respondents x 2 items: (1,2) (2,1) (3,3). Item variances 1 and 1; totals 3, 3, 6
  // have variance 3 (1+1+4 over 2). alpha = 2/1 * (1 - 2/3) = 2/3.
  const pairs = [
    [1, 2],
    [2, 1],
    [3, 3],
  ];

  test('hand-computed tables: 0.9 and 2/3, from the answers and from the aggregates', () => {
    expect(cronbachAlphaRaw(table)).toBeCloseTo(0.9, 12);
    expect(cronbachAlpha(scaleAggregate(table))).toBeCloseTo(0.9, 12);
    expect(cronbachAlphaRaw(pairs)).toBeCloseTo(2 / 3, 12);
    expect(cronbachAlpha(scaleAggregate(pairs))).toBeCloseTo(2 / 3, 12);
  });

  test('undefined (NaN) with one respondent or totals that do not vary; fewer than 2 items throw', () => {
    expect(cronbachAlphaRaw([[1, 2, 3]])).toBeNaN();
    expect(cronbachAlpha(scaleAggregate([[1, 2, 3]]))).toBeNaN();
    const constant = [
      [4, 4],
      [4, 4],
    ];
    const crossed = [
      [3, 5],
      [5, 3],
    ];
    expect(cronbachAlphaRaw(constant)).toBeNaN();
    expect(cronbachAlpha(scaleAggregate(crossed))).toBeNaN(); // the items vary, the totals (8, 8) do not
    expect(() => cronbachAlphaRaw([[1], [2]])).toThrow(RangeError);
    expect(() => cronbachAlphaRaw([[1, 2], [2]])).toThrow(RangeError);
    expect(() => cronbachAlpha({ ...scaleAggregate(table), k: 1 })).toThrow(RangeError);
  });

  test('property: aggregates and answers agree on 7-point Likert sheets', () => {
    const sheets = fc
      .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 40 }))
      .chain(([k, n]) => fc.array(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(sheets, (rows) => {
        expect(sameNumber(cronbachAlpha(scaleAggregate(rows)), cronbachAlphaRaw(rows), 1e-9)).toBe(true);
      }),
    );
  });
});

describe('holm', () => {
  // Wikipedia, "Holm-Bonferroni method", example: four hypotheses with p = 0.01, 0.04, 0.03, 0.005
  // at alpha 0.05 reject H1 and H4 only. By hand, sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1
  // are 0.02, 0.03, 0.06, 0.04, made non-decreasing: 0.02, 0.03, 0.06, 0.06; back in order:
  test("Wikipedia's four hypotheses: adjusted 0.03, 0.06, 0.06, 0.02", () => {
    const adjusted = holm([0.01, 0.04, 0.03, 0.005]);
    const expected = [0.03, 0.06, 0.06, 0.02];
    for (let i = 0; i < 4; i++) expect(adjusted[i]).toBeCloseTo(expected[i], 12);
    expect(adjusted.map((p) => p < 0.05)).toEqual([true, false, false, true]);
  });

  test('capped at 1; empty in, empty out; p outside [0, 1] throws', () => {
    expect(holm([0.5, 0.6])).toEqual([1, 1]);
    expect(holm([])).toEqual([]);
    expect(() => holm([0.5, Number.NaN])).toThrow(RangeError);
    expect(() => holm([1.2])).toThrow(RangeError);
  });

  test('property: adjusted >= raw, <= 1, ordered like the raw p-values, at most m times the raw', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), (ps) => {
        const adj = holm(ps);
        const m = ps.length;
        // Booleans rather than expect() in the loops: a failing run shrinks quickly.
        return ps.every((p, i) => adj[i] >= p && adj[i] <= Math.min(1, m * p) + 1e-15 && ps.every((q, j) => !(p < q) || adj[i] <= adj[j]));
      }),
    );
  });
});
