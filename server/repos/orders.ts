import { canTransition, type OrderState } from '../../core/order-machine';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';

export interface OrderDoc {
  _id: string; // also the outTradeNo (32 characters of [0-9a-f])
  buyer: string;
  merchantId: string;
  campaignId: string;
  groupId: string;
  productId: string;
  title: string;
  image: string;
  unitPriceFen: number;
  quantity: number;
  /** What the buyer pays for goods (the commission base); no shipping on campus. */
  amountFen: number;
  totalFen: number;
  refundedFen: number;
  status: OrderState;
  /** Unique while the order is live: one seat per student per group. */
  memberKey: string;
  seatExpiresAt: Date;
  /** The binding at order time (sharing issue), copied so later changes do not move it. */
  binding: { sharer: string; code: string; channel: string; reason: string } | null;
  leader: boolean;
  history: { from: OrderState; to: OrderState; at: Date; by: string }[];
  createdAt: Date;
  paidAt?: Date;
  shippedAt?: Date;
  readyAt?: Date;
  completedAt?: Date;
}

export function findOrder(ctx: Ctx, id: string): Promise<OrderDoc | null> {
  return getDoc<OrderDoc>(ctx, 'orders', id);
}

/**
 * Moves an order along one edge of the table, only if it is still in `from`: true when this
 * call made the move, false when another writer (or an earlier run) already did.
 */
export async function transition(
  ctx: Ctx,
  orderId: string,
  from: OrderState,
  to: OrderState,
  by: string,
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  if (!canTransition(from, to)) throw new Error(`illegal order transition ${from} -> ${to}`);
  const _ = ctx.db.command;
  const at = new Date(ctx.now());
  const res = await ctx.db
    .collection('orders')
    .where({ _id: orderId, status: from })
    .update({ data: { ...extra, status: to, history: _.push([{ from, to, at, by }]) } });
  return res.stats.updated === 1;
}

/** A live order's memberKey is `${groupId}|${buyer}`; an ended one frees it for a new try. */
export const liveMemberKey = (groupId: string, buyer: string) => `${groupId}|${buyer}`;
export const endedMemberKey = (orderId: string) => `ended|${orderId}`;
