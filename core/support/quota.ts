// WeChat's customer-service reply quota, kept on the safe side. WeChat lets a mini-program send
// 5 messages within 48 hours of a user's message (each new message renews that allowance), and
// 2 within a minute of the user entering the session. Sprout's bot answers at most 5 messages in
// a 48-hour window that opens with the first message it answers: every reply then follows a
// user message by less than 48 hours and never more than 5 go out in a window, so WeChat's
// limit is never reached, and a student who keeps asking past the fifth reaches a person (the
// merchant in WeChat's customer-service tools) instead of a bot. Pure: time comes in as ms.

export const REPLY_WINDOW_MS = 48 * 3_600_000;
export const REPLIES_PER_WINDOW = 5;
/** WeChat accepts replies to the enter event for one minute after it. */
export const GREETING_WITHIN_MS = 60_000;
/** A student who leaves and comes back is greeted again only after this long. */
export const GREETING_GAP_MS = 10 * 60_000;

export interface ReplyWindow {
  windowStart: number;
  replies: number;
}

/** What answering one more message needs: a new window, one more reply in the current one, or nothing (full). */
export function nextReply(w: ReplyWindow | null, now: number): 'open' | 'use' | 'full' {
  // A window that seems to start in the future (clock skew) counts as current: never more replies.
  if (!w || now - w.windowStart >= REPLY_WINDOW_MS) return 'open';
  return w.replies < REPLIES_PER_WINDOW ? 'use' : 'full';
}

/** Whether an enter event (at `enteredAt`) still gets a greeting now, given the last one sent. */
export function mayGreet(enteredAt: number, lastGreetedAt: number | null, now: number): boolean {
  if (now - enteredAt > GREETING_WITHIN_MS) return false;
  return lastGreetedAt === null || now - lastGreetedAt >= GREETING_GAP_MS;
}
