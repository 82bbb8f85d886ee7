import { groupMachine, OPEN_REFUND_STATES, refundMachine } from './groupbuy-machines';
import { isMember, moneyMachine, ORDER_STATES, orderLabel, orderMachine, wasPlaced } from './order-machine';
import { stateMachine } from './state-machine';

describe('transition tables', () => {
  it.each([orderMachine, moneyMachine, groupMachine, refundMachine])('$name: every state reachable, every edge to a known state', (m) => {
    expect(m.problems()).toEqual([]);
    expect([...m.reachable()].sort()).toEqual([...m.states].sort());
  });

  it('the final states are the ones meant to be final', () => {
    expect(orderMachine.finals()).toEqual(['cancelled', 'closed']);
    expect(moneyMachine.finals()).toEqual(['refunded']);
    expect(groupMachine.finals()).toEqual(['succeeded', 'failed']);
    expect(refundMachine.finals()).toEqual(['rejected', 'succeeded', 'closed']);
  });

  it('fulfilment and money are separate: a partly refunded order can still be shipped, received and completed', () => {
    expect(orderMachine.canMove('shipped', 'completed')).toBe(true);
    expect(moneyMachine.canMove('partially_refunded', 'refunding')).toBe(true);
    expect(ORDER_STATES).not.toContain('partially_refunded');
    expect(orderMachine.canMove('cancelled', 'created')).toBe(false);
    expect(orderMachine.canMove('confirmed', 'awaiting_group')).toBe(false);
    expect(() => orderMachine.assertMove('completed', 'shipped')).toThrow('illegal order transition completed -> shipped');
    expect(() => moneyMachine.assertMove('refunded', 'paid')).toThrow();
  });

  it('a solo order goes from created straight to confirmed when paid; a rejected refund request is final', () => {
    expect(orderMachine.canMove('created', 'confirmed')).toBe(true);
    expect(orderMachine.reachable().has('confirmed')).toBe(true);
    expect(refundMachine.canMove('requested', 'rejected')).toBe(true);
    expect(refundMachine.canMove('rejected', 'pending')).toBe(false);
    expect(OPEN_REFUND_STATES).not.toContain('rejected');
  });

  it('the helper finds unreachable states and edges to nowhere', () => {
    const broken = stateMachine<'a' | 'b' | 'c'>('t', { a: ['b'], b: [], c: ['a', 'z' as 'a'] }, ['a']);
    expect(broken.problems()).toEqual(['t: c is unreachable', 't: c -> z leads nowhere']);
  });

  it('members and labels', () => {
    expect(isMember({ status: 'cancelled', money: 'refunded' })).toBe(true); // paid, then the group failed
    expect(isMember({ status: 'cancelled', money: 'unpaid' })).toBe(false);
    expect(isMember({ status: 'reserving', money: 'unpaid' })).toBe(false);
    expect(orderLabel('shipped', 'partially_refunded')).toBe('已发货 · 部分退款');
    expect(orderLabel('cancelled', 'refunded')).toBe('已退款');
    expect(orderLabel('confirmed', 'paid')).toBe('已成团');
    expect(orderLabel('confirmed', 'paid', 'solo')).toBe('待发货'); // bought alone: no group to have formed
    expect(orderLabel('confirmed', 'refunding', 'solo')).toBe('待发货 · 退款中');
  });

  it('labels say the money only while a refund is involved', () => {
    expect(orderLabel('confirmed', 'refunding')).toBe('已成团 · 退款中');
    expect(orderLabel('completed', 'partially_refunded')).toBe('已完成 · 部分退款');
    expect(orderLabel('created', 'unpaid')).toBe('待支付');
    expect(orderLabel('closed', 'refunded')).toBe('已退款');
  });

  it('an order was placed if it ever held a seat or money moved; a refused join was not', () => {
    // 开团 refused (group full): reserving -> cancelled, no money.
    expect(wasPlaced({ status: 'cancelled', money: 'unpaid', history: [{ to: 'cancelled' }] })).toBe(false);
    expect(wasPlaced({ status: 'reserving', money: 'unpaid', history: [] })).toBe(false);
    // Held a seat, never paid, the seat expired.
    expect(wasPlaced({ status: 'cancelled', money: 'unpaid', history: [{ to: 'created' }, { to: 'cancelled' }] })).toBe(true);
    expect(wasPlaced({ status: 'created', money: 'unpaid', history: [{ to: 'created' }] })).toBe(true);
    // Money moved (a late payment refunded), whatever the history says.
    expect(wasPlaced({ status: 'cancelled', money: 'refunded', history: [{ to: 'cancelled' }] })).toBe(true);
    expect(wasPlaced({ status: 'awaiting_group', money: 'paid', history: [] })).toBe(true);
  });
});
