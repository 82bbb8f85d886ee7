import { checkBody, checkPost, freshPostForm, type PostForm, recordLine } from './career-form';

// 2099-01-01 10:00 in campus time.
const NOW = Date.UTC(2099, 0, 1, 2);
const form = (patch: Partial<PostForm> = {}): PostForm => ({
  title: '新媒体运营实习',
  description: '每周两天，负责门店小红书',
  deadlineDay: '2099-01-15',
  deadlineClock: '18:00',
  ...patch,
});

describe('merchant career forms', () => {
  test('a good post becomes the contract input with the deadline in campus time', () => {
    const res = checkPost(form({ title: '  新媒体运营实习 ' }), 'req-12345678', NOW);
    expect(res.errors).toBeNull();
    expect(res.input).toEqual({
      requestId: 'req-12345678',
      title: '新媒体运营实习',
      description: '每周两天，负责门店小红书',
      deadline: Date.UTC(2099, 0, 15, 10),
    });
  });

  test('missing fields and a past deadline are named on their fields', () => {
    expect(checkPost(form({ title: ' ', description: '' }), 'req-12345678', NOW).errors).toEqual({
      title: '请填写岗位名称',
      description: '请填写岗位说明',
    });
    expect(checkPost(form({ title: '字'.repeat(41) }), 'req-12345678', NOW).errors).toEqual({ title: '岗位名称最多 40 个字' });
    expect(checkPost(form({ deadlineDay: '2099-01-01', deadlineClock: '09:00' }), 'req-12345678', NOW).errors).toEqual({
      deadline: '截止时间要晚于现在',
    });
    expect(checkPost(form({ deadlineDay: '' }), 'req-12345678', NOW).errors).toEqual({ deadline: '请选择截止时间' });
  });

  test('a letter body is required and at most 2000 characters', () => {
    expect(checkBody('  ')).toEqual({ body: '', error: '请填写推荐信内容' });
    expect(checkBody(' 表现出色 ')).toEqual({ body: '表现出色', error: '' });
    expect(checkBody('字'.repeat(2001)).error).toBe('推荐信内容最多 2000 个字');
  });

  test('an applicant record reads in one line', () => {
    const since = Date.UTC(2099, 0, 1, 2);
    expect(recordLine({ tier: 'intermediate', orders: 12, badges: ['新人王', '种草之星'], memberSince: since })).toBe(
      '中级达人 · 成交 12 单 · 徽章：新人王、种草之星 · 2099-01-01 入选',
    );
    expect(recordLine({ tier: 'primary', orders: 0, badges: [], memberSince: since })).toBe('初级达人 · 成交 0 单 · 2099-01-01 入选');
  });
});

test('a new internship closes at 23:59 campus time two weeks out, whatever the minute now', () => {
  // 2099-01-01 23:30 in campus time: two weeks later is 01-15, closing at its 23:59.
  expect(freshPostForm(Date.UTC(2099, 0, 1, 15, 30))).toMatchObject({ deadlineDay: '2099-01-15', deadlineClock: '23:59' });
  expect(freshPostForm(NOW)).toMatchObject({ deadlineDay: '2099-01-15', deadlineClock: '23:59' });
});
