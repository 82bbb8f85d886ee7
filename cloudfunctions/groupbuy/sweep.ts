// The group-buy timer (every minute): expired seats, groups past their deadline, finished
// groups' orders and stock, refunds (sent, then confirmed by query), auto-confirmed receipts.
// Each step reads a page of 100 and makes only conditional moves, so running it twice, or
// after a crash, does nothing twice.
import { AUTO_CONFIRM_PICKUP_MS, AUTO_CONFIRM_SHIPPED_MS, RESERVING_GRACE_MS } from '../../core/groupbuy';
import type { Ctx } from '../../server/context';
import { completeOrder } from '../../server/flows/completion';
import { confirmOrders } from '../../server/flows/payments';
import { queryProcessingRefunds } from '../../server/flows/refund-results';
import { startRefund, submitPendingRefunds } from '../../server/flows/refunds';
import { recordEvent } from '../../server/repos/events';
import { type GroupDoc, releaseSeat } from '../../server/repos/groupbuy';
import { endedMemberKey, type OrderDoc, transition } from '../../server/repos/orders';

const PAGE = 100;

async function cancelSeat(ctx: Ctx, o: OrderDoc, from: 'created' | 'reserving', reason: string): Promise<boolean> {
  if (!(await transition(ctx, o._id, from, 'cancelled', 'system', { memberKey: endedMemberKey(o._id), cancelReason: reason }))) return false;
  await releaseSeat(ctx, o.groupId, o._id);
  return true;
}

export async function expireSeats(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const orders = ctx.db.collection<OrderDoc>('orders');
  let n = 0;
  for (const o of (
    await orders
      .where({ status: 'created', seatExpiresAt: _.lte(new Date(now)) })
      .limit(PAGE)
      .get()
  ).data) {
    if (await cancelSeat(ctx, o, 'created', 'SEAT_EXPIRED')) n++;
  }
  for (const o of (
    await orders
      .where({ status: 'reserving', createdAt: _.lte(new Date(now - RESERVING_GRACE_MS)) })
      .limit(PAGE)
      .get()
  ).data) {
    if (await cancelSeat(ctx, o, 'reserving', 'RESERVING_ABANDONED')) n++;
  }
  return n;
}

export async function failExpiredGroups(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  let n = 0;
  const { data } = await ctx.db
    .collection<GroupDoc>('groups')
    .where({ status: 'open', deadline: _.lte(new Date(ctx.now())) })
    .limit(PAGE)
    .get();
  for (const g of data) {
    const res = await ctx.db
      .collection('groups')
      .where({ _id: g._id, status: 'open' })
      .update({ data: { status: 'failed', failedAt: new Date(ctx.now()) } });
    if (res.stats.updated === 1) {
      n++;
      await recordEvent(ctx, 'group_failed', { groupId: g._id, campaignId: g.campaignId, merchantId: g.merchantId, size: g.size, paid: g.paid });
    }
  }
  return n;
}

/** A finished group's orders reach their end (confirmed or refunding) and its unused stock returns, once. */
export async function settleGroups(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<GroupDoc>('groups')
    .where({ status: _.in(['succeeded', 'failed']), settled: false })
    .limit(PAGE)
    .get();
  for (const g of data) {
    const orders = (await ctx.db.collection<OrderDoc>('orders').where({ groupId: g._id }).limit(PAGE).get()).data;
    for (const o of orders.filter((x) => x.status === 'created' || x.status === 'reserving')) await cancelSeat(ctx, o, o.status as 'created', 'GROUP_ENDED');
    if (g.status === 'succeeded') await confirmOrders(ctx, g._id);
    else
      for (const o of orders.filter((x) => x.status === 'paid' || x.status === 'awaiting_group'))
        await startRefund(ctx, o, o.status, '未在截止前成团，自动全额退款');
    const sold = g.status === 'succeeded' ? g.size : 0;
    await ctx.db
      .collection('campaigns')
      .where({ _id: g.campaignId, reservedGroups: g._id, releasedGroups: _.nin([g._id]) })
      .update({ data: { stock: _.inc(g.size - sold), releasedGroups: _.push([g._id]) } });
    await ctx.db
      .collection('groups')
      .doc(g._id)
      .update({ data: { settled: true } });
  }
  return data.length;
}

export async function autoConfirmReceipts(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const now = ctx.now();
  let n = 0;
  const orders = ctx.db.collection<OrderDoc>('orders');
  const due = [
    ...(
      await orders
        .where({ status: 'shipped', shippedAt: _.lte(new Date(now - AUTO_CONFIRM_SHIPPED_MS)) })
        .limit(PAGE)
        .get()
    ).data,
    ...(
      await orders
        .where({ status: 'ready_for_pickup', readyAt: _.lte(new Date(now - AUTO_CONFIRM_PICKUP_MS)) })
        .limit(PAGE)
        .get()
    ).data,
  ];
  for (const o of due) if (await completeOrder(ctx, o, 'auto_confirm')) n++;
  return n;
}

export async function sweep(ctx: Ctx) {
  const seatsReleased = await expireSeats(ctx);
  const groupsFailed = await failExpiredGroups(ctx);
  const groupsSettled = await settleGroups(ctx);
  // Send refunds, then ask about those WeChat is processing: only its SUCCESS completes one.
  const sent = await submitPendingRefunds(ctx);
  const asked = await queryProcessingRefunds(ctx);
  const autoConfirmed = await autoConfirmReceipts(ctx);
  return {
    seatsReleased,
    groupsFailed,
    groupsSettled,
    refundsAccepted: sent.accepted,
    refundsFailed: sent.failed,
    refundsSucceeded: asked.succeeded,
    refundsWaiting: asked.waiting,
    autoConfirmed,
  };
}
