import fc from 'fast-check';
import { opensFor, signupState, windowProblem } from './koc-events';
import { TIERS } from './tiers';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 24, 2); // 10:00 campus time
const e = { opensAt: T0, closesAt: T0 + 72 * H, headStartHours: 24, capacity: 3 };

test('advanced KOCs sign up first, each tier below one head start later', () => {
  expect(opensFor(e, 'advanced')).toBe(T0);
  expect(opensFor(e, 'intermediate')).toBe(T0 + 24 * H);
  expect(opensFor(e, 'primary')).toBe(T0 + 48 * H);
});

test('the state for each tier through the window', () => {
  expect(signupState(e, 'advanced', 0, T0 - 1)).toBe('not_yet');
  expect(signupState(e, 'advanced', 0, T0)).toBe('open');
  expect(signupState(e, 'intermediate', 0, T0 + 23 * H)).toBe('not_yet');
  expect(signupState(e, 'intermediate', 0, T0 + 24 * H)).toBe('open');
  expect(signupState(e, 'primary', 2, T0 + 48 * H)).toBe('open');
  expect(signupState(e, 'primary', 3, T0 + 48 * H)).toBe('full');
  expect(signupState(e, 'advanced', 0, T0 + 72 * H)).toBe('closed');
});

test('a higher tier is never later than a lower one', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 72 }), fc.integer({ min: 0, max: 2 }), (head, i) => {
      const w = { opensAt: T0, headStartHours: head };
      const higher = TIERS[Math.min(2, i + 1)];
      return opensFor(w, higher) <= opensFor(w, TIERS[i]);
    }),
  );
});

test('a window where the lowest tier never gets a turn is refused', () => {
  expect(windowProblem(e, T0 - H)).toBeNull();
  expect(windowProblem({ ...e, closesAt: T0 + 48 * H }, T0 - H)?.field).toBe('headStartHours');
  expect(windowProblem({ ...e, closesAt: T0 }, T0 - H)?.field).toBe('closesAt');
  expect(windowProblem(e, T0 + 80 * H)?.message).toBe('报名截止时间已经过了');
});
