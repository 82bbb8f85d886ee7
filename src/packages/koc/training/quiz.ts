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

/** The state a course card shows: 未解锁 (kept for a higher tier), 已通过, or 未完成 (never passed yet). */
export function courseStateName(c: { locked: boolean; completed: boolean }): string {
  return c.locked ? '未解锁' : c.completed ? '已通过' : '未完成';
}

/** The empty list's copy: a KOC of some shop waits for its courses; anyone else becomes a KOC first. */
export function emptyCourses(isKoc: boolean): { title: string; hint: string } {
  return isKoc
    ? { title: '店铺还没有发布课程', hint: '你所在店铺发布培训课程后，会出现在这里' }
    : { title: '还没有培训课程', hint: '成为店铺的达人后，这里会出现店铺写的课程' };
}
