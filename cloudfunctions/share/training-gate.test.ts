// A program that requires a course: its approved KOCs make cards for its items only after
// passing it (a clear reason otherwise); other students still share plain cards.
import type { HonoursResults } from '../../core/contracts/koc-honours';
import { KOC, OWNER, PRODUCT, STUDENTS } from '../groupbuy/fixture';
import { courseInput, honoursWorld } from '../koc/fixture';

const card = (w: Awaited<ReturnType<typeof honoursWorld>>, who: string) =>
  w.call('share', who, { action: 'create', targetType: 'product', targetId: PRODUCT.id, channel: 'chat' });

describe('sharing and required training', () => {
  it('an untrained KOC is refused with the course named; after passing its quiz the card is made; a plain student is never refused', async () => {
    const w = await honoursWorld();
    const { courseId } = await w.must<HonoursResults['saveCourse']>(OWNER, courseInput());
    await w.must(OWNER, { action: 'setRequiredCourse', courseId });
    const before = w.fingerprint();
    expect(await card(w, KOC)).toMatchObject({ ok: false, code: 'TRAINING_REQUIRED', message: '先完成「台灯的卖点」培训再推广' });
    expect(w.fingerprint()).toEqual(before);
    expect(await card(w, STUDENTS[0])).toMatchObject({ ok: true });
    // Below the pass mark: still refused. Passed: the card is made.
    await w.must(KOC, { action: 'submitQuiz', courseId, answers: [0, 1, 0] });
    expect(await card(w, KOC)).toMatchObject({ ok: false, code: 'TRAINING_REQUIRED' });
    await w.must(KOC, { action: 'submitQuiz', courseId, answers: [1, 0, 0] });
    expect(await card(w, KOC)).toMatchObject({ ok: true });
  });
});
