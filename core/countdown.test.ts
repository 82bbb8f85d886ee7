import { formatRemaining } from './countdown';

it('formats remaining time for the countdown', () => {
  expect(formatRemaining(3661_000)).toBe('01:01:01');
  expect(formatRemaining(90061_000)).toBe('1天 01:01:01');
  expect(formatRemaining(500)).toBe('00:00:01');
  expect(formatRemaining(-5)).toBe('00:00:00');
});
