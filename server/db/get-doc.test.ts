// getDocsByIds: one `_.in` query per 100 distinct ids (WeChat's server SDK returns at most 100
// documents a get), duplicates asked once, missing ids simply absent.
import { metered } from '../../local-cloud/engine/meter';
import { testCloud } from '../../local-cloud/testing';
import type { Ctx } from '../context';
import { getDocsByIds } from './get-doc';

describe('getDocsByIds', () => {
  it('reads 150 distinct ids (asked twice each, plus missing ones) in 2 queries', async () => {
    const t = await testCloud({ seed: false });
    for (let i = 0; i < 150; i++) await t.cloud.db.collection('users').add({ data: { _id: `u${i}`, nickname: `n${i}` } });
    const ctx = { db: t.cloud.db } as unknown as Ctx;
    const ids = Array.from({ length: 150 }, (_, i) => `u${i}`);
    const { result, ops } = await metered(() => getDocsByIds<{ nickname: string }>(ctx, 'users', [...ids, ...ids, 'nobody']));
    expect(result.size).toBe(150);
    expect(result.get('u149')?.nickname).toBe('n149');
    expect(result.has('nobody')).toBe(false);
    expect(ops.reads).toBe(2);
    // No ids, no query.
    expect((await metered(() => getDocsByIds(ctx, 'users', []))).ops.reads).toBe(0);
    t.dispose();
  });
});
