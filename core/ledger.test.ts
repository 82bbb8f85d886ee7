import fc from 'fast-check';
import {
  accrueLines,
  addBalances,
  applyPosting,
  balances,
  clawbackLines,
  commissionAfterRefunds,
  commissionFen,
  EMPTY_BALANCE,
  holdLines,
  isBalanced,
  kocBalances,
  type Line,
  matureLines,
  paidLines,
  releaseLines,
  resolveRate,
} from './ledger';

describe('ledger rules', () => {
  it('floors commission to the fen and resolves the rate product > tier > default', () => {
    expect(commissionFen(2990, 1000)).toBe(299);
    expect(commissionFen(999, 333)).toBe(33);
    expect(resolveRate({ productOverrideBp: 500, tierRateBp: 800, defaultBp: 300 })).toEqual({ rateBp: 500, source: 'product' });
    expect(resolveRate({ tierRateBp: 800, defaultBp: 300 })).toEqual({ rateBp: 800, source: 'tier' });
    expect(resolveRate({ defaultBp: 300 })).toEqual({ rateBp: 300, source: 'default' });
  });

  it('refunds claw back pro rata, never more than was earned, and a full refund takes back everything', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 5 }),
        (base, rate, refunds) => {
          const earned = commissionFen(base, rate);
          let refunded = 0;
          let clawed = 0;
          let left = earned;
          for (const r of refunds) {
            const step = Math.min(r, base - refunded);
            refunded += step;
            const now = commissionAfterRefunds(base, refunded, rate);
            expect(now).toBeLessThanOrEqual(left);
            clawed += left - now;
            left = now;
          }
          expect(clawed + left).toBe(earned);
          if (refunded === base) expect(left).toBe(0);
        },
      ),
    );
  });

  it('random sequences of accrue, mature and clawback: every posting balances, the ledger sums to zero, and pending + available = earned - clawed back', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('accrue' as const), fen: fc.integer({ min: 0, max: 100_000 }) }),
      fc.record({ k: fc.constant('mature' as const) }),
      fc.record({ k: fc.constant('claw' as const), fen: fc.integer({ min: 0, max: 100_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const postings: { lines: Line[] }[] = [];
        let earned = 0;
        let clawed = 0;
        let pending = 0;
        for (const o of ops) {
          if (o.k === 'accrue') {
            postings.push({ lines: accrueLines('m1', 'k1', o.fen) });
            earned += o.fen;
            pending += o.fen;
          } else if (o.k === 'mature' && pending > 0) {
            postings.push({ lines: matureLines('k1', pending) });
            pending = 0;
          } else if (o.k === 'claw') {
            const fromPending = Math.min(o.fen, pending);
            if (fromPending > 0) postings.push({ lines: clawbackLines('m1', 'k1', fromPending, false) });
            if (o.fen - fromPending > 0) postings.push({ lines: clawbackLines('m1', 'k1', o.fen - fromPending, true) });
            pending -= fromPending;
            clawed += o.fen;
          }
        }
        for (const p of postings) expect(p.lines.length < 2 || isBalanced(p.lines)).toBe(true);
        expect([...balances(postings).values()].reduce((a, b) => a + b, 0)).toBe(0);
        const k = kocBalances(postings, 'k1');
        expect(k.pendingFen + k.availableFen + k.paidOutFen).toBe(earned - clawed);
        expect(k.pendingFen).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('a balance document follows its postings (worked by hand): ¥5.90 earned, matured, ¥5 held, ¥1 clawed back, the hold released, ¥4 paid', () => {
    const steps = [
      { kind: 'accrue', lines: accrueLines('m1', 'k1', 590) }, // pending 590
      { kind: 'mature', lines: matureLines('k1', 590) }, // available 590
      { kind: 'hold', lines: holdLines('k1', 500) }, // available 90, in transit 500
      { kind: 'clawback', lines: clawbackLines('m1', 'k1', 100, true) }, // available -10
      { kind: 'release', lines: releaseLines('k1', 500) }, // available 490, in transit 0
      { kind: 'hold', lines: holdLines('k1', 400) }, // available 90, in transit 400
      { kind: 'paid', lines: paidLines('k1', 400) }, // in transit 0, paid 400
    ];
    const b = steps.reduce((acc, p) => applyPosting(acc, { ...p, koc: 'k1' }), EMPTY_BALANCE);
    expect(b).toEqual({ pendingFen: 0, availableFen: 90, inTransitFen: 0, paidOutFen: 400, earnedFen: 590, clawedBackFen: 100 });
    expect(EMPTY_BALANCE).toEqual({ pendingFen: 0, availableFen: 0, inTransitFen: 0, paidOutFen: 0, earnedFen: 0, clawedBackFen: 0 });
    // A posting that moves another KOC's money is a bug, not a balance change.
    expect(() => applyPosting(b, { kind: 'accrue', koc: 'k2', lines: accrueLines('m1', 'k1', 1) })).toThrow();
  });
});

describe('ledger guards and edges (each expected value worked by hand)', () => {
  it('a posting balances only with at least two integer lines summing to zero', () => {
    const lines = (...fen: number[]): Line[] => fen.map((f, i) => ({ account: `a${i}`, fen: f }));
    expect(isBalanced(lines(5, -5))).toBe(true);
    expect(isBalanced(lines(3, -1, -2))).toBe(true);
    expect(isBalanced(lines())).toBe(false);
    // One line of zero sums to zero but moves nothing from anywhere: not a posting.
    expect(isBalanced(lines(0))).toBe(false);
    // Lines that do not cancel.
    expect(isBalanced(lines(1, 1))).toBe(false);
    expect(isBalanced(lines(5, -4))).toBe(false);
    // Sums to zero, but half a fen is not money.
    expect(isBalanced(lines(1, 0.5, -1.5))).toBe(false);
    expect(isBalanced(lines(0.5, -0.5))).toBe(false);
  });

  it('commission takes non-negative integer fen and a rate of 0..10000 bp, inclusive', () => {
    expect(commissionFen(2990, 10_000)).toBe(2990); // 100%: the whole base
    expect(commissionFen(2990, 0)).toBe(0);
    expect(commissionFen(0, 1000)).toBe(0);
    expect(commissionFen(1, 9999)).toBe(0); // 0.9999 fen floors to 0
    for (const base of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => commissionFen(base, 1000)).toThrow('base must be non-negative integer fen');
    for (const rate of [-1, 10_001, 12.5, Number.NaN]) expect(() => commissionFen(1000, rate)).toThrow('rate must be 0..10000 basis points');
  });

  it('a null override or tier rate means "none", while 0 is a real rate', () => {
    expect(resolveRate({ productOverrideBp: null, tierRateBp: 800, defaultBp: 300 })).toEqual({ rateBp: 800, source: 'tier' });
    expect(resolveRate({ productOverrideBp: null, tierRateBp: null, defaultBp: 300 })).toEqual({ rateBp: 300, source: 'default' });
    expect(resolveRate({ tierRateBp: null, defaultBp: 300 })).toEqual({ rateBp: 300, source: 'default' });
    expect(resolveRate({ productOverrideBp: 0, tierRateBp: 800, defaultBp: 300 })).toEqual({ rateBp: 0, source: 'product' });
    expect(resolveRate({ tierRateBp: 0, defaultBp: 300 })).toEqual({ rateBp: 0, source: 'tier' });
  });

  it('after refunds: the rule applied to what the buyer kept, and nothing below zero', () => {
    // ¥29.90 at 10%, ¥9.90 refunded: 10% of ¥20.00 = ¥2.00.
    expect(commissionAfterRefunds(2990, 990, 1000)).toBe(200);
    expect(commissionAfterRefunds(2990, 0, 1000)).toBe(299);
    expect(commissionAfterRefunds(2990, 2990, 1000)).toBe(0);
    // More refunded than paid (a refund of shipping on top, say): zero, not a negative base.
    expect(commissionAfterRefunds(1000, 1500, 1000)).toBe(0);
  });

  it('kocBalances reads all four accounts, and zero for a KOC with no postings', () => {
    const postings = [
      { lines: accrueLines('m1', 'k1', 1000) }, // pending 1000
      { lines: matureLines('k1', 700) }, // pending 300, available 700
      { lines: holdLines('k1', 600) }, // available 100, in transit 600
      { lines: paidLines('k1', 200) }, // in transit 400, paid 200
    ];
    expect(kocBalances(postings, 'k1')).toEqual({ pendingFen: 300, availableFen: 100, inTransitFen: 400, paidOutFen: 200 });
    expect(kocBalances(postings, 'k2')).toEqual({ pendingFen: 0, availableFen: 0, inTransitFen: 0, paidOutFen: 0 });
    expect(balances(postings).get('merchant_payable:m1')).toBe(-1000);
  });

  it('a clawback takes from pending before maturity and from available after', () => {
    expect(clawbackLines('m1', 'k1', 50, false)).toEqual([
      { account: 'koc_pending:k1', fen: -50 },
      { account: 'merchant_payable:m1', fen: 50 },
    ]);
    expect(clawbackLines('m1', 'k1', 50, true)).toEqual([
      { account: 'koc_available:k1', fen: -50 },
      { account: 'merchant_payable:m1', fen: 50 },
    ]);
  });

  it('applyPosting refuses another KOC and unknown accounts, naming the line', () => {
    expect(() => applyPosting(EMPTY_BALANCE, { kind: 'accrue', koc: 'k2', lines: accrueLines('m1', 'k1', 1) })).toThrow('posting for k2 moves koc_pending:k1');
    expect(() =>
      applyPosting(EMPTY_BALANCE, {
        kind: 'accrue',
        koc: 'k1',
        lines: [
          { account: 'merchant_payable:m1', fen: -1 },
          { account: 'koc_bonus:k1', fen: 1 },
        ],
      }),
    ).toThrow('unknown account koc_bonus:k1');
  });

  it('addBalances adds field by field', () => {
    const a = { pendingFen: 1, availableFen: 2, inTransitFen: 3, paidOutFen: 4, earnedFen: 5, clawedBackFen: 6 };
    const b = { pendingFen: 10, availableFen: -20, inTransitFen: 30, paidOutFen: 40, earnedFen: 50, clawedBackFen: 60 };
    expect(addBalances(a, b)).toEqual({ pendingFen: 11, availableFen: -18, inTransitFen: 33, paidOutFen: 44, earnedFen: 55, clawedBackFen: 66 });
    expect(addBalances(a, EMPTY_BALANCE)).toEqual(a);
    expect(a).toEqual({ pendingFen: 1, availableFen: 2, inTransitFen: 3, paidOutFen: 4, earnedFen: 5, clawedBackFen: 6 });
  });
});
