import { orderMachine } from './order-machine';
import { stateMachine } from './state-machine';

describe('stateMachine helper', () => {
  const m = stateMachine<'a' | 'b' | 'c'>('t', { a: ['b'], b: ['c'], c: [] }, ['a']);

  it('canMove follows the table, and an unknown state (a corrupt document) moves nowhere instead of crashing', () => {
    // Built inside the test as well: a machine made while the file loads is out of a mutation run's reach.
    const fresh = stateMachine<'x' | 'y'>('f', { x: ['y'], y: [] }, ['x']);
    expect(fresh.canMove('x', 'y')).toBe(true);
    expect(fresh.canMove('y', 'x')).toBe(false);
    expect(m.canMove('a', 'b')).toBe(true);
    expect(m.canMove('a', 'c')).toBe(false);
    expect(m.canMove('c', 'a')).toBe(false);
    expect(m.canMove('zz' as 'a', 'b')).toBe(false);
    expect(orderMachine.canMove('paid' as 'created', 'completed')).toBe(false);
  });

  it('assertMove lets a legal edge through and names an illegal one', () => {
    expect(() => m.assertMove('a', 'b')).not.toThrow();
    expect(() => orderMachine.assertMove('shipped', 'completed')).not.toThrow();
    expect(() => m.assertMove('b', 'a')).toThrow('illegal t transition b -> a');
  });

  it('reachable, finals and problems', () => {
    expect([...m.reachable()]).toEqual(['a', 'b', 'c']);
    expect(m.finals()).toEqual(['c']);
    expect(m.problems()).toEqual([]);
    // An edge to a state missing from the table: reachable walks past it, problems() names it.
    const dangling = stateMachine<'a'>('d', { a: ['z' as 'a'] }, ['a']);
    expect([...dangling.reachable()]).toEqual(['a', 'z']);
    expect(dangling.problems()).toEqual(['d: a -> z leads nowhere']);
    // A start that is not a state.
    const badStart = stateMachine<'a'>('s', { a: [] }, ['a', 'q' as 'a']);
    expect(badStart.problems()).toEqual(['s: start q is not a state']);
  });
});
