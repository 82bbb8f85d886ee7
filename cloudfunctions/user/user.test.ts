import fc from 'fast-check';
import { COMMON_CODES } from '../../core/result';
import { CAMPUS, KOC, NICKNAME, STUDENTS, world } from '../groupbuy/fixture';
import user from './function';

const [S1, S2] = STUDENTS;

describe('user function', () => {
  it('login returns an existing profile, and creates a new student once', async () => {
    const { call } = await world();
    const existing = await call<{ profile: { nickname: string; roles: string[] }; isNew: boolean }>('user', S1, { action: 'login' });
    expect(existing).toMatchObject({ ok: true, data: { isNew: false, profile: { nickname: NICKNAME[S1], roles: ['student'], campusName: CAMPUS.name } } });
    const first = await call('user', 'wx-new-1', { action: 'login' });
    const again = await call('user', 'wx-new-1', { action: 'login' });
    expect(first).toMatchObject({ ok: true, data: { isNew: true, profile: { openid: 'wx-new-1', roles: ['student'], campusId: null } } });
    expect(again).toMatchObject({ ok: true, data: { isNew: false } });
  });

  it('concurrent first logins create one profile', async () => {
    const { call, cloud } = await world();
    const results = await Promise.all(Array.from({ length: 5 }, () => call<{ isNew: boolean }>('user', 'wx-race', { action: 'login' })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.data.isNew)).toHaveLength(1);
    expect((await cloud.db.collection('users').where({ _id: 'wx-race' }).count()).total).toBe(1);
  });

  it('identity comes from the context: an openid in the event changes nothing', async () => {
    const { call } = await world();
    const res = await call('user', S2, { action: 'updateProfile', openid: S1, nickname: 'x' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const s1 = await call<{ nickname: string }>('user', S1, { action: 'getProfile' });
    expect(s1).toMatchObject({ ok: true, data: { nickname: NICKNAME[S1] } });
  });

  it('updateProfile edits and validates every field', async () => {
    const { call } = await world();
    const me = S1;
    const res = await call('user', me, {
      action: 'updateProfile',
      nickname: '  小满  ',
      grade: '大三',
      major: '软件工程',
      interests: ['数码', '图书'],
      campusId: CAMPUS.id,
      avatarUrl: '/files/a.png',
    });
    expect(res).toMatchObject({
      ok: true,
      data: { nickname: '小满', grade: '大三', major: '软件工程', interests: ['数码', '图书'], avatarUrl: '/files/a.png' },
    });
    const cleared = await call('user', me, { action: 'updateProfile', interests: [], grade: null });
    expect(cleared).toMatchObject({ ok: true, data: { interests: [], grade: null } });
    for (const bad of [
      { nickname: '' },
      { nickname: 'x'.repeat(21) },
      { grade: '大五' },
      { interests: ['赌'] },
      { avatarUrl: 'javascript:alert(1)' },
      { campusId: 'nowhere' },
    ]) {
      expect(await call('user', me, { action: 'updateProfile', ...bad })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    }
    expect(await call('user', me, { action: 'updateProfile', nickname: '刷单小王' })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(await call('user', me, { action: 'getProfile' })).toMatchObject({ ok: true, data: { nickname: '小满' } });
  });

  it('without an identity every action is refused', async () => {
    const { call } = await world();
    expect(await call('user', '', { action: 'login' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('1,000 random events: always a typed result, never a throw, nothing written unless it succeeded', async () => {
    const { call, fingerprint } = await world();
    const actions = Object.keys(user.actions);
    const event = fc.oneof(
      fc
        .record({
          action: fc.constantFrom(...actions, 'nope', ''),
          fields: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
        })
        .map(({ action, fields }) => ({ ...fields, action })),
      fc.record(
        { action: fc.constantFrom(...actions), nickname: fc.jsonValue(), grade: fc.jsonValue(), interests: fc.jsonValue(), campusId: fc.jsonValue() },
        { requiredKeys: ['action'] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(event, fc.constantFrom(S1, KOC), async (ev, openid) => {
        const before = fingerprint();
        const res = await call('user', openid, ev as Record<string, unknown>);
        if (res.ok) {
          expect('data' in res).toBe(true);
        } else {
          expect([...COMMON_CODES]).toContain(res.code);
          expect(typeof res.message).toBe('string');
          expect(res.code).not.toBe('INTERNAL');
          expect(fingerprint()).toBe(before);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
