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
