// Career help: internships for a program's KOCs (applied to once, with their record from Sprout's
// data) and recommendation letters the merchant writes and signs once.
import type { CareerResults } from '../../core/contracts/koc-career';
import { KOC, kocSale, OWNER, SHOP_NAME, STUDENTS } from '../groupbuy/fixture';
import { honoursWorld } from './fixture';

const [S1, S2, S3] = STUDENTS;
const DAY = 86_400_000;

describe('career help', () => {
  it('a KOC applies to an internship once with their record; a non-member cannot; the merchant sees the applicant', async () => {
    const w = await honoursWorld();
    await kocSale(w, S1, S2, KOC);
    const post = await w.must<CareerResults['postInternship']>(OWNER, {
      action: 'postInternship',
      requestId: 'intern-request-1',
      title: '校园运营实习',
      description: '每周两天，负责宿舍区的新品试吃活动',
      deadline: w.clock.now() + 14 * DAY,
    });
    // The same post twice is one internship.
    expect(
      (
        await w.must<CareerResults['postInternship']>(OWNER, {
          action: 'postInternship',
          requestId: 'intern-request-1',
          title: '校园运营实习',
          description: '每周两天',
          deadline: w.clock.now() + DAY,
        })
      ).internshipId,
    ).toBe(post.internshipId);
    const list = await w.must<CareerResults['internships']>(KOC, { action: 'internships' });
    expect(list.items).toEqual([expect.objectContaining({ id: post.internshipId, merchantName: SHOP_NAME, applied: false })]);
    expect((await w.must<CareerResults['internships']>(S3, { action: 'internships' })).items).toEqual([]);

    const before = w.fingerprint();
    expect(await w.koc(S3, { action: 'applyInternship', internshipId: post.internshipId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      await w.koc(S3, { action: 'postInternship', requestId: 'intern-request-2', title: 'x', description: 'y', deadline: w.clock.now() + DAY }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      await w.koc(OWNER, { action: 'postInternship', requestId: 'intern-request-3', title: '过期岗位', description: 'y', deadline: w.clock.now() - 1 }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(w.fingerprint()).toEqual(before);

    await w.must(KOC, { action: 'applyInternship', internshipId: post.internshipId, note: '我做过宿舍团购' });
    await w.must(KOC, { action: 'applyInternship', internshipId: post.internshipId, note: '再点一次' });
    const applicants = await w.must<CareerResults['internshipApplicants']>(OWNER, { action: 'internshipApplicants', internshipId: post.internshipId });
    expect(applicants.items).toEqual([expect.objectContaining({ note: '我做过宿舍团购', record: expect.objectContaining({ tier: 'primary', orders: 1 }) })]);
    expect((await w.must<CareerResults['internships']>(KOC, { action: 'internships' })).items[0].applied).toBe(true);
    // The shop's own list, with how many applied.
    const mine = await w.must<CareerResults['myInternships']>(OWNER, { action: 'myInternships' });
    expect(mine.items).toEqual([expect.objectContaining({ id: post.internshipId, title: '校园运营实习', applicants: 1, open: true })]);
    expect(await w.koc(KOC, { action: 'myInternships' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('a KOC asks for a recommendation letter; the merchant writes and signs it once; the KOC reads it', async () => {
    const w = await honoursWorld();
    expect(await w.koc(S3, { action: 'requestLetter', merchantId: 'fx-shop', purpose: '申请暑期实习' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const { letterId } = await w.must<CareerResults['requestLetter']>(KOC, { action: 'requestLetter', merchantId: 'fx-shop', purpose: '申请暑期实习' });
    const requests = await w.must<CareerResults['letterRequests']>(OWNER, { action: 'letterRequests' });
    expect(requests.items).toEqual([expect.objectContaining({ id: letterId, state: 'requested', purpose: '申请暑期实习' })]);
    expect(await w.koc(KOC, { action: 'writeLetter', letterId, body: '自己写的' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await w.must(OWNER, { action: 'writeLetter', letterId, body: '该同学在我店达人计划中表现突出。' });
    expect(await w.koc(OWNER, { action: 'writeLetter', letterId, body: '改一改' })).toMatchObject({ ok: false, code: 'BAD_STATE' });
    const mine = await w.must<CareerResults['myLetters']>(KOC, { action: 'myLetters' });
    expect(mine.items).toEqual([
      expect.objectContaining({ state: 'written', body: '该同学在我店达人计划中表现突出。', merchantName: SHOP_NAME, signedAt: w.clock.now() }),
    ]);
  });
});
