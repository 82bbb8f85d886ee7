// The quiz as the student fills it: one chosen option per question (null until tapped), turned
// into the answers submitQuiz takes only when every question has one. Pure, so it is tested
// without the page.
import type { CourseKind } from '@core/contracts/koc-honours';

/** The contract's kinds as students read them (the contract module itself carries zod). */
export const KIND_NAMES: Record<CourseKind, string> = { product: '产品知识', content: '内容创作' };

export type QuizAnswers = (number | null)[];

export const emptyAnswers = (questions: number): QuizAnswers => Array.from({ length: questions }, () => null);

/** Chooses option `option` for question `index`; tapping the chosen option again keeps it. */
export function choose(answers: QuizAnswers, index: number, option: number): QuizAnswers {
  if (index < 0 || index >= answers.length) return answers;
  return answers.map((a, i) => (i === index ? option : a));
}

/** 1-based numbers of the questions still without an answer. */
export const unanswered = (answers: QuizAnswers): number[] => answers.flatMap((a, i) => (a === null ? [i + 1] : []));

/** The answers to send, or the reason they cannot be sent yet. */
export function quizSubmission(answers: QuizAnswers): { answers: number[]; error: '' } | { answers: null; error: string } {
  if (answers.length === 0) return { answers: null, error: '这门课还没有测验' };
  const missing = unanswered(answers);
  if (missing.length) return { answers: null, error: `还有第 ${missing.join('、')} 题没有作答` };
  return { answers: answers as number[], error: '' };
}

/** The result line: 7/10 分 and whether it reached the pass mark. */
export function resultLine(r: { score: number; total: number; passed: boolean }, passMark: number): string {
  return r.passed
    ? `答对 ${r.score}/${r.total} 题，已通过（及格线 ${passMark} 题）`
    : `答对 ${r.score}/${r.total} 题，未通过（及格线 ${passMark} 题），可以复习后再试`;
}
