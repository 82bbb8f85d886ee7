import { groupMachine, refundMachine } from './groupbuy-machines';
import { isMember, moneyMachine, ORDER_STATES, orderLabel, orderMachine } from './order-machine';
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
    expect(refundMachine.finals()).toEqual(['succeeded', 'closed']);
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
  });
});
