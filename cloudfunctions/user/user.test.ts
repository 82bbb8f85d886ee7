import fc from 'fast-check';
import { COMMON_CODES } from '../../core/result';
import { testCloud } from '../../local-cloud/testing';
import user from './function';

describe('user function', () => {
  it('login returns a seeded profile, and creates a new student once', async () => {
    const { call } = await testCloud();
    const demo = await call<{ profile: { nickname: string; roles: string[] }; isNew: boolean }>('user', 'demo-student-1', { action: 'login' });
    expect(demo).toMatchObject({ ok: true, data: { isNew: false, profile: { nickname: '林小满', roles: ['student'], campusName: '华东示范大学' } } });
    const first = await call('user', 'wx-new-1', { action: 'login' });
    const again = await call('user', 'wx-new-1', { action: 'login' });
    expect(first).toMatchObject({ ok: true, data: { isNew: true, profile: { openid: 'wx-new-1', roles: ['student'], campusId: null } } });
    expect(again).toMatchObject({ ok: true, data: { isNew: false } });
  });

  it('concurrent first logins create one profile', async () => {
    const { call, cloud } = await testCloud();
    const results = await Promise.all(Array.from({ length: 5 }, () => call<{ isNew: boolean }>('user', 'wx-race', { action: 'login' })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.data.isNew)).toHaveLength(1);
    expect((await cloud.db.collection('users').where({ _id: 'wx-race' }).count()).total).toBe(1);
  });

  it('identity comes from the context: an openid in the event changes nothing', async () => {
    const { call } = await testCloud();
    const res = await call('user', 'demo-student-2', { action: 'updateProfile', openid: 'demo-student-1', nickname: 'x' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const s1 = await call<{ nickname: string }>('user', 'demo-student-1', { action: 'getProfile' });
    expect(s1).toMatchObject({ ok: true, data: { nickname: '林小满' } });
  });

  it('updateProfile edits and validates every field', async () => {
    const { call } = await testCloud();
    const me = 'demo-student-1';
    const res = await call('user', me, {
      action: 'updateProfile',
      nickname: '  小满  ',
      grade: '大三',
      major: '软件工程',
      interests: ['数码', '图书'],
      campusId: 'campus-huadong',
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
    const { call } = await testCloud();
    expect(await call('user', '', { action: 'login' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('1,000 random events: always a typed result, never a throw, nothing written unless it succeeded', async () => {
    const { call, fingerprint } = await testCloud();
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
      fc.asyncProperty(event, fc.constantFrom('demo-student-1', 'demo-koc-1'), async (ev, openid) => {
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
