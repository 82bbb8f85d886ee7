import type { OrderView } from '@core/contracts/groupbuy';
import { orderStatus, stepName } from './status';

const o = (state: OrderView['state'], money: OrderView['money'] = 'paid', refund: OrderView['refund'] = null) => ({
  state,
  money,
  refund,
  kind: 'group' as const,
});

describe('order status for the buyer', () => {
  it('tells done (green) from refunded or closed (grey)', () => {
    expect(orderStatus(o('completed'))).toEqual({ text: '已完成', tone: 'success' });
    expect(orderStatus(o('closed', 'refunded'))).toEqual({ text: '已退款', tone: 'neutral' });
    expect(orderStatus(o('cancelled', 'unpaid')).tone).toBe('neutral');
  });
  it('says waiting states in orange and moving ones in blue', () => {
    expect(orderStatus(o('created', 'unpaid'))).toEqual({ text: '待付款', tone: 'warning' });
    expect(orderStatus(o('shipped'))).toEqual({ text: '待收货', tone: 'info' });
  });
  it('puts a pending after-sales request before the fulfilment state', () => {
    const refund = { id: 'r', amountFen: 100, reason: '不想要了', note: '', photos: [], state: 'requested' as const, rejectReason: null, createdAt: 0 };
    expect(orderStatus(o('shipped', 'paid', refund)).text).toBe('退款申请中');
  });
  it('names a group success in the timeline', () => {
    expect(stepName('confirmed', 'group', 'awaiting_group')).toBe('拼团成功，等待发货');
    expect(stepName('confirmed', 'solo', 'created')).toBe('已付款，等待发货');
  });
});
