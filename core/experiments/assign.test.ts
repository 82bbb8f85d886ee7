import fc from 'fast-check';
import { armFor, bucketRanges, chooseArm, gbHash } from './assign';

describe('GrowthBook-compatible bucketing', () => {
  // Expected values from GrowthBook's own SDK test cases (packages/sdk-js/test/cases.json, "hash").
  test.each([
    ['', 'a', 1, 0.22],
    ['', 'b', 1, 0.077],
    ['', 'ab', 1, 0.946],
    ['', 'def', 1, 0.652],
    ['', '8952klfjas09ujkasdf', 1, 0.549],
    ['', '123', 1, 0.011],
    ['', '___)((*":&', 1, 0.563],
    ['seed', 'a', 2, 0.0505],
  ] as const)('hash(seed %p, value %p, v%p) = %p', (seed, value, version, expected) => {
    expect(gbHash(seed, value, version)).toBeCloseTo(expected, 10);
  });

  // Also from cases.json ("getBucketRange").
  test('bucket ranges', () => {
    expect(bucketRanges([1, 1], 1)).toEqual([
      [0, 0.5],
      [0.5, 1],
    ]);
    expect(bucketRanges([1, 1], 0.5)).toEqual([
      [0, 0.25],
      [0.5, 0.75],
    ]);
    expect(bucketRanges([1, 1], 0)).toEqual([
      [0, 0],
      [0.5, 0.5],
    ]);
    expect(bucketRanges([1, 1, 1, 1], 1)).toEqual([
      [0, 0.25],
      [0.25, 0.5],
      [0.5, 0.75],
      [0.75, 1],
    ]);
    expect(bucketRanges([40, 60], 1)).toEqual([
      [0, 0.4],
      [0.4, 1],
    ]);
  });

  test('chooseArm', () => {
    const r = bucketRanges([1, 1], 0.5);
    expect(chooseArm(0.1, r)).toBe(0);
    expect(chooseArm(0.3, r)).toBe(-1);
    expect(chooseArm(0.6, r)).toBe(1);
    expect(chooseArm(0.8, r)).toBe(-1);
  });

  test('every student lands in an arm, and arms fill by weight', () => {
    // Full coverage puts every student in an arm.
    fc.assert(fc.property(fc.string(), (openid) => [0, 1].includes(armFor(openid, 'E1', [50, 50]))));
    const counts = [0, 0];
    for (let i = 0; i < 20_000; i++) counts[armFor(`o${i}`, 'EXP7', [30, 70])]++;
    // 30% of 20,000 = 6,000; a binomial sd of 65, so ±300 is over 4 sd.
    expect(Math.abs(counts[0] - 6000)).toBeLessThan(300);
  });

  test('growing coverage keeps every covered student in their arm', () => {
    for (let i = 0; i < 2000; i++) {
      const before = armFor(`s${i}`, 'E2', [50, 50], 0.4);
      if (before >= 0) expect(armFor(`s${i}`, 'E2', [50, 50], 0.9)).toBe(before);
    }
  });
});
