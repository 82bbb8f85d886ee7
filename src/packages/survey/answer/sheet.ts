// The answer sheet as the student fills it: one choice (1-7) or nothing per item. Submitted
// only when complete, as the contract's Answers; what is missing is named so the page can mark it.
import type { Answers, SurveyView } from '@core/contracts/experiments';
import { DIMENSIONS, type Dimension, SCALE } from '@core/experiments/survey';

export type Sheet = Record<Dimension, (number | null)[]>;

export function emptySheet(items: SurveyView['items']): Sheet {
  const sheet = Object.fromEntries(DIMENSIONS.map((d) => [d, [] as (number | null)[]])) as Sheet;
  for (const it of items) sheet[it.dimension] = it.questions.map(() => null);
  return sheet;
}

export function choose(sheet: Sheet, dimension: Dimension, index: number, value: number): Sheet {
  if (!Number.isInteger(value) || value < SCALE.min || value > SCALE.max) return sheet;
  return { ...sheet, [dimension]: sheet[dimension].map((v, i) => (i === index ? value : v)) };
}

/** The items not answered yet, in the order shown ("price.0"). */
export function missing(sheet: Sheet, items: SurveyView['items']): string[] {
  return items.flatMap((it) => it.questions.flatMap((_, i) => (sheet[it.dimension]?.[i] ? [] : [itemKey(it.dimension, i)])));
}

export const itemKey = (d: Dimension, i: number) => `${d}.${i}`;

/** The sheet as Answers, or null while an item is missing. */
export function toAnswers(sheet: Sheet, items: SurveyView['items']): Answers | null {
  if (missing(sheet, items).length) return null;
  return Object.fromEntries(DIMENSIONS.map((d) => [d, (sheet[d] ?? []).map(Number)])) as Answers;
}

/** The label of a choice: 1 → 非常不同意 … 7 → 非常同意. */
export const labelOf = (value: number) => SCALE.labels[value - SCALE.min] ?? '';
