import type { OrderFulfilment } from '../../core/contracts/fulfilment';
import { type MoneyState, moneyMachine, type OrderState, orderMachine, PURCHASED_STATES } from '../../core/order-machine';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import type { DbCommand, Transaction } from '../db/types';

export interface OrderHistoryEntry {
  from: string;
  to: string;
  at: Date;
  by: string;
  /** Set for a move of the money axis; absent for fulfilment. */
  axis?: 'money';
}

export interface OrderDoc {
  _id: string; // also the outTradeNo (32 characters of [0-9a-f])
  buyer: string;
  merchantId: string;
  /** A seat in a group-buy, or bought alone at the product price (no campaign, no group), or a KOC trial's ¥0 product (server/orders/trial-orders.ts). Absent on older orders: group. */
  kind?: 'solo' | 'group' | 'trial';
  /** '' for a solo order. */
  campaignId: string;
  /** '' for a solo order. */
  groupId: string;
  productId: string;
  /** A course team-buy leader's class key, carried to the group the order opens. */
  courseKey?: string | null;
  title: string;
  image: string;
  unitPriceFen: number;
  quantity: number;
  /** What the buyer pays for goods (the commission base); no shipping on campus. */
  amountFen: number;
  totalFen: number;
  refundedFen: number;
  /** Fulfilment (orderMachine). */
  status: OrderState;
  /** Money (moneyMachine), apart from fulfilment. */
  money: MoneyState;
  /** The refund asked for or under way (at most one at a time), null when none. */
  openRefund: string | null;
  /** The latest refund of the order (asked for, rejected, paid or owed), for the order's page. */
  lastRefund?: string | null;
  /** After-sales requests made so far: the next request's number (a rejected one is never reused). */
  refundAsks?: number;
  /** How the order reaches the buyer, copied at checkout (null or absent on older orders). */
  fulfilment?: OrderFulfilment | null;
  /** Set when shipped. */
  tracking?: { carrier: string; trackingNo: string } | null;
  /** Made when the order is ready at its pickup point; the buyer shows it at handover. */
  pickupCode?: string | null;
  /** Codes tried at handover (each try claimed before it is compared); after PICKUP_TRIES no more. */
  pickupTries?: number;
  /** Unique while the order is live: one seat per student per group (a solo order's own id). */
  memberKey: string;
  seatExpiresAt: Date;
  /** The binding at order time (sharing issue), copied so later changes do not move it. */
  binding: { sharer: string; code: string; channel: string; reason: string } | null;
  leader: boolean;
  history: OrderHistoryEntry[];
  createdAt: Date;
  cancelReason?: string;
  paidAt?: Date;
  transactionId?: string;
  confirmedAt?: Date;
  shippedAt?: Date;
  readyAt?: Date;
  completedAt?: Date;
}

export function findOrder(ctx: Ctx, id: string): Promise<OrderDoc | null> {
  return getDoc<OrderDoc>(ctx, 'orders', id);
}

/** Stores a new order; a taken id or member key throws a duplicate-key error for the caller to read. */
export async function insertOrder(ctx: Ctx, order: OrderDoc): Promise<void> {
  await ctx.db.collection('orders').add({ data: order });
}

/**
 * Inside a transaction that read the order: writes its moves (from orderMoves) and the fields
 * that go with them, so flows of other domains change orders only through here.
 */
export async function updateOrderTx(tx: Transaction, orderId: string, data: Record<string, unknown>): Promise<void> {
  await tx.collection('orders').doc(orderId).update({ data });
}

/** Points an order still refunding (and still pointing at `from`) at its refund record. */
export async function pointAtRefund(ctx: Ctx, orderId: string, from: string | null | undefined, refundId: string): Promise<void> {
  await ctx.db
    .collection('orders')
    .where({ _id: orderId, money: 'refunding', openRefund: from })
    .update({ data: { openRefund: refundId, lastRefund: refundId } });
}

/**
 * Moves an order's fulfilment along one edge of the table, only if it is still in `from`: true
 * when this call made the move, false when another writer (or an earlier run) already did.
 */
export async function transition(
  ctx: Ctx,
  orderId: string,
  from: OrderState,
  to: OrderState,
  by: string,
  extra: Record<string, unknown> = {},
  /** More conditions the order must meet at the write (as `where` takes them). */
  guard: Record<string, unknown> = {},
): Promise<boolean> {
  orderMachine.assertMove(from, to);
  const _ = ctx.db.command;
  const at = new Date(ctx.now());
  const res = await ctx.db
    .collection('orders')
    .where({ ...guard, _id: orderId, status: from })
    .update({ data: { ...extra, status: to, history: _.push([{ from, to, at, by }]) } });
  return res.stats.updated === 1;
}

/**
 * The same move for every order of a group in one state (confirming a group's orders): the
 * edge is checked against the table once, the write is conditional on the state.
 */
export async function transitionGroup(ctx: Ctx, groupId: string, from: OrderState, to: OrderState, by: string, extra: Record<string, unknown> = {}) {
  orderMachine.assertMove(from, to);
  const _: DbCommand = ctx.db.command;
  const at = new Date(ctx.now());
  const res = await ctx.db
    .collection('orders')
    .where({ groupId, status: from })
    .update({ data: { ...extra, status: to, history: _.push([{ from, to, at, by }]) } });
  return res.stats.updated;
}

/**
 * The fields a transaction writes to move an order on either axis or both, checked against
 * the tables; the transaction read `o`, so its snapshot guards against a concurrent move.
 */
export function orderMoves(o: OrderDoc, moves: { status?: OrderState; money?: MoneyState[] }, at: Date, by: string) {
  const history = [...(o.history ?? [])];
  let money = o.money;
  for (const to of moves.money ?? []) {
    moneyMachine.assertMove(money, to);
    history.push({ from: money, to, at, by, axis: 'money' });
    money = to;
  }
  let status = o.status;
  if (moves.status && moves.status !== o.status) {
    orderMachine.assertMove(o.status, moves.status);
    history.push({ from: o.status, to: moves.status, at, by });
    status = moves.status;
  }
  return { status, money, history };
}

/** A live order's memberKey is `${groupId}|${buyer}`; an ended one frees it for a new try. */
export const liveMemberKey = (groupId: string, buyer: string) => `${groupId}|${buyer}`;
export const endedMemberKey = (orderId: string) => `ended|${orderId}`;
/** A solo order holds no seat: its key is its own, so it never meets another order's. */
export const soloMemberKey = (orderId: string) => `solo|${orderId}`;

/** Bought outside a group (a trial's ¥0 order too): the product's own stock, no seat. */
export const isSolo = (o: Pick<OrderDoc, 'kind' | 'groupId'>) => o.kind === 'solo' || o.kind === 'trial' || (!o.kind && !o.groupId);

/**
 * Which of `productIds` `buyer` received as a KOC trial (a trial order not cancelled): a note
 * about one of them is an ad (server/notes/tags.ts). One query on the buyer's orders (index
 * buyer_merchant); kept here, not beside the trial flow, so readers do not bundle payment code.
 */
export async function trialProductsOf(ctx: Ctx, buyer: string, productIds: readonly string[]): Promise<Set<string>> {
  if (!buyer || productIds.length === 0) return new Set();
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<OrderDoc>('orders')
    .where({ buyer, kind: 'trial', productId: _.in([...productIds]), status: _.neq('cancelled') })
    .limit(productIds.length * 2 + 10)
    .get();
  return new Set((data as OrderDoc[]).map((o) => o.productId));
}

/**
 * The paid orders (not cancelled, money taken) some of `buyers` made of some of `productIds`,
 * newest first, at most 100: a note's author learns which of its readers bought what it tagged.
 * One query on the orders (index buyer_created); kept here so readers do not bundle payment code.
 */
export async function paidOrdersOf(ctx: Ctx, buyers: readonly string[], productIds: readonly string[]): Promise<OrderDoc[]> {
  if (buyers.length === 0 || productIds.length === 0) return [];
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<OrderDoc>('orders')
    .where({ buyer: _.in([...buyers]), productId: _.in([...productIds]), status: _.in([...PURCHASED_STATES]) })
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get();
  return data as OrderDoc[];
}
