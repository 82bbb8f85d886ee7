import fc from 'fast-check';
import {
  accrueLines,
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
