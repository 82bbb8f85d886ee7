// The group-buy timer (every minute): expired seats and unpaid solo orders, reconcilers for
// open groups, groups past their deadline, finished groups' orders and stock, refunds (sent,
// then confirmed by query), auto-confirmed receipts, products' stock held by dead solo orders.
// Each step pages through its work while its share of the run's time lasts (RunBudget) and
// makes only conditional moves or transactions that re-read what they change, so running it
// twice, stopping it anywhere, or a crash, does nothing twice.
import { AUTO_CONFIRM_PICKUP_MS, AUTO_CONFIRM_SHIPPED_MS, RESERVING_GRACE_MS } from '../../core/groupbuy';
import type { Ctx } from '../context';
import { keysetAfter } from '../db/keyset';
import { completeOrder } from '../orders/completion';
import { cancelOrder } from '../orders/order-end';
import type { OrderDoc } from '../orders/orders';
import { confirmOrders } from '../payments/payments';
import { queryProcessingRefunds } from '../payments/refund-results';
import { submitPendingRefunds } from '../payments/refunds';
import { eachPage, MAX_PAGE, RunBudget } from '../run-budget';
import { isFull, moveGroup } from './group-moves';
import { type GroupDoc, releaseSeat } from './groups';
import { reconcileHeldStock, releaseGroupStock } from './open-group';
import { failIfEmpty, reconcileOpenGroups, reconcileRefunding, tombstoneGroup } from './reconcile';
import { reconcileStockHolds } from './stock-holds';

export async function expireSeats(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const orders = ctx.db.collection<OrderDoc>('orders');
  let n = 0;
  await eachPage<OrderDoc>(
    budget,
    async (size, last) =>
      (
        await orders
          .where(keysetAfter(_, { status: 'created' }, 'seatExpiresAt', _.lte(new Date(now)), last))
          .orderBy('seatExpiresAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(size)
          .get()
      ).data,
    async (o) => {
      if ((await cancelOrder(ctx, o._id, ['created'], 'SEAT_EXPIRED', '')) !== 'not_moved') n++;
      // An unpaid leader's seat was the group's last: the group ends and its stock goes back.
      await failIfEmpty(ctx, o.groupId);
    },
  );
  await eachPage<OrderDoc>(
    budget,
    async (size, last) =>
      (
        await orders
          .where(keysetAfter(_, { status: 'reserving' }, 'createdAt', _.lte(new Date(now - RESERVING_GRACE_MS)), last))
          .orderBy('createdAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(size)
          .get()
      ).data,
    async (o) => {
      if ((await cancelOrder(ctx, o._id, ['reserving'], 'RESERVING_ABANDONED', '')) !== 'not_moved') n++;
      await tombstoneGroup(ctx, o);
      await failIfEmpty(ctx, o.groupId);
    },
  );
  return n;
}

export async function failExpiredGroups(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  let n = 0;
  await eachPage<GroupDoc>(
    budget,
    async (size, last) =>
      (
        await ctx.db
          .collection<GroupDoc>('groups')
          .where(keysetAfter(_, { status: 'open' }, 'deadline', _.lte(new Date(ctx.now())), last))
          .orderBy('deadline', 'asc')
          .orderBy('_id', 'asc')
          .limit(size)
          .get()
      ).data,
    // A group whose every seat is paid succeeded, whatever the clock says.
    async (g) => {
      if (await moveGroup(ctx, g._id, 'failed', (x) => !isFull(x), { failedReason: 'deadline' })) n++;
    },
  );
  return n;
}

/** A finished group's orders reach their end (confirmed, or cancelled with money back) and its unused stock returns, once. */
export async function settleGroups(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  return eachPage<GroupDoc>(
    budget,
    async (size, last) =>
      (
        await ctx.db
          .collection<GroupDoc>('groups')
          .where(keysetAfter(_, { settled: false, status: _.in(['succeeded', 'failed']) }, 'deadline', undefined, last))
          .orderBy('deadline', 'asc')
          .orderBy('_id', 'asc')
          .limit(size)
          .get()
      ).data,
    async (g) => {
      const orders = (await ctx.db.collection<OrderDoc>('orders').where({ groupId: g._id }).limit(MAX_PAGE).get()).data;
      // A failed group's members may start again (the order page offers 再拼一单): the reason says so.
      const ended = g.status === 'failed' ? 'GROUP_FAILED' : 'GROUP_ENDED';
      for (const o of orders.filter((x) => x.status === 'created' || x.status === 'reserving')) await cancelOrder(ctx, o._id, [o.status], ended, '');
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
    },
  );
}

export async function autoConfirmReceipts(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  const now = ctx.now();
  let n = 0;
  const orders = ctx.db.collection<OrderDoc>('orders');
  const due: [string, string, number][] = [
    ['shipped', 'shippedAt', now - AUTO_CONFIRM_SHIPPED_MS],
    ['ready_for_pickup', 'readyAt', now - AUTO_CONFIRM_PICKUP_MS],
  ];
  for (const [status, field, edge] of due)
    await eachPage<OrderDoc>(
      budget,
      async (size, last) =>
        (
          await orders
            .where(keysetAfter(_, { status }, field, _.lte(new Date(edge)), last))
            .orderBy(field, 'asc')
            .orderBy('_id', 'asc')
            .limit(size)
            .get()
        ).data,
      async (o) => {
        if (await completeOrder(ctx, o._id, 'auto_confirm')) n++;
      },
    );
  return n;
}

/**
 * The steps of a run, in order, each with an equal part of the time the steps after it have
 * not used: a backlog in one (a flash sale's failed groups) cannot starve the others, and a
 * quiet step leaves its time to the rest.
 */
export async function sweep(ctx: Ctx) {
  const budget = new RunBudget(ctx.timeLeft);
  const steps = 10;
  let done = 0;
  const next = () => budget.share(1 / (steps - done++));
  const seatsReleased = await expireSeats(ctx, next());
  const open = await reconcileOpenGroups(ctx, next());
  const groupsFailed = await failExpiredGroups(ctx, next());
  const groupsSettled = await settleGroups(ctx, next());
  const refundsReconciled = await reconcileRefunding(ctx, next());
  // Send refunds, then ask about those WeChat is processing: only its SUCCESS completes one.
  const sent = await submitPendingRefunds(ctx, next());
  const asked = await queryProcessingRefunds(ctx, next());
  const autoConfirmed = await autoConfirmReceipts(ctx, next());
  const stockReturned = await reconcileHeldStock(ctx, next());
  const soloStockReturned = await reconcileStockHolds(ctx, next());
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
    stockReturned,
    soloStockReturned,
  };
}
