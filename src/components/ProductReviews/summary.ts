// The product page's reviews line, kept tiny: the product page is in the main package.

/** "★ 4.5 · 12 条评价", or null when there are none yet. */
export function summaryLine(count: number, average: number | null): string | null {
  if (count <= 0 || average === null) return null;
  return `★ ${average.toFixed(1)} · ${count} 条评价`;
}

/** Five stars, the first `rating` filled: "★★★★☆". */
export const starsText = (rating: number) => {
  const n = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
};
