import type { HonoursResults } from '../../core/contracts/koc-honours';
import { KOC, OWNER, RIVAL, SHOP, STUDENTS } from '../groupbuy/fixture';
import { courseInput, honoursWorld } from './fixture';

const [S1, S2] = STUDENTS;

const badgeInput = (requestId: string, rule: object, name = '试用达人') => ({ action: 'saveBadge', requestId, name, tier: 'bronze', rule });

describe('koc badges', () => {
  it('the timer grants a rule badge once with an audit entry; a second run changes nothing', async () => {
    const w = await honoursWorld();
    await w.member(SHOP, S1);
    const trial = await w.must<HonoursResults['saveBadge']>(OWNER, badgeInput('badge-request-1', { metric: 'trial_passed', threshold: 1 }));
    const trained = await w.must<HonoursResults['saveBadge']>(OWNER, badgeInput('badge-request-2', { metric: 'training', threshold: 1 }, '学霸'));
    const orders = await w.must<HonoursResults['saveBadge']>(OWNER, badgeInput('badge-request-3', { metric: 'orders', threshold: 10 }, '十单'));
    // A repeated save makes one badge.
    expect(await w.must(OWNER, badgeInput('badge-request-1', { metric: 'trial_passed', threshold: 1 }))).toEqual(trial);

    const run = await w.badgeTimer();
    expect(run).toMatchObject({ ok: true, data: { granted: 2 } });
    const grants = await w.all<{ _id: string }>('koc_badges');
    expect(grants.map((g) => g._id).sort()).toEqual([`${trial.badgeId}:${KOC}`, `${trial.badgeId}:${S1}`].sort());
    const audit = await w.all<{ _id: string; by: string; value: number; reason: string }>('koc_badge_audit');
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ by: 'rule', value: 1, reason: '通过试用考核' });

    const before = w.fingerprint();
    expect(await w.badgeTimer()).toMatchObject({ ok: true, data: { granted: 0 } });
    expect(w.fingerprint()).toBe(before);

    // Completing a course meets the training rule on the next run; the orders rule stays unmet.
    const { courseId } = await w.must<HonoursResults['saveCourse']>(OWNER, courseInput());
    await w.must(S1, { action: 'submitQuiz', courseId, answers: [1, 0, 0] });
    await w.badgeTimer();
    const mine = await w.must<HonoursResults['myBadges']>(S1, { action: 'myBadges' });
    expect(mine.items.map((b) => b.badgeId).sort()).toEqual([trial.badgeId, trained.badgeId].sort());
    expect(mine.items[0]).toMatchObject({ merchantName: '测试小店' });
    expect((await w.all<{ badgeId: string }>('koc_badges')).filter((g) => g.badgeId === orders.badgeId)).toEqual([]);
  });

  it('a disabled badge is granted no more, by rule or by hand, and its grants stay', async () => {
    const w = await honoursWorld();
    const { badgeId } = await w.must<HonoursResults['saveBadge']>(OWNER, badgeInput('badge-request-1', { metric: 'trial_passed', threshold: 1 }));
    await w.badgeTimer();
    expect(await w.all('koc_badges')).toHaveLength(1);
    await w.must(OWNER, { action: 'disableBadge', badgeId });
    await w.must(OWNER, { action: 'disableBadge', badgeId });
    await w.member(SHOP, S1);
    await w.badgeTimer();
    expect((await w.all<{ openid: string }>('koc_badges')).map((g) => g.openid)).toEqual([KOC]);
    expect(await w.koc(OWNER, { action: 'grantBadge', badgeId, openid: S1, reason: '表现好' })).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect((await w.must<HonoursResults['myBadges']>(KOC, { action: 'myBadges' })).items).toHaveLength(1);
    expect((await w.must<HonoursResults['listBadges']>(OWNER, { action: 'listBadges' })).items).toEqual([
      expect.objectContaining({ id: badgeId, disabled: true }),
    ]);
  });

  it('a manual badge is granted by the merchant with a reason, once', async () => {
    const w = await honoursWorld();
    const { badgeId } = await w.must<HonoursResults['saveBadge']>(OWNER, { ...badgeInput('badge-request-1', { manual: true }, '最佳笔记'), tier: 'custom' });
    await w.badgeTimer();
    expect(await w.all('koc_badges')).toEqual([]);
    expect(await w.must(OWNER, { action: 'grantBadge', badgeId, openid: KOC, reason: '笔记写得最好' })).toEqual({ granted: true });
    expect(await w.must(OWNER, { action: 'grantBadge', badgeId, openid: KOC, reason: '笔记写得最好' })).toEqual({ granted: false });
    expect(await w.all('koc_badge_audit')).toEqual([expect.objectContaining({ by: OWNER, reason: '笔记写得最好', openid: KOC })]);
    expect((await w.must<HonoursResults['myBadges']>(KOC, { action: 'myBadges' })).items).toEqual([
      expect.objectContaining({ badgeId, name: '最佳笔记', tier: 'custom', reason: '笔记写得最好' }),
    ]);
  });

  it('bad input writes nothing', async () => {
    const w = await honoursWorld();
    const { badgeId } = await w.must<HonoursResults['saveBadge']>(OWNER, badgeInput('badge-request-1', { manual: true }));
    const before = w.fingerprint();
    const refused = [
      await w.koc(S1, badgeInput('badge-request-2', { manual: true })), // a student
      await w.koc(OWNER, badgeInput('badge-request-3', { metric: 'likes', threshold: 1 })),
      await w.koc(OWNER, badgeInput('badge-request-4', { metric: 'orders', threshold: 0 })),
      await w.koc(OWNER, badgeInput('badge-request-5', { metric: 'tier', threshold: 4 })),
      await w.koc(OWNER, { ...badgeInput('badge-request-6', { manual: true }), multipleGrant: true }),
      await w.koc(OWNER, { ...badgeInput('badge-request-7', { manual: true }), tier: 'platinum' }),
      await w.koc(OWNER, { action: 'grantBadge', badgeId, openid: S2, reason: '不是达人' }), // not a member
      await w.koc(OWNER, { action: 'grantBadge', badgeId, openid: KOC, reason: '' }),
      await w.koc(RIVAL, { action: 'grantBadge', badgeId, openid: KOC, reason: '别家的徽章' }),
      await w.koc(RIVAL, { action: 'disableBadge', badgeId }),
      await w.koc(KOC, { action: 'badges' }), // only the timer runs the job
    ];
    expect(refused.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'FORBIDDEN',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'NOT_FOUND',
      'INVALID_INPUT',
      'NOT_FOUND',
      'NOT_FOUND',
      'FORBIDDEN',
    ]);
    expect(w.fingerprint()).toBe(before);
  });
});
