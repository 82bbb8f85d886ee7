// Money is an integer number of fen everywhere; this module is the one place that turns it
// into text and splits it.

export function assertFen(fen: number): number {
  if (!Number.isSafeInteger(fen)) throw new Error(`money must be an integer number of fen, got ${fen}`);
  return fen;
}

/** 1230 -> "¥12.30"; negative amounts keep their sign before the currency symbol. */
export function formatFen(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan.toLocaleString('en-US')}.${cents}`;
}

/**
 * Splits a total into parts proportional to weights by the largest remainder method: every
 * part is an integer and the parts always sum to the total.
 */
export function splitFen(total: number, weights: number[]): number[] {
  assertFen(total);
  if (weights.length === 0) throw new Error('splitFen needs at least one weight');
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new Error('weights must be finite and non-negative');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new Error('weights must not all be zero');
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const exact = weights.map((w) => (abs * w) / sum);
  const parts = exact.map(Math.floor);
  let left = abs - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts.map((p) => p * sign || 0);
}

/** "29.9" or "29.90" or "29" -> 2990; anything else (more than 2 decimals, signs, letters) -> null. */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
