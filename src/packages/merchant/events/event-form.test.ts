import { checkEvent, fieldError, freshEventForm, previewTurns, windowNote } from './event-form';

const NOW = Date.UTC(2026, 10, 23, 4); // 2026-11-23 12:00 campus time

test('a fresh brand event with a title and place is valid, in campus time', () => {
  const f = { ...freshEventForm(NOW), title: '新品品鉴会', place: '图书馆报告厅' };
  const { input, errors } = checkEvent(f, 'req-12345678', NOW);
  expect(errors).toEqual({});
  // Tomorrow 10:00 in Shanghai is 02:00 UTC.
  expect(input).toMatchObject({ kind: 'event', capacity: 20, headStartHours: 24, opensAt: Date.UTC(2026, 10, 24, 2), place: '图书馆报告厅' });
});

test('errors land on their fields', () => {
  const f = { ...freshEventForm(NOW), title: '', place: '', capacity: '0', headStartHours: 'abc' };
  const { input, errors } = checkEvent(f, 'req-12345678', NOW);
  expect(input).toBeNull();
  expect(errors).toMatchObject({ title: '请填写活动名称', place: '请填写活动地点', capacity: '名额至少 1 个', headStartHours: '提前时间填 0-72 的整数小时' });
});

test('a trial drop needs a product; a head start that leaves 初级 no turn is refused beside it', () => {
  const trial = { ...freshEventForm(NOW), kind: 'trial' as const, title: '台灯试用' };
  expect(checkEvent(trial, 'req-12345678', NOW).errors.productId).toBe('请选择试用商品');
  const late = { ...trial, productId: 'p1', headStartHours: '72' };
  expect(checkEvent(late, 'req-12345678', NOW).errors.headStartHours).toMatch(/初级达人轮到报名时已经截止了/);
  expect(checkEvent({ ...trial, productId: 'p1' }, 'req-12345678', NOW).input).toMatchObject({ kind: 'trial', productId: 'p1' });
});

test('the preview reads one part a tier, and the window problem shows as it is typed', () => {
  const f = freshEventForm(NOW);
  expect(previewTurns(f)).toEqual(['高级 11-24 10:00', '中级 11-25 10:00', '初级 11-26 10:00']);
  expect(windowNote(f, NOW)).toBe('');
  // Closing 11-28 22:00: a 100-hour head start is over the cap, 60 hours leaves 初级 after closing.
  expect(windowNote({ ...f, headStartHours: '100' }, NOW)).toBe('每级最多提前 72 小时');
  expect(windowNote({ ...f, headStartHours: '60' }, NOW)).toMatch(/初级达人轮到报名时已经截止了/);
  expect(windowNote({ ...f, closeDay: f.openDay, closeClock: '09:00' }, NOW)).toBe('报名截止要晚于开始报名');
  // Nothing to say while the head start is being typed.
  expect(windowNote({ ...f, headStartHours: '' }, NOW)).toBe('');
});

test('a field is checked on its own when it loses focus', () => {
  const f = { ...freshEventForm(NOW), title: '' };
  expect(fieldError(f, 'title', 'req-12345678', NOW)).toBe('请填写活动名称');
  expect(fieldError({ ...f, title: '新品品鉴会' }, 'title', 'req-12345678', NOW)).toBe('');
});
