import { commissionMachine } from './ledger';
import { canMove, OPEN_WITHDRAWAL_STATES, withdrawalMachine } from './withdrawal-machine';

describe('withdrawal and commission entry tables', () => {
  it('every state is reachable, every edge leads to a state, and the ends are the ones that end a withdrawal', () => {
    expect(withdrawalMachine.problems()).toEqual([]);
    expect(commissionMachine.problems()).toEqual([]);
    expect(withdrawalMachine.finals().sort()).toEqual(['expired', 'failed', 'paid', 'rejected']);
    expect(commissionMachine.finals()).toEqual(['available']);
    // Open means not final: the one-open-request marker is cleared exactly when a final state is reached.
    expect([...OPEN_WITHDRAWAL_STATES].sort()).toEqual(withdrawalMachine.states.filter((s) => !withdrawalMachine.finals().includes(s)).sort());
  });

  it('money leaves only through approval, and a paid or rejected withdrawal never moves again', () => {
    expect(canMove('requested', 'approved')).toBe(true);
    expect(canMove('requested', 'awaiting_confirmation')).toBe(false);
    expect(canMove('requested', 'paid')).toBe(false);
    expect(canMove('approved', 'rejected')).toBe(false);
    expect(canMove('paid', 'failed')).toBe(false);
    expect(canMove('rejected', 'approved')).toBe(false);
    expect(() => withdrawalMachine.assertMove('expired', 'paid')).toThrow(/illegal withdrawal/);
    expect(() => commissionMachine.assertMove('available', 'pending')).toThrow(/illegal commission/);
  });
});
