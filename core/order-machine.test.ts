import { canTransition, ORDER_STATES, ORDER_TRANSITIONS, reachableStates } from './order-machine';

it('every state is reachable and only refunded is final', () => {
  expect([...reachableStates()].sort()).toEqual([...ORDER_STATES].sort());
  expect(ORDER_STATES.filter((s) => ORDER_TRANSITIONS[s].length === 0)).toEqual(['refunded']);
  expect(canTransition('created', 'paid')).toBe(true);
  expect(canTransition('refunded', 'confirmed')).toBe(false);
  expect(canTransition('confirmed', 'awaiting_group')).toBe(false);
});
