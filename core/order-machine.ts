// Orders move on two axes, each a transition table: fulfilment (status: the seat, the group,
// shipping, receipt) and money (paid, refunding, refunded). Kept apart so a partial refund
// never stops an order from being received and completed. Every change is one edge of a
// table, written with a condition on the current state (or in a transaction that read it),
// and appended to the order's history.
import { stateMachine } from './state-machine';

export const ORDER_STATES = [
  'reserving', // seat being taken (a crash here is swept after a minute)
  'created', // seat (or a solo order's stock) held, waiting for payment until seatExpiresAt
  'awaiting_group', // paid, the group not full yet
  'confirmed', // the group succeeded, or a solo order was paid: to ship
  'shipped',
  'ready_for_pickup',
  'completed', // received (by the buyer or WeChat's auto-confirm)
  'cancelled', // never became a sale: seat expired, abandoned, group full or failed
  'closed', // a sale whose money all went back
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const orderMachine = stateMachine<OrderState>(
  'order',
  {
    reserving: ['created', 'cancelled'],
    // created -> confirmed: a solo order (bought alone) has no group to wait for; only
    // recordPayment takes it, and only for kind 'solo'.
    created: ['awaiting_group', 'confirmed', 'cancelled'],
    awaiting_group: ['confirmed', 'cancelled'],
    confirmed: ['shipped', 'ready_for_pickup', 'closed'],
    shipped: ['completed', 'closed'],
    ready_for_pickup: ['completed', 'closed'],
    completed: ['closed'],
    cancelled: [],
    closed: [],
  },
  ['reserving'],
);

export const MONEY_STATES = ['unpaid', 'paid', 'refunding', 'partially_refunded', 'refunded'] as const;
export type MoneyState = (typeof MONEY_STATES)[number];

export const moneyMachine = stateMachine<MoneyState>(
  'order money',
  {
    unpaid: ['paid'],
    paid: ['refunding'],
    // A refund WeChat closed stays refunding for a person to handle.
    refunding: ['partially_refunded', 'refunded'],
    partially_refunded: ['refunding'],
    refunded: [],
  },
  ['unpaid'],
);

export const ORDER_TRANSITIONS = orderMachine.transitions;
export const canTransition = orderMachine.canMove;

// The subsets other code asks about, defined here once.
/** Holds (or is taking) a seat and counts against the per-student limit. */
export const LIVE_STATES: readonly OrderState[] = ['reserving', 'created', 'awaiting_group', 'confirmed', 'shipped', 'ready_for_pickup', 'completed'];
/** Paid for and kept by a group: the customer has bought (new-customers-only, stats). */
export const PURCHASED_STATES: readonly OrderState[] = ['awaiting_group', 'confirmed', 'shipped', 'ready_for_pickup', 'completed'];
/** Not paid yet: an unpaid leader's group is the one open unpaid group a student may have. */
export const UNPAID_STATES: readonly OrderState[] = ['reserving', 'created'];
/** A group's members: whoever holds a seat or paid (half-made and abandoned seats are not members). */
export const MEMBER_STATES: readonly OrderState[] = ['created', 'awaiting_group', 'confirmed', 'shipped', 'ready_for_pickup', 'completed', 'closed'];
/** Money states in which WeChat took the buyer's money at some point. */
export const PAID_MONEY: readonly MoneyState[] = ['paid', 'refunding', 'partially_refunded', 'refunded'];
/** The buyer can confirm receipt. */
export const RECEIVABLE_STATES: readonly OrderState[] = ['shipped', 'ready_for_pickup'];
/** After-sales: a refund may be asked for once the group succeeded, with money left to return. */
export const REFUNDABLE_STATES: readonly OrderState[] = ['confirmed', 'shipped', 'ready_for_pickup', 'completed'];
export const REFUNDABLE_MONEY: readonly MoneyState[] = ['paid', 'partially_refunded'];

export const isLive = (s: OrderState) => LIVE_STATES.includes(s);
/**
 * An order the student really placed: it held a seat (reached `created`) or money moved. A
 * refused 开团/参团 (full, sold out, over the limit) leaves an order that went straight from
 * reserving to cancelled; it is nothing to show the student.
 */
export const wasPlaced = (o: { status: OrderState; money: MoneyState; history: { to: string }[] }) =>
  o.money !== 'unpaid' || o.history.some((h) => h.to === 'created');
export const isMember = (o: { status: OrderState; money: MoneyState }) => MEMBER_STATES.includes(o.status) || PAID_MONEY.includes(o.money);

/** States a student sees, in Chinese. */
export const ORDER_STATE_NAMES: Record<OrderState, string> = {
  reserving: '占座中',
  created: '待支付',
  awaiting_group: '待成团',
  confirmed: '已成团',
  shipped: '已发货',
  ready_for_pickup: '待自提',
  completed: '已完成',
  cancelled: '已取消',
  closed: '已关闭',
};

export const MONEY_STATE_NAMES: Record<MoneyState, string> = {
  unpaid: '未支付',
  paid: '已支付',
  refunding: '退款中',
  partially_refunded: '部分退款',
  refunded: '已退款',
};

/** One label for a list: fulfilment, with the money said when a refund is involved. A solo order has no group: confirmed is 待发货. */
export function orderLabel(status: OrderState, money: MoneyState, kind: 'solo' | 'group' = 'group'): string {
  const name = kind === 'solo' && status === 'confirmed' ? '待发货' : ORDER_STATE_NAMES[status];
  if (money === 'refunding' || money === 'partially_refunded') return `${name} · ${MONEY_STATE_NAMES[money]}`;
  if (money === 'refunded') return MONEY_STATE_NAMES.refunded;
  return name;
}

/** Kept for callers that asked before the helper existed. */
export const reachableStates = () => orderMachine.reachable();
