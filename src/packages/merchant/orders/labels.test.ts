import type { OrderView } from '@core/contracts/groupbuy';
import { canReady, canShip, stateTag } from './labels';

const order = (over: Partial<OrderView>): OrderView =>
  ({
    id: 'o1',
    state: 'confirmed',
    money: 'paid',
    fulfilment: null,
    refundRequest: null,
    ...over,
  }) as OrderView;

const pickup = { type: 'pickup', point: { id: 'pt1', name: '二食堂门口', place: '南门', hours: '全天' } } as unknown as OrderView['fulfilment'];

describe('merchant order card actions', () => {
  test('a confirmed order is shipped or readied by its fulfilment', () => {
    expect(canShip(order({}))).toBe(true);
    expect(canReady(order({}))).toBe(false); // made before checkout asked: the card offers 发货
    expect(canShip(order({ fulfilment: pickup }))).toBe(false);
    expect(canReady(order({ fulfilment: pickup }))).toBe(true);
  });

  test('an order whose refund is approved (money refunding) offers neither 发货 nor 备货完成', () => {
    expect(canShip(order({ money: 'refunding' }))).toBe(false);
    expect(canReady(order({ money: 'refunding', fulfilment: pickup }))).toBe(false);
    expect(stateTag(order({ money: 'refunding' }))).toEqual({ label: '退款中', tone: 'warning' });
    // Once the refund is paid (part of it), the rest can be handed over.
    expect(canShip(order({ money: 'partially_refunded' }))).toBe(true);
  });

  test('only confirmed orders', () => {
    expect(canShip(order({ state: 'shipped' }))).toBe(false);
    expect(canReady(order({ state: 'ready_for_pickup' }))).toBe(false);
  });
});
