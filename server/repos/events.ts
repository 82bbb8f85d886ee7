import type { Ctx } from '../context';

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
 * What every order event carries. Commissions, card stats and tiers join on these fields
 * (the card's code and sharer come from the binding copied onto the order), so they are
 * written in this one place.
 */
export function orderEventFields(o: { _id: string; groupId: string; merchantId: string; totalFen: number; binding: { code: string; sharer: string } | null }) {
  return { orderId: o._id, groupId: o.groupId, merchantId: o.merchantId, amountFen: o.totalFen, code: o.binding?.code, sharer: o.binding?.sharer };
}
