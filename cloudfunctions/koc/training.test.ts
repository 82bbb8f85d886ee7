import type { HonoursResults } from '../../core/contracts/koc-honours';
import { KOC, OWNER, SHOP, STUDENTS } from '../groupbuy/fixture';
import { courseInput, honoursWorld as kocWorld } from './fixture';

const [S1, S2] = STUDENTS;

describe('koc training', () => {
  it('a course is written once per request; a KOC sees it without answers; below the pass mark does not complete', async () => {
    const w = await kocWorld();
    const { courseId } = await w.must<HonoursResults['saveCourse']>(OWNER, courseInput());
    expect(await w.must(OWNER, courseInput())).toEqual({ courseId });
    expect(await w.all('koc_courses')).toHaveLength(1);

    const listed = await w.must<HonoursResults['courses']>(KOC, { action: 'courses' });
    expect(listed.items).toEqual([expect.objectContaining({ id: courseId, merchantName: '测试小店', questions: 3, passMark: 2, completed: false })]);
    const read = await w.must<HonoursResults['course']>(KOC, { action: 'course', courseId });
    expect(read.course.quiz[0]).toEqual({ question: '几档亮度？', options: ['一档', '三档'] });
    expect(JSON.stringify(read)).not.toContain('answer');
    // A student of no program of the shop does not see its courses.
    expect((await w.must<HonoursResults['courses']>(S2, { action: 'courses' })).items).toEqual([]);
    expect(await w.koc(S2, { action: 'course', courseId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const low = await w.must<HonoursResults['submitQuiz']>(KOC, { action: 'submitQuiz', courseId, answers: [0, 0, 1] });
    expect(low).toEqual({ score: 1, total: 3, passed: false });
    expect(await w.all('koc_trainings')).toEqual([]);

    const pass = await w.must<HonoursResults['submitQuiz']>(KOC, { action: 'submitQuiz', courseId, answers: [1, 0, 1] });
    expect(pass).toEqual({ score: 2, total: 3, passed: true });
    await w.must(KOC, { action: 'submitQuiz', courseId, answers: [1, 0, 0] });
    const done = await w.all<{ _id: string; score: number }>('koc_trainings');
    expect(done).toEqual([expect.objectContaining({ _id: `${courseId}:${KOC}`, score: 2 })]);
    expect(await w.must<HonoursResults['course']>(KOC, { action: 'course', courseId })).toMatchObject({ completed: true, result: { score: 2, total: 3 } });
  });

  it('a program that requires a course refuses an untrained KOC with the course named, and allows a trained one', async () => {
    const w = await kocWorld();
    const { courseId } = await w.must<HonoursResults['saveCourse']>(OWNER, courseInput());
    expect(await w.must(KOC, { action: 'canPromote', merchantId: SHOP })).toEqual({ allowed: true });
    await w.must(OWNER, { action: 'setRequiredCourse', courseId });
    expect(await w.koc(KOC, { action: 'canPromote', merchantId: SHOP })).toEqual({
      ok: false,
      code: 'TRAINING_REQUIRED',
      message: '先完成「台灯的卖点」培训再推广',
    });
    expect((await w.must<HonoursResults['courses']>(KOC, { action: 'courses' })).items[0]).toMatchObject({ required: true });
    await w.must(KOC, { action: 'submitQuiz', courseId, answers: [1, 0, 0] });
    expect(await w.must(KOC, { action: 'canPromote', merchantId: SHOP })).toEqual({ allowed: true });
    // The merchant lifts the requirement.
    await w.must(OWNER, { action: 'setRequiredCourse', courseId: null });
    expect(await w.must(S1, { action: 'canPromote', merchantId: SHOP })).toEqual({ allowed: true });
  });

  it('an applicant with an open application sees the courses; editing a course keeps completions', async () => {
    const w = await kocWorld();
    const { courseId } = await w.must<HonoursResults['saveCourse']>(OWNER, courseInput());
    await w.must(S1, {
      action: 'apply',
      merchantId: SHOP,
      socials: [{ platform: '小红书', handle: '@s1-notes', followers: 800, avgInteractions: 60 }],
      categories: [{ category: '文具' }],
      consent: true,
      requestId: 'koc-request-1',
    });
    expect((await w.must<HonoursResults['courses']>(S1, { action: 'courses' })).items).toHaveLength(1);
    await w.must(S1, { action: 'submitQuiz', courseId, answers: [1, 0, 0] });
    await w.must(OWNER, { ...courseInput('course-request-2', { courseId, title: '台灯的卖点（新）', passMark: 3 }) });
    const mine = await w.must<HonoursResults['listCourses']>(OWNER, { action: 'listCourses' });
    expect(mine.items).toEqual([expect.objectContaining({ id: courseId, title: '台灯的卖点（新）', passMark: 3 })]);
    expect(mine.items[0].quiz[0].answer).toBe(1);
    expect((await w.must<HonoursResults['course']>(S1, { action: 'course', courseId })).completed).toBe(true);
  });

  it('bad input writes nothing', async () => {
    const w = await kocWorld();
    const { courseId } = await w.must<HonoursResults['saveCourse']>(OWNER, courseInput());
    const before = w.fingerprint();
    const refused = [
      await w.koc(S1, courseInput('course-request-x')), // a student is not a merchant
      await w.koc(OWNER, courseInput('course-request-y', { passMark: 4 })), // above the quiz length
      await w.koc(OWNER, courseInput('course-request-z', { quiz: [{ question: '?', options: ['a'], answer: 0 }], passMark: 1 })),
      await w.koc(OWNER, courseInput('course-request-w', { quiz: [{ question: '?', options: ['a', 'b'], answer: 2 }], passMark: 1 })),
      await w.koc(OWNER, courseInput('course-request-v', { productId: undefined })), // neither product nor category
      await w.koc(OWNER, courseInput('course-request-u', { productId: 'not-mine' })),
      await w.koc(OWNER, courseInput('course-request-t', { quiz: Array(11).fill({ question: '?', options: ['a', 'b'], answer: 0 }), passMark: 1 })),
      await w.koc(KOC, { action: 'submitQuiz', courseId, answers: [1, 0] }), // not every question answered
      await w.koc(KOC, { action: 'submitQuiz', courseId: 'nope', answers: [1, 0, 0] }),
      await w.koc(S1, { action: 'setRequiredCourse', courseId }),
      await w.koc(OWNER, { action: 'setRequiredCourse', courseId: 'nope' }),
    ];
    expect(refused.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'FORBIDDEN',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'NOT_FOUND',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'NOT_FOUND',
      'FORBIDDEN',
      'NOT_FOUND',
    ]);
    expect(w.fingerprint()).toBe(before);
  });
});
