// Orders as a transition table. Every change of state is one of these edges, written with a
// conditional update on the current state (so two writers cannot both move an order) and
// appended to the order's history.

export const ORDER_STATES = [
  'reserving', // seat being taken (a crash here is swept after a minute)
  'created', // seat held, waiting for payment until seatExpiresAt
  'paid',
  'awaiting_group',
  'confirmed',
  'shipped',
  'ready_for_pickup',
  'completed',
  'cancelled',
  'refunding',
  'refunded',
  'partially_refunded',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_TRANSITIONS: Record<OrderState, readonly OrderState[]> = {
  reserving: ['created', 'cancelled'],
  created: ['paid', 'cancelled'],
  paid: ['awaiting_group', 'refunding'],
  awaiting_group: ['confirmed', 'refunding'],
  confirmed: ['shipped', 'ready_for_pickup', 'refunding'],
  shipped: ['completed', 'refunding'],
  ready_for_pickup: ['completed', 'refunding'],
  completed: ['refunding'],
  // A payment that arrives after the seat expired is refunded.
  cancelled: ['refunding'],
  refunding: ['refunded', 'partially_refunded'],
  partially_refunded: ['refunding', 'completed'],
  refunded: [],
};

export function canTransition(from: OrderState, to: OrderState): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** States a student sees, in Chinese. */
export const ORDER_STATE_NAMES: Record<OrderState, string> = {
  reserving: '占座中',
  created: '待支付',
  paid: '已支付',
  awaiting_group: '待成团',
  confirmed: '已成团',
  shipped: '已发货',
  ready_for_pickup: '待自提',
  completed: '已完成',
  cancelled: '已取消',
  refunding: '退款中',
  refunded: '已退款',
  partially_refunded: '部分退款',
};

/** Every state is reachable from `reserving`, and only `refunded` is final. */
export function reachableStates(start: OrderState = 'reserving'): Set<OrderState> {
  const seen = new Set<OrderState>([start]);
  const queue = [start];
  while (queue.length) for (const next of ORDER_TRANSITIONS[queue.shift() as OrderState]) if (!seen.has(next)) seen.add(next) && queue.push(next);
  return seen;
}
