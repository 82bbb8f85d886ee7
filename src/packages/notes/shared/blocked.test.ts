jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { getStorageSync: jest.fn(), setStorageSync: jest.fn() } }));

import { withBlocked } from './blocked';

test('blocking puts someone first once; unblocking takes them out', () => {
  expect(withBlocked([], 'a', true)).toEqual(['a']);
  expect(withBlocked(['b', 'a'], 'a', true)).toEqual(['a', 'b']);
  expect(withBlocked(['b', 'a'], 'a', false)).toEqual(['b']);
  expect(withBlocked(['b'], 'a', false)).toEqual(['b']);
});

test('the memory keeps the newest 200', () => {
  const many = Array.from({ length: 200 }, (_, i) => `u${i}`);
  const next = withBlocked(many, 'new', true);
  expect(next).toHaveLength(200);
  expect(next[0]).toBe('new');
  expect(next).not.toContain('u199');
});
