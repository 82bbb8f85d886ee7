import { starsText, summaryLine } from './summary';

test('the count and the average, one decimal; nothing before the first review', () => {
  expect(summaryLine(12, 4.5)).toBe('★ 4.5 · 12 条评价');
  expect(summaryLine(1, 5)).toBe('★ 5.0 · 1 条评价');
  expect(summaryLine(0, null)).toBeNull();
});

test('five stars, the rating filled', () => {
  expect(starsText(4)).toBe('★★★★☆');
  expect(starsText(5)).toBe('★★★★★');
  expect(starsText(0)).toBe('☆☆☆☆☆');
  expect(starsText(9)).toBe('★★★★★');
});
