import { countText } from './count';

test('counts read as people read them', () => {
  expect(countText(0, '赞')).toBe('赞');
  expect(countText(0)).toBe('');
  expect(countText(7)).toBe('7');
  expect(countText(9999)).toBe('9999');
  expect(countText(10_000)).toBe('1万');
  expect(countText(12_345)).toBe('1.2万');
  expect(countText(19_999)).toBe('1.9万');
});
