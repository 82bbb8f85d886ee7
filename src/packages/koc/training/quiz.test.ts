import { choose, courseStateName, emptyAnswers, emptyCourses, quizSubmission, resultLine, unanswered } from './quiz';

describe('quiz answers', () => {
  it('starts with every question unanswered', () => {
    expect(emptyAnswers(3)).toEqual([null, null, null]);
    expect(unanswered(emptyAnswers(3))).toEqual([1, 2, 3]);
  });

  it('records one option per question and replaces a changed choice', () => {
    let a = choose(emptyAnswers(2), 0, 2);
    a = choose(a, 0, 1);
    expect(a).toEqual([1, null]);
    expect(choose(a, 5, 0)).toBe(a);
  });

  it('is sent only when every question has an answer', () => {
    const partial = choose(emptyAnswers(3), 1, 0);
    expect(quizSubmission(partial)).toEqual({ answers: null, error: '还有第 1、3 题没有作答' });
    const full = choose(choose(partial, 0, 3), 2, 1);
    expect(quizSubmission(full)).toEqual({ answers: [3, 0, 1], error: '' });
    expect(quizSubmission([]).error).toBe('这门课还没有测验');
  });

  it('says the score and the pass mark', () => {
    expect(resultLine({ score: 2, total: 3, passed: true }, 2)).toBe('答对 2/3 题，已通过（及格线 2 题）');
    expect(resultLine({ score: 1, total: 3, passed: false }, 2)).toContain('未通过（及格线 2 题）');
  });
});

describe('the course list', () => {
  it('says 未完成 for a course never passed, 已通过 once passed, 未解锁 when kept for a higher tier', () => {
    expect(courseStateName({ locked: false, completed: false })).toBe('未完成');
    expect(courseStateName({ locked: false, completed: true })).toBe('已通过');
    expect(courseStateName({ locked: true, completed: false })).toBe('未解锁');
  });

  it('words the empty list by whether the student is a KOC of any shop', () => {
    expect(emptyCourses(true).title).toBe('店铺还没有发布课程');
    expect(emptyCourses(false).hint).toMatch(/成为店铺的达人后/);
  });
});
