import type { MyEventView } from '@core/contracts/koc-events';
import { actionOf, myTurnLine, turnsLine, turnsParts } from './event-lines';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 24, 2); // 11-24 10:00 in campus time
const base: MyEventView = {
  id: 'e1',
  merchantId: 'm1',
  merchantName: '云朵便利店',
  kind: 'event',
  title: '新品品鉴会',
  description: '',
  place: '图书馆',
  startsAt: T0 + 100 * H,
  product: null,
  capacity: 10,
  taken: 3,
  opensAt: T0,
  closesAt: T0 + 72 * H,
  headStartHours: 24,
  opensByTier: { advanced: T0, intermediate: T0 + 24 * H, primary: T0 + 48 * H },
  myTier: 'primary',
  myOpensAt: T0 + 48 * H,
  state: 'not_yet',
  signedUp: false,
  orderId: null,
};

test('the tiers read highest first, in campus time', () => {
  expect(turnsLine(base)).toBe('高级 11-24 10:00 · 中级 11-25 10:00 · 初级 11-26 10:00');
  // One part a tier, so a line can wrap between tiers but never inside a date-time.
  expect(turnsParts(base)).toEqual(['高级 11-24 10:00', '中级 11-25 10:00', '初级 11-26 10:00']);
});

test("the caller's own turn and the button in each state", () => {
  expect(myTurnLine(base, T0)).toBe('你是初级达人，11-26 10:00 起可报名');
  expect(actionOf(base)).toEqual({ kind: 'none', text: '未到时间', disabled: true });
  expect(actionOf({ ...base, state: 'open' })).toEqual({ kind: 'sign_up', text: '报名', disabled: false });
  expect(actionOf({ ...base, state: 'open', kind: 'trial' }).text).toBe('领取试用');
  expect(actionOf({ ...base, state: 'full' }).text).toBe('已报满');
  expect(actionOf({ ...base, state: 'open', signedUp: true }).kind).toBe('cancel');
  expect(actionOf({ ...base, state: 'closed', signedUp: true })).toEqual({ kind: 'none', text: '已报名', disabled: true });
  expect(actionOf({ ...base, kind: 'trial', signedUp: true, orderId: 'o1' }).kind).toBe('order');
  // A trial place whose order is not issued yet: asking again issues it.
  expect(actionOf({ ...base, kind: 'trial', signedUp: true, orderId: null }).kind).toBe('sign_up');
});
