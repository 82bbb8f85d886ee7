// Interview slots and the applicant's timetable: with a timetable shared, a slot during a class is
// refused (naming the slot) and one in a break is taken; the merchant sees free windows only
// (never a course, a room or a teacher); an applicant without a timetable gets any future slot.
import type { ShowcaseResults } from '../../core/contracts/koc-showcase';
import { OWNER, SHOP, STUDENTS, world } from '../groupbuy/fixture';

const [S1, S2] = STUDENTS;
const TERM_START = '2026-09-07';
/** The clock starts on Sunday 2026-11-22, 10:00 campus time; the next day is a teaching Monday. */
const MONDAY = '2026-11-23';
const at = (time: string) => Date.parse(`${MONDAY}T${time}:00.000+08:00`);
const COURSES = [
  { name: '高等数学', day: 1, startNode: 1, endNode: 2, weeks: Array.from({ length: 20 }, (_, i) => i + 1), room: '东一教 101', teacher: '王老师' },
  { name: '大学英语', day: 1, startNode: 5, endNode: 6, weeks: Array.from({ length: 20 }, (_, i) => i + 1), room: '西二教 205', teacher: '李老师' },
];

type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

async function interviewWorld() {
  const w = await world();
  await w.shopFulfilment();
  const koc = <T>(who: string, event: Record<string, unknown>) => w.call<T>('koc', who, event) as Promise<Answer<T>>;
  const must = async <T>(who: string, event: Record<string, unknown>): Promise<T> => {
    const r = await koc<T>(who, event);
    if (!r.ok) throw new Error(`${String(event.action)}: ${r.code} ${r.message}`);
    return r.data;
  };
  /** Applied and screened: ready for slots. */
  const screened = async (who: string) => {
    const { applicationId } = await must<{ applicationId: string }>(who, {
      action: 'apply',
      merchantId: SHOP,
      socials: [{ platform: '小红书', handle: `@${who}-notes`, followers: 800, avgInteractions: 60, proofImages: ['/files/proof-1.png'] }],
      categories: [{ category: '文具', selfAssessment: '喜欢写手账' }],
      consent: true,
      requestId: `koc-request-${who}`,
    });
    await must(OWNER, { action: 'screen', applicationId, pass: true });
    return applicationId;
  };
  const shareTimetable = async (who: string) => {
    expect(await w.call('timetable', who, { action: 'consent', granted: true })).toMatchObject({ ok: true });
    expect(await w.call('timetable', who, { action: 'save', termStartDate: TERM_START, courses: COURSES })).toMatchObject({ ok: true });
  };
  return { ...w, koc, must, screened, shareTimetable };
}

describe('interview slots in the applicant’s free windows', () => {
  it('refuses a slot during a class, naming it; takes one in a break; the merchant sees windows only', async () => {
    const w = await interviewWorld();
    await w.shareTimetable(S1);
    const applicationId = await w.screened(S1);

    const before = w.fingerprint();
    const during = await w.koc(OWNER, { action: 'offerSlots', applicationId, slots: [at('12:00'), at('09:00')] });
    expect(during).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(!during.ok && during.message).toContain('11月23日 09:00 这位同学在上课');
    // A slot that starts in the lunch break but runs into the afternoon class does not fit either.
    const overrun = await w.koc(OWNER, { action: 'offerSlots', applicationId, slots: [at('13:45')] });
    expect(!overrun.ok && overrun.message).toContain('11月23日 13:45 这位同学在上课');
    expect(w.fingerprint()).toBe(before);

    await w.must(OWNER, { action: 'offerSlots', applicationId, slots: [at('12:00'), at('16:00')] });
    await w.must(S1, { action: 'pickSlot', applicationId, slot: at('12:00') });

    const free = await w.must<ShowcaseResults['freeSlots']>(OWNER, { action: 'freeSlots', applicationId, date: MONDAY });
    expect(free.date).toBe(MONDAY);
    expect(free.windows).toEqual([
      { start: '07:00', end: '08:30' },
      { start: '10:05', end: '14:00' },
      { start: '15:35', end: '23:00' },
    ]);
    const text = JSON.stringify(free);
    for (const secret of ['高等数学', '大学英语', '东一教', '西二教', '王老师', 'kind']) expect(text).not.toContain(secret);
    // Another student cannot look: the windows are the shop's to see while arranging the interview.
    expect(await w.koc(S2, { action: 'freeSlots', applicationId, date: MONDAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    w.dispose();
  });

  it('an applicant without a timetable gets any future slot, and freeSlots says they shared none', async () => {
    const w = await interviewWorld();
    const applicationId = await w.screened(S2);
    expect(await w.must<ShowcaseResults['freeSlots']>(OWNER, { action: 'freeSlots', applicationId, date: MONDAY })).toEqual({ date: MONDAY, windows: null });
    await w.must(OWNER, { action: 'offerSlots', applicationId, slots: [at('09:00'), at('14:30')] });
    await w.must(S2, { action: 'pickSlot', applicationId, slot: at('09:00') });
    // A slot in the past is still refused.
    const again = await w.screened(S1);
    expect(await w.koc(OWNER, { action: 'offerSlots', applicationId: again, slots: [w.clock.now() - 60_000] })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    w.dispose();
  });
});
