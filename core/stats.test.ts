import fc from 'fast-check';
import { likertTo100, srmTest, twoProportionZTest, welchTTest } from './stats';

// Relative closeness: jstat's incomplete beta and gamma are good to about 3e-7 relative, so 1e-6.
const close = (actual: number, expected: number, rel = 1e-6) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

describe('welchTTest', () => {
  // Rosetta Code, task "Welch's t-test": eight pairs of samples and the two-sided p-values of R's
  // t.test (Welch by default), quoted there to 15 digits. The first three pairs are Wikipedia's
  // examples ("Welch's t-test", Examples), whose table gives t = -2.46, df = 25.0; t = -1.57,
  // df = 9.9; t = -2.22, df = 24.5 for them.
  const d1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
  const d2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
  const d3 = [17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8];
  const d4 = [21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8];
  const d5 = [19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0];
  const d6 = [28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6, 18.0, 23.9, 21.6, 24.3, 20.4, 24.0, 13.2];
  const d7 = [30.02, 29.99, 30.11, 29.97, 30.01, 29.99];
  const d8 = [29.89, 29.93, 29.72, 29.98, 30.02, 29.98];
  const x = [3.0, 4.0, 1.0, 2.1];
  const y = [490.2, 340.0, 433.9];
  const v1 = [0.010268, 0.000167, 0.000167];
  const v2 = [0.159258, 0.136278, 0.122389];
  const s1 = [1.0 / 15, 10.0 / 62.0];
  const s2 = [1.0 / 10, 2 / 50.0];
  const z1 = [9 / 23.0, 21 / 45.0, 0 / 38.0];
  const z2 = [0 / 44.0, 42 / 94.0, 0 / 22.0];

  test.each([
    { name: 'Wikipedia example 1 (equal sizes)', a: d1, b: d2, p: 0.021378001462867 },
    { name: 'Wikipedia example 2 (unequal sizes and variances)', a: d3, b: d4, p: 0.148841696605327 },
    { name: 'Wikipedia example 3 (the larger sample more spread)', a: d5, b: d6, p: 0.0359722710297968 },
    { name: 'd7 vs d8', a: d7, b: d8, p: 0.090773324285671 },
    { name: 'x vs y (df close to 2)', a: x, b: y, p: 0.0107515611497845 },
    { name: 'v1 vs v2 (tiny values)', a: v1, b: v2, p: 0.00339907162713746 },
    { name: 's1 vs s2 (two values each)', a: s1, b: s2, p: 0.52726574965384 },
    { name: 'z1 vs z2 (zeros among the values)', a: z1, b: z2, p: 0.545266866977794 },
  ])('Rosetta Code / R: $name has p = $p', ({ a, b, p }) => {
    close(welchTTest(a, b).p, p);
  });

  test("Wikipedia's t and df for its three examples", () => {
    const one = welchTTest(d1, d2);
    expect(one.t).toBeCloseTo(-2.46, 2);
    expect(one.df).toBeCloseTo(25.0, 1);
    const two = welchTTest(d3, d4);
    expect(two.t).toBeCloseTo(-1.57, 2);
    expect(two.df).toBeCloseTo(9.9, 1);
    const three = welchTTest(d5, d6);
    expect(three.t).toBeCloseTo(-2.22, 2);
    expect(three.df).toBeCloseTo(24.5, 1);
  });

  test('Rosetta Code (Python entry): x vs y has t = -9.559497721932658, df = 2.0008523488562844', () => {
    const r = welchTTest(x, y);
    close(r.t, -9.559497721932658, 1e-12);
    close(r.df, 2.0008523488562844, 1e-12);
  });

  test('R t.test on a Cross Validated answer: t = -1.8325, df = 17.9, p-value = 0.08356', () => {
    const r = welchTTest([11, 9, 10, 11, 10, 12, 9, 11, 12, 9], [11, 13, 10, 13, 12, 9, 11, 12, 12, 11]);
    expect(r.t).toBeCloseTo(-1.8325, 4);
    expect(r.df).toBeCloseTo(17.9, 1);
    expect(r.p).toBeCloseTo(0.08356, 5);
  });

  test('identical samples: t = 0 and p = 1', () => {
    expect(welchTTest([1, 2, 3, 4], [1, 2, 3, 4])).toEqual({ t: 0, df: 6, p: 1 });
  });

  test("degenerate inputs answer scipy's t and p (df NaN where scipy puts a placeholder 1)", () => {
    expect(welchTTest([1], [2, 3, 4])).toEqual({ t: Number.NaN, df: Number.NaN, p: Number.NaN });
    expect(welchTTest([], [1, 2])).toEqual({ t: Number.NaN, df: Number.NaN, p: Number.NaN });
    expect(welchTTest([1, 1], [2, 2, 2])).toEqual({ t: Number.NEGATIVE_INFINITY, df: Number.NaN, p: 0 });
    expect(welchTTest([2, 2], [1, 1, 1])).toEqual({ t: Number.POSITIVE_INFINITY, df: Number.NaN, p: 0 });
    expect(welchTTest([1, 1], [1, 1, 1])).toEqual({ t: Number.NaN, df: Number.NaN, p: Number.NaN });
    // One arm constant: df is the other arm's n - 1 (here 2), as in scipy (t = -1.7320508, p = 0.2254033).
    const r = welchTTest([1, 1], [1, 2, 3]);
    expect(r.df).toBe(2);
    expect(r.t).toBeCloseTo(-Math.sqrt(3), 12);
  });

  const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 40 });

  test('property: swapping the arms flips t and keeps df and p', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ab = welchTTest(a, b);
        const ba = welchTTest(b, a);
        expect(Object.is(ba.t, -ab.t) || ba.t === -ab.t || (Number.isNaN(ba.t) && Number.isNaN(ab.t))).toBe(true);
        expect(ba.df).toBe(ab.df);
        expect(ba.p).toBe(ab.p);
      }),
    );
  });

  test('property: p is in [0, 1] (or NaN only when both arms are constant with equal means)', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const { p } = welchTTest(a, b);
        if (Number.isNaN(p)) expect(new Set([...a, ...b]).size).toBe(1);
        else expect(p >= 0 && p <= 1).toBe(true);
      }),
    );
  });

  test('large df: p stays right where 2 * jStat.studentt.cdf(-|t|, df) does not converge', () => {
    // Two arms of 500,000 units, half of them 1 (a conversion) and half 0; the second arm has 5 more
    // ones. Mean difference 1e-5, standard error sqrt(2 * 0.25 / 500000) = 1e-3, so t = 0.01 with
    // df ~ 1e6, where Student's t is the normal: p = 2 * (1 - Phi(0.01)) = 2 * (1 - 0.503989)
    // = 0.99202 (normal table). jstat's studentt.cdf gives 1.02 there.
    const n = 500_000;
    const a = Array.from({ length: n }, (_, i) => i % 2);
    const b = a.map((v, i) => (i < 10 && v === 0 ? 1 : v));
    const r = welchTTest(b, a);
    expect(r.df).toBeGreaterThan(9.9e5);
    expect(r.t).toBeCloseTo(0.01, 5);
    expect(r.p).toBeCloseTo(0.99202, 4);
  });
});

describe('twoProportionZTest', () => {
  // statsmodels' proportions_ztest docstring: count = [5, 12], nobs = [83, 99] prints p 0.159;
  // its test suite (GH 2969) pins stat = -1.4078304151258787, pval = 0.15918129181156992.
  // By hand: pooled p = 17/182 = 0.093407, se = sqrt(0.093407 * 0.906593 * (1/83 + 1/99)) = 0.043309,
  // z = (0.060241 - 0.121212) / 0.043309 = -1.4078.
  test('statsmodels: 5/83 vs 12/99', () => {
    const r = twoProportionZTest(5, 83, 12, 99);
    close(r.z, -1.4078304151258787, 1e-12);
    close(r.p, 0.15918129181156992);
    expect(r.p.toFixed(3)).toBe('0.159');
  });

  // An A/B write-up's statsmodels output: conversions [486, 527] of [5000, 5000] ->
  // "zscore = -1.3589, pvalue = 0.1742".
  test('486/5000 vs 527/5000: z = -1.3589, p = 0.1742', () => {
    const r = twoProportionZTest(486, 5000, 527, 5000);
    expect(r.z).toBeCloseTo(-1.3589, 4);
    expect(r.p).toBeCloseTo(0.1742, 4);
  });

  test('equal rates: z = 0, p = 1; nobody or everybody converted: NaN (0/0), as statsmodels', () => {
    expect(twoProportionZTest(10, 100, 20, 200)).toEqual({ z: 0, p: 1 });
    expect(twoProportionZTest(0, 100, 0, 50)).toEqual({ z: Number.NaN, p: Number.NaN });
    expect(twoProportionZTest(100, 100, 50, 50)).toEqual({ z: Number.NaN, p: Number.NaN });
  });

  test('counts out of range are refused', () => {
    expect(() => twoProportionZTest(5, 0, 1, 10)).toThrow(RangeError);
    expect(() => twoProportionZTest(11, 10, 1, 10)).toThrow(RangeError);
    expect(() => twoProportionZTest(-1, 10, 1, 10)).toThrow(RangeError);
    expect(() => twoProportionZTest(1, 10, Number.NaN, 10)).toThrow(RangeError);
  });

  test("a huge difference gives p at or below ~1e-15, never negative (jstat's normal tail bottoms out there)", () => {
    // By hand: pooled p = 0.5, se = sqrt(0.25 * 2/1000) = 0.022361, z = 0.2 / 0.022361 = 8.944.
    const { z, p } = twoProportionZTest(600, 1000, 400, 1000);
    expect(z).toBeCloseTo(8.944, 3);
    expect(p >= 0 && p < 1e-15).toBe(true);
  });

  const arm = fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  test('property: swapping the arms flips z and keeps p; p is in [0, 1]', () => {
    fc.assert(
      fc.property(arm, arm, ([x1, n1], [x2, n2]) => {
        const ab = twoProportionZTest(x1, n1, x2, n2);
        const ba = twoProportionZTest(x2, n2, x1, n1);
        if (Number.isNaN(ab.z)) {
          expect([ba.z, ab.p, ba.p].every(Number.isNaN)).toBe(true);
          return;
        }
        expect(ba.z).toBeCloseTo(-ab.z, 12);
        expect(ba.p).toBeCloseTo(ab.p, 12);
        expect(ab.p >= 0 && ab.p <= 1).toBe(true);
      }),
    );
  });
});

describe('srmTest', () => {
  // Mendel's dihybrid cross (round/yellow, wrinkled/yellow, round/green, wrinkled/green), the
  // textbook chi-square goodness of fit: 315, 108, 101, 32 of 556 against 9:3:3:1.
  // By hand: expected 312.75, 104.25, 104.25, 34.75; chi2 = 5.0625/312.75 + 14.0625/104.25
  // + 10.5625/104.25 + 7.5625/34.75 = 0.016187 + 0.134892 + 0.101319 + 0.217626 = 0.470024;
  // df = 3 and the published p = 0.925.
  test("Mendel's peas: chi2 = 0.470, df 3, p = 0.925", () => {
    const r = srmTest([315, 108, 101, 32], [9, 3, 3, 1]);
    expect(r.chi2).toBeCloseTo(0.470024, 6);
    expect(r.p).toBeCloseTo(0.925, 3);
  });

  // A 50/50 experiment with 5,000 and 5,200 exposures. By hand: expected 5,100 each,
  // chi2 = 2 * 100^2 / 5100 = 3.921569; with df 1 p = 2 * (1 - Phi(sqrt(3.921569) = 1.9803)),
  // and the normal table gives Phi(1.98) = 0.97615, so p = 0.0477.
  test('a 50/50 split seen as 5000/5200: chi2 = 3.9216, p = 0.0477', () => {
    const r = srmTest([5000, 5200], [50, 50]);
    expect(r.chi2).toBeCloseTo(3.921569, 6);
    expect(r.p).toBeCloseTo(0.0477, 4);
  });

  test('counts exactly in proportion: chi2 = 0, p = 1; no units at all: NaN, as scipy', () => {
    expect(srmTest([200, 100, 100], [2, 1, 1])).toEqual({ chi2: 0, p: 1 });
    expect(srmTest([0, 0], [1, 1])).toEqual({ chi2: Number.NaN, p: Number.NaN });
  });

  test('malformed input is refused', () => {
    expect(() => srmTest([10], [1])).toThrow(RangeError);
    expect(() => srmTest([10, 10], [1])).toThrow(RangeError);
    expect(() => srmTest([10, -1], [1, 1])).toThrow(RangeError);
    expect(() => srmTest([10, 10], [1, 0])).toThrow(RangeError);
  });

  test('property: p is in [0, 1]', () => {
    const arms = fc
      .integer({ min: 2, max: 6 })
      .chain((k) =>
        fc.tuple(
          fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: k, maxLength: k }),
          fc.array(fc.integer({ min: 1, max: 100 }), { minLength: k, maxLength: k }),
        ),
      );
    fc.assert(
      fc.property(arms, ([counts, weights]) => {
        fc.pre(counts.some((c) => c > 0));
        const { p } = srmTest(counts, weights);
        expect(p >= 0 && p <= 1).toBe(true);
      }),
    );
  });
});

describe('likertTo100', () => {
  test('1 -> 0, 4 -> 50, 7 -> 100, 2 -> 16.67', () => {
    expect(likertTo100(1)).toBe(0);
    expect(likertTo100(4)).toBe(50);
    expect(likertTo100(7)).toBe(100);
    expect(likertTo100(2)).toBeCloseTo(100 / 6, 12);
    expect(likertTo100(5.5)).toBe(75); // an average of answers
  });

  test('off the scale is refused', () => {
    for (const bad of [0, 0.99, 7.01, 8, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => likertTo100(bad)).toThrow(RangeError);
  });
});
