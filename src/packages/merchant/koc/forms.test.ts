import { checkReason, checkScores, checkSlots, checkTrial, type TrialForm } from './forms';

// 2099-01-01 10:00 in campus time.
const NOW = Date.UTC(2099, 0, 1, 2);

describe('pipeline dialog checks', () => {
  test('a reason is required and trimmed', () => {
    expect(checkReason('  ')).toEqual({ reason: '', error: '请写明理由' });
    expect(checkReason(' 粉丝太少 ')).toEqual({ reason: '粉丝太少', error: '' });
    expect(checkReason('字'.repeat(101)).error).toBe('理由最多 100 个字');
  });

  test('interview slots are future campus instants without repeats', () => {
    const res = checkSlots('a1', [{ day: '2099-01-02', clock: '14:00' }], NOW);
    expect(res).toEqual({ slots: [Date.UTC(2099, 0, 2, 6)], errors: {} });
    expect(
      checkSlots(
        'a1',
        [
          { day: '2099-01-01', clock: '09:00' },
          { day: '', clock: '14:00' },
          { day: '2099-01-03', clock: '14:00' },
          { day: '2099-01-03', clock: '14:00' },
        ],
        NOW,
      ).errors,
    ).toEqual({ 'slots.0': '面试时间要在现在之后', 'slots.1': '请选择日期和时间', 'slots.3': '这个时间重复了' });
    expect(checkSlots('a1', [], NOW).errors).toEqual({ slots: '至少给一个时间' });
  });

  test('every score 1-5', () => {
    expect(checkScores('a1', { understanding: 4, ideas: 0, improvisation: 5 }, '').errors).toEqual({ ideas: '请打 1-5 分' });
    expect(checkScores('a1', { understanding: 4, ideas: 3, improvisation: 5 }, ' 很有想法 ').input).toEqual({
      applicationId: 'a1',
      scores: { understanding: 4, ideas: 3, improvisation: 5 },
      notes: '很有想法',
    });
  });

  test('a trial needs products, an end a day ahead at least, and goals', () => {
    const form: TrialForm = { productIds: ['p1'], endDay: '2099-01-08', endClock: '22:00', notes: '2', orders: '3' };
    expect(checkTrial('a1', form, NOW)).toEqual({
      input: { applicationId: 'a1', productIds: ['p1'], endsAt: Date.UTC(2099, 0, 8, 14), goals: { notes: 2, orders: 3 } },
      errors: {},
    });
    expect(checkTrial('a1', { productIds: [], endDay: '2099-01-01', endClock: '20:00', notes: '11', orders: 'x' }, NOW).errors).toEqual({
      productIds: '至少选一个试用商品',
      endsAt: '试用结束时间至少要在一天以后',
      notes: '笔记目标填 0-10 的整数',
      orders: '成交目标填 0-100 的整数',
    });
    expect(checkTrial('a1', { ...form, productIds: ['a', 'b', 'c', 'd'] }, NOW).errors).toEqual({ productIds: '试用商品最多 3 个' });
  });
});
