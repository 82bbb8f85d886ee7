import { flip, settle } from './toggle';

test('a tap shows at once; the answer decides', () => {
  const before = { on: false, count: 3 };
  expect(flip(before)).toEqual({ on: true, count: 4 });
  expect(flip({ on: true, count: 0 })).toEqual({ on: false, count: 0 });
  // Someone else liked meanwhile: the server's count wins.
  expect(settle(before, { ok: true, on: true, count: 6 })).toEqual({ on: true, count: 6 });
  // Refused or offline: back to what it was.
  expect(settle(before, { ok: false })).toEqual(before);
});
