import { mayGreet, nextReply, REPLY_WINDOW_MS } from './quota';

const T = Date.UTC(2026, 10, 22, 2);

describe('reply quota', () => {
  it('opens a window, uses it five times, then is full until 48 hours have passed', () => {
    expect(nextReply(null, T)).toBe('open');
    expect(nextReply({ windowStart: T, replies: 1 }, T + 1000)).toBe('use');
    expect(nextReply({ windowStart: T, replies: 4 }, T + 1000)).toBe('use');
    expect(nextReply({ windowStart: T, replies: 5 }, T + REPLY_WINDOW_MS - 1)).toBe('full');
    expect(nextReply({ windowStart: T, replies: 5 }, T + REPLY_WINDOW_MS)).toBe('open');
    // A window that seems to start later (clock skew) is the current one.
    expect(nextReply({ windowStart: T + 5000, replies: 5 }, T)).toBe('full');
  });

  it('greets within a minute of entering, and not again within ten minutes', () => {
    expect(mayGreet(T, null, T + 59_000)).toBe(true);
    expect(mayGreet(T, null, T + 61_000)).toBe(false);
    expect(mayGreet(T, T - 5 * 60_000, T)).toBe(false);
    expect(mayGreet(T, T - 10 * 60_000, T)).toBe(true);
  });
});
