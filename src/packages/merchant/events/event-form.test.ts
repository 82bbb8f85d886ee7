import { checkEvent, freshEventForm } from './event-form';

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
