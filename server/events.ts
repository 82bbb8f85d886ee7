import type { Ctx } from './context';
import type { Transaction } from './db/types';

export type EventType =
  | 'share_created'
  | 'open'
  | 'open_failed'
  | 'bind'
  | 'order_created'
  | 'order_paid'
  | 'group_succeeded'
  | 'group_failed'
  | 'refund_succeeded'
  | 'order_completed'
  | 'payment_mismatch';

/**
 * Appends an event. Events are never edited: analytics and experiments read them. Share,
 * open and bind events carry `code`, `sharer` and `merchantId`, the fields orders carry too,
 * so figures per card join orders in one query.
 */
export async function recordEvent(ctx: Ctx, type: EventType, fields: Record<string, unknown>): Promise<void> {
  await ctx.db.collection('events').add({ data: { type, at: new Date(ctx.now()), openid: ctx.openid, ...fields } });
}

/**
 * Appends an event inside a transaction, with the state change it reports: a crash keeps both
 * or neither, so no order_paid or order_completed is lost. The id names the change (one event
 * per order and type, say), so even a replayed transaction writes it once. Same fields as
 * recordEvent.
 */
export async function recordEventTx(tx: Transaction, ctx: Ctx, id: string, type: EventType, fields: Record<string, unknown>): Promise<void> {
  await tx.collection('events').add({ data: { _id: id, type, at: new Date(ctx.now()), openid: ctx.openid, ...fields } });
}

/**
 * What every order event carries. Commissions, card stats and tiers join on these fields
 * (the card's code and sharer come from the binding copied onto the order), so they are
 * written in this one place.
 */
export function orderEventFields(o: { _id: string; groupId: string; merchantId: string; totalFen: number; binding: { code: string; sharer: string } | null }) {
  return { orderId: o._id, groupId: o.groupId, merchantId: o.merchantId, amountFen: o.totalFen, code: o.binding?.code, sharer: o.binding?.sharer };
}
