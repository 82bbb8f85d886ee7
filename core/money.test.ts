import fc from 'fast-check';
import { formatFen, parseYuan, splitFen } from './money';

describe('money', () => {
  it('formats fen as yuan', () => {
    expect(formatFen(1230)).toBe('¥12.30');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(-199)).toBe('-¥1.99');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(() => formatFen(1.5)).toThrow(/integer/);
  });

  it('splits into integer parts that always sum to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = splitFen(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(Math.abs(p - (total * weights[i]) / weights.reduce((a, b) => a + b, 0))).toBeLessThan(1);
          });
        },
      ),
    );
  });
});

describe('parseYuan', () => {
  it('reads what a merchant types into fen, without floating point', () => {
    expect(parseYuan('29.9')).toBe(2990);
    expect(parseYuan('29.90')).toBe(2990);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan(' 12 ')).toBe(1200);
    for (const bad of ['', '-1', '1.234', 'abc', '1e3', '.5']) expect(parseYuan(bad)).toBeNull();
  });
  it('round-trips with formatFen', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 }), (fen) => expect(parseYuan(formatFen(fen).replace(/[¥,]/g, ''))).toBe(fen)));
  });
});

describe('splitFen by hand', () => {
  it('gives the leftover fen to the largest remainders, ties to the earlier part', () => {
    expect(splitFen(100, [1, 1, 1])).toEqual([34, 33, 33]); // 33.33 each: one fen left, the first takes it
    expect(splitFen(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(splitFen(1, [1, 3])).toEqual([0, 1]); // 0.25 and 0.75: the larger remainder wins
    expect(splitFen(1, [1, 1, 2])).toEqual([0, 0, 1]); // 0.25, 0.25, 0.5
    expect(splitFen(3, [1, 2, 2])).toEqual([1, 1, 1]); // 0.6, 1.2, 1.2
    expect(splitFen(10, [3, 0, 7])).toEqual([3, 0, 7]);
    expect(splitFen(5, [0, 1])).toEqual([0, 5]);
  });

  it('a negative total splits with the same shape and its sign; zero gives zeros', () => {
    expect(splitFen(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(splitFen(-1, [1, 3])).toEqual([0, -1]);
    const zero = splitFen(0, [1, 2]);
    expect(zero).toEqual([0, 0]);
    for (const p of zero) expect(Object.is(p, 0)).toBe(true); // never -0
  });

  it('refuses what cannot be split', () => {
    expect(() => splitFen(100, [])).toThrow('splitFen needs at least one weight');
    for (const bad of [[1, -1], [Number.NaN], [Number.POSITIVE_INFINITY, 1]])
      expect(() => splitFen(100, bad)).toThrow('weights must be finite and non-negative');
    expect(() => splitFen(100, [0, 0])).toThrow('weights must not all be zero');
    expect(() => splitFen(1.5, [1])).toThrow('money must be an integer number of fen, got 1.5');
  });
});
