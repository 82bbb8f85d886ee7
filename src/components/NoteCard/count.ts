// Counts on cards and bars, as people read them: 0 shows as the action's name, 10,000 and up as 万.

/** 12 → "12"; 12,345 → "1.2万"; 0 → the fallback (赞, 收藏, 评论). */
export function countText(n: number, zero = ''): string {
  if (n <= 0) return zero;
  if (n < 10_000) return String(n);
  const wan = Math.floor(n / 1000) / 10;
  return `${wan % 1 === 0 ? wan.toFixed(0) : wan.toFixed(1)}万`;
}
