// 赞 and 收藏 are shown at once (optimistic) and then set to what the server answered: the
// count is the server's, never one the page made up.

export interface Toggle {
  on: boolean;
  count: number;
}

/** What the bar shows the moment the student taps. */
export const flip = (t: Toggle): Toggle => ({ on: !t.on, count: Math.max(0, t.count + (t.on ? -1 : 1)) });

/** What it shows once the server answered: its state and count, or the state before the tap. */
export function settle(before: Toggle, answer: { ok: true; on: boolean; count: number } | { ok: false }): Toggle {
  return answer.ok ? { on: answer.on, count: answer.count } : before;
}
