import type { SurveyView } from '@core/contracts/experiments';
import { DIMENSION_NAMES, DIMENSIONS, ITEMS } from '@core/experiments/survey';
import { choose, emptySheet, labelOf, missing, toAnswers } from './sheet';

const items: SurveyView['items'] = DIMENSIONS.map((d) => ({ dimension: d, name: DIMENSION_NAMES[d], questions: ITEMS[d] }));

test('an empty sheet misses every item, in the order shown', () => {
  const s = emptySheet(items);
  expect(missing(s, items)).toHaveLength(18);
  expect(missing(s, items)[0]).toBe('price.0');
  expect(toAnswers(s, items)).toBeNull();
});

test('a complete sheet is the contract Answers; choices outside 1-7 are ignored', () => {
  let s = emptySheet(items);
  for (const it of items) for (let i = 0; i < it.questions.length; i++) s = choose(s, it.dimension, i, 6);
  expect(choose(s, 'price', 0, 8)).toBe(s);
  s = choose(s, 'price', 1, 2);
  expect(missing(s, items)).toEqual([]);
  expect(toAnswers(s, items)).toEqual({ ...Object.fromEntries(DIMENSIONS.map((d) => [d, [6, 6, 6]])), price: [6, 2, 6] });
  const partial = choose(emptySheet(items), 'service', 2, 7);
  expect(missing(partial, items)).not.toContain('service.2');
  expect(missing(partial, items)).toContain('service.1');
});

test('the scale labels', () => {
  expect(labelOf(1)).toBe('非常不同意');
  expect(labelOf(4)).toBe('一般');
  expect(labelOf(7)).toBe('非常同意');
});
