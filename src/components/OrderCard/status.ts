// How an order's state reads to the buyer, and its tag colour: green when it went well, orange
// while waiting on someone, blue on its way, grey when closed or refunded, red when refused.
import type { OrderView } from '@core/contracts/groupbuy';
import type { TagTone } from '../ui/Tag';

export function orderStatus(o: Pick<OrderView, 'state' | 'money' | 'refund' | 'kind'>): { text: string; tone: TagTone } {
  if (o.money === 'refunded') return { text: '已退款', tone: 'neutral' };
  if (o.money === 'refunding') return { text: '退款中', tone: 'warning' };
  if (o.refund?.state === 'requested') return { text: '退款申请中', tone: 'warning' };
  switch (o.state) {
    case 'reserving':
      return { text: '处理中', tone: 'neutral' };
    case 'created':
      return { text: '待付款', tone: 'warning' };
    case 'awaiting_group':
      return { text: '待成团', tone: 'warning' };
    case 'confirmed':
      return { text: '待发货', tone: 'info' };
    case 'shipped':
      return { text: '待收货', tone: 'info' };
    case 'ready_for_pickup':
      return { text: '待取货', tone: 'info' };
    case 'completed':
      return { text: o.money === 'partially_refunded' ? '已完成 · 部分退款' : '已完成', tone: 'success' };
    case 'cancelled':
      return { text: '已取消', tone: 'neutral' };
    case 'closed':
      return { text: '已关闭', tone: 'neutral' };
  }
  return { text: '', tone: 'neutral' };
}

const STEP_NAMES: Record<string, string> = {
  reserving: '提交订单',
  created: '下单成功，待付款',
  awaiting_group: '已付款，等待成团',
  confirmed: '已付款，等待发货',
  shipped: '商家已发货',
  ready_for_pickup: '已到自提点，可以取货',
  completed: '已确认收货',
  cancelled: '订单已取消',
  closed: '订单已关闭',
  paid: '支付成功',
  refunding: '退款处理中',
  partially_refunded: '部分退款到账',
  refunded: '退款到账',
};

/** A history entry as a line of the order's timeline. */
export function stepName(to: string, kind: OrderView['kind'], from?: string): string {
  if (to === 'confirmed' && kind === 'group' && from === 'awaiting_group') return '拼团成功，等待发货';
  return STEP_NAMES[to] ?? to;
}

export const REFUND_STATE_TEXT = {
  requested: { text: '退款申请中，等待商家处理', tone: 'warning' },
  rejected: { text: '已驳回', tone: 'danger' },
  refunding: { text: '商家已同意，退款处理中', tone: 'warning' },
  succeeded: { text: '退款成功', tone: 'success' },
  closed: { text: '退款已关闭', tone: 'neutral' },
} as const satisfies Record<string, { text: string; tone: TagTone }>;
