/**
 * @jest-environment jsdom
 */
// The native countdown in WeChat's component runtime (miniprogram-simulate): what it shows,
// that it ticks once a second without page setData, and that it fires expire once.
import path from 'node:path';
import simulate from 'miniprogram-simulate';

const NOW = Date.parse('2026-11-22T08:00:00Z');

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
});
afterEach(() => {
  jest.useRealTimers();
});

// Loaded once: the simulator registers a component definition per load.
const id = simulate.load(path.join(__dirname, 'index'));

function render(props: Record<string, unknown>) {
  const comp = simulate.render(id, props);
  comp.attach(document.createElement('parent-wrapper'));
  const digits = () => comp.querySelector('.countdown-digits')?.dom?.textContent;
  return { comp, digits };
}

test('shows the time left and counts down each second', async () => {
  const { digits, comp } = render({ end: NOW + 3_661_000, label: '距结束' });
  expect(digits()).toBe('01:01:01');
  expect(comp.querySelector('.countdown-label')?.dom?.textContent).toBe('距结束');
  jest.advanceTimersByTime(1000);
  await Promise.resolve();
  expect(digits()).toBe('01:01:00');
  jest.advanceTimersByTime(60_000);
  await Promise.resolve();
  expect(digits()).toBe('01:00:00');
});

test('shows days past 24 hours and corrects a wrong phone clock with skew', () => {
  expect(render({ end: NOW + 90_061_000 }).digits()).toBe('1天 01:01:01');
  // The server is 10 s ahead of this phone: 10 s less remain than the phone thinks.
  expect(render({ end: NOW + 60_000, skew: 10_000 }).digits()).toBe('00:00:50');
});

test('fires expire exactly once and stops at zero', async () => {
  const { comp, digits } = render({ end: NOW + 2_000 });
  const expired = jest.fn();
  // j-component's root supports addEventListener; its typings leave it out.
  (comp as unknown as { addEventListener(name: string, fn: () => void): void }).addEventListener('expire', expired);
  jest.advanceTimersByTime(5_000);
  await Promise.resolve();
  expect(digits()).toBe('00:00:00');
  expect(expired).toHaveBeenCalledTimes(1);
  jest.advanceTimersByTime(5_000);
  expect(expired).toHaveBeenCalledTimes(1);
});

test('a new deadline restarts it', async () => {
  const { comp, digits } = render({ end: NOW + 1_000 });
  comp.setData({ end: NOW + 120_000 });
  await Promise.resolve();
  expect(digits()).toBe('00:02:00');
});
