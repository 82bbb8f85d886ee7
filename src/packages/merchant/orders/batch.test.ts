import { batchOutcome } from './batch';

describe('batch shipment outcome', () => {
  test('all shipped', () => {
    expect(
      batchOutcome({
        shipped: 2,
        results: [
          { orderId: 'o1', ok: true, state: 'shipped' },
          { orderId: 'o2', ok: true, state: 'shipped' },
        ],
      }),
    ).toEqual({ shipped: 2, failed: [], summary: '已发货 2 单' });
  });

  test('some refused: the number shipped, and each refused order with its reason', () => {
    expect(
      batchOutcome({
        shipped: 1,
        results: [
          { orderId: 'o1', ok: true, state: 'shipped' },
          { orderId: 'o2', ok: false, code: 'BAD_STATE', message: '这笔订单正在退款，先别发货' },
          { orderId: 'o3', ok: false, code: 'NOT_FOUND', message: '没有这个订单' },
        ],
      }),
    ).toEqual({
      shipped: 1,
      failed: [
        { orderId: 'o2', message: '这笔订单正在退款，先别发货' },
        { orderId: 'o3', message: '没有这个订单' },
      ],
      summary: '已发货 1 单，2 单没有发出',
    });
  });

  test('none shipped', () => {
    expect(
      batchOutcome({ shipped: 0, results: [{ orderId: 'o1', ok: false, code: 'BAD_STATE', message: '只有待发货的订单可以发货或通知自提' }] }).summary,
    ).toBe('1 单都没有发出');
  });
});
