// The group-buy timer (every minute): expired seats, reconcilers for open groups, groups past
// their deadline, finished groups' orders and stock, refunds (sent, then confirmed by query),
// auto-confirmed receipts. Each step reads a page of 100 and makes only conditional moves or
// transactions that re-read what they change, so running it twice, or after a crash, does
// nothing twice.
import { AUTO_CONFIRM_PICKUP_MS, AUTO_CONFIRM_SHIPPED_MS, RESERVING_GRACE_MS } from '../../core/groupbuy';
import type { Ctx } from '../context';
import { completeOrder } from '../orders/completion';
import { cancelOrder } from '../orders/order-end';
import type { OrderDoc } from '../orders/orders';
import { confirmOrders } from '../payments/payments';
import { queryProcessingRefunds } from '../payments/refund-results';
import { submitPendingRefunds } from '../payments/refunds';
import { isFull, moveGroup } from './group-moves';
import { type GroupDoc, releaseSeat } from './groups';
import { releaseGroupStock } from './open-group';
import { failIfEmpty, reconcileOpenGroups, reconcileRefunding, tombstoneGroup } from './reconcile';

const PAGE = 100;

export async function expireSeats(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const orders = ctx.db.collection<OrderDoc>('orders');
  let n = 0;
  const expired = (
    await orders
      .where({ status: 'created', seatExpiresAt: _.lte(new Date(now)) })
      .limit(PAGE)
      .get()
  ).data;
  for (const o of expired) {
    if ((await cancelOrder(ctx, o._id, ['created'], 'SEAT_EXPIRED', '')) !== 'not_moved') n++;
    // An unpaid leader's seat was the group's last: the group ends and its stock goes back.
    await failIfEmpty(ctx, o.groupId);
  }
  const abandoned = (
    await orders
      .where({ status: 'reserving', createdAt: _.lte(new Date(now - RESERVING_GRACE_MS)) })
      .limit(PAGE)
      .get()
  ).data;
  for (const o of abandoned) {
    if ((await cancelOrder(ctx, o._id, ['reserving'], 'RESERVING_ABANDONED', '')) !== 'not_moved') n++;
    await tombstoneGroup(ctx, o);
    await failIfEmpty(ctx, o.groupId);
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
  // A group whose every seat is paid succeeded, whatever the clock says.
  for (const g of data) if (await moveGroup(ctx, g._id, 'failed', (x) => !isFull(x), { failedReason: 'deadline' })) n++;
  return n;
}

/** A finished group's orders reach their end (confirmed, or cancelled with money back) and its unused stock returns, once. */
export async function settleGroups(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<GroupDoc>('groups')
    .where({ status: _.in(['succeeded', 'failed']), settled: false })
    .limit(PAGE)
    .get();
  for (const g of data) {
    const orders = (await ctx.db.collection<OrderDoc>('orders').where({ groupId: g._id }).limit(PAGE).get()).data;
    for (const o of orders.filter((x) => x.status === 'created' || x.status === 'reserving')) await cancelOrder(ctx, o._id, [o.status], 'GROUP_ENDED', '');
    if (g.status === 'succeeded') await confirmOrders(ctx, g._id);
    else
      for (const o of orders.filter((x) => x.status === 'awaiting_group'))
        await cancelOrder(ctx, o._id, ['awaiting_group'], 'GROUP_FAILED', '未在截止前成团，自动全额退款');
    // Seats still listed for orders that ended (a crash between two writes of older code).
    const dead = new Set(orders.filter((o) => o.status === 'cancelled').map((o) => o._id));
    for (const id of g.seatOrders) if (dead.has(id)) await releaseSeat(ctx, g._id, id);
    await releaseGroupStock(ctx, g);
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
  for (const o of due) if (await completeOrder(ctx, o._id, 'auto_confirm')) n++;
  return n;
}

export async function sweep(ctx: Ctx) {
  const seatsReleased = await expireSeats(ctx);
  const open = await reconcileOpenGroups(ctx);
  const groupsFailed = await failExpiredGroups(ctx);
  const groupsSettled = await settleGroups(ctx);
  const refundsReconciled = await reconcileRefunding(ctx);
  // Send refunds, then ask about those WeChat is processing: only its SUCCESS completes one.
  const sent = await submitPendingRefunds(ctx);
  const asked = await queryProcessingRefunds(ctx);
  const autoConfirmed = await autoConfirmReceipts(ctx);
  return {
    seatsReleased,
    seatsFreed: open.seatsFreed,
    groupsEmptied: open.emptied,
    groupsSucceeded: open.succeeded,
    groupsFailed,
    groupsSettled,
    refundsReconciled,
    refundsAccepted: sent.accepted,
    refundsFailed: sent.failed,
    refundsSucceeded: asked.succeeded,
    refundsWaiting: asked.waiting,
    autoConfirmed,
  };
}
