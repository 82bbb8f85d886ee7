// The course editor's form: title, kind, a product or a category, sections (heading and body),
// quiz questions (2-4 options and the right one) and the pass mark, checked by the contract's
// schema (zod is allowed in packages/merchant). Errors are keyed by their path, so a section's
// or a question's message lands under it: 'sections.1.body', 'quiz.0.options.2', 'passMark'.

import type { HonoursResults } from '@core/contracts/koc-honours';
import { honoursInput } from '@core/contracts/koc-honours';
import type { CourseInput } from '../../../api/koc';
import type { FieldErrors } from '../shared/form';
import { intOf } from '../shared/form';

export const MAX_SECTIONS = 12;
export const MAX_QUESTIONS = 10;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 4;

export interface QuestionForm {
  question: string;
  options: string[];
  /** The right option's index; null until the merchant picks one. */
  answer: number | null;
}

export interface CourseForm {
  courseId?: string;
  requestId: string;
  title: string;
  kind: 'product' | 'content' | '';
  target: 'product' | 'category';
  productId: string;
  category: string;
  sections: { heading: string; body: string }[];
  quiz: QuestionForm[];
  passMark: string;
  /** Who may take it: every KOC of the program, or a tier and above. */
  minTier: 'intermediate' | 'advanced' | null;
}

export const emptyQuestion = (): QuestionForm => ({ question: '', options: ['', ''], answer: null });

export const emptyCourseForm = (requestId: string): CourseForm => ({
  requestId,
  title: '',
  kind: '',
  target: 'category',
  productId: '',
  category: '',
  sections: [{ heading: '', body: '' }],
  quiz: [emptyQuestion()],
  passMark: '1',
  minTier: null,
});

type StoredCourse = HonoursResults['listCourses']['items'][number];

/** An existing course back into the form, to edit it (a new requestId for the save). */
export function formOfCourse(c: StoredCourse, requestId: string): CourseForm {
  return {
    courseId: c.id,
    requestId,
    title: c.title,
    kind: c.kind,
    target: c.productId ? 'product' : 'category',
    productId: c.productId ?? '',
    category: c.category ?? '',
    sections: c.sections.map((s) => ({ ...s })),
    // The listing's quiz carries the answers (an intersection of two array types for TypeScript).
    quiz: (c.quiz as { question: string; options: string[]; answer: number }[]).map((q) => ({
      question: q.question,
      options: [...q.options],
      answer: q.answer,
    })),
    passMark: String(c.passMark),
    minTier: c.minTier,
  };
}

/** Adds an option to question `qi` (at most 4). */
export function addOption(form: CourseForm, qi: number): CourseForm {
  return { ...form, quiz: form.quiz.map((q, i) => (i === qi && q.options.length < MAX_OPTIONS ? { ...q, options: [...q.options, ''] } : q)) };
}

/** Removes option `oi` of question `qi` (keeping at least 2); the right answer follows its option. */
export function removeOption(form: CourseForm, qi: number, oi: number): CourseForm {
  return {
    ...form,
    quiz: form.quiz.map((q, i) => {
      if (i !== qi || q.options.length <= MIN_OPTIONS) return q;
      const answer = q.answer === null || q.answer === oi ? null : q.answer > oi ? q.answer - 1 : q.answer;
      return { ...q, options: q.options.filter((_, j) => j !== oi), answer };
    }),
  };
}

const CJK = /[\u4e00-\u9fff]/;

/** The form as the contract's input, or messages keyed by path (first one per path). */
export function checkCourse(form: CourseForm): { input: CourseInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  form.quiz.forEach((q, i) => {
    if (q.answer === null) errors[`quiz.${i}.answer`] = '请选出正确答案';
  });
  const passMark = intOf(form.passMark);
  if (Number.isNaN(passMark)) errors.passMark = '及格线填整数（答对几题）';
  if (form.target === 'product' && !form.productId) errors.productId = '请选择商品';
  if (form.target === 'category' && !form.category) errors.productId = '请选择品类';
  const raw = {
    ...(form.courseId ? { courseId: form.courseId } : {}),
    requestId: form.requestId,
    title: form.title,
    kind: form.kind || undefined,
    ...(form.target === 'product' ? (form.productId ? { productId: form.productId } : {}) : form.category ? { category: form.category } : {}),
    sections: form.sections,
    quiz: form.quiz.map((q) => ({ question: q.question, options: q.options, answer: q.answer ?? 0 })),
    passMark: Number.isNaN(passMark) ? 0 : passMark,
    minTier: form.minTier,
  };
  const res = honoursInput.saveCourse.safeParse(raw);
  if (!res.success)
    for (const issue of res.error.issues) {
      const key = issue.path.map(String).join('.') || '_';
      if (errors[key]) continue;
      errors[key] = CJK.test(issue.message) ? issue.message : key === 'kind' ? '请选择课程类型' : '请检查这一项';
    }
  if (Object.keys(errors).length || !res.success) return { input: null, errors };
  return { input: res.data as CourseInput, errors: {} };
}

/** Messages under a prefix ('sections.2'), for a block that shows its own errors. */
export const errorsUnder = (errors: FieldErrors, prefix: string): string[] =>
  Object.entries(errors)
    .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
    .map(([, v]) => v);

/**
 * The errors without those at `paths` and under them ('quiz.1' clears 'quiz.1.options.0' too),
 * and without the general line: a field's message goes as soon as the field changes.
 */
export function clearErrors(errors: FieldErrors, ...paths: string[]): FieldErrors {
  const gone = (k: string) => k === '_' || paths.some((p) => k === p || k.startsWith(`${p}.`));
  const kept = Object.entries(errors).filter(([k]) => !gone(k));
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
}

/** A question's messages by where they show: under the question box, under each option, the rest after the options. */
export function questionErrors(errors: FieldErrors, qi: number, options: number) {
  const p = `quiz.${qi}`;
  const placed = new Set([`${p}.question`, `${p}.answer`, ...Array.from({ length: options }, (_, oi) => `${p}.options.${oi}`)]);
  return {
    question: errors[`${p}.question`] ?? '',
    answer: errors[`${p}.answer`] ?? '',
    option: (oi: number) => errors[`${p}.options.${oi}`] ?? '',
    rest: Object.entries(errors)
      .filter(([k]) => (k === p || k.startsWith(`${p}.`)) && !placed.has(k))
      .map(([, v]) => v),
  };
}
