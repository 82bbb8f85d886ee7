// Reconcilers: the sweep derives work from state, not from what a request meant to do next, so
// whatever a crash or a race left half-done is finished on the next run. Each looks at a
// page while its share of the run lasts, walking on from where the last run stopped, and makes
// only conditional moves: safe to run twice, to stop anywhere, and at any time.
import { RESERVING_GRACE_MS } from '../../core/groupbuy';
import { isLive, type OrderState } from '../../core/order-machine';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import { type OrderDoc, pointAtRefund } from '../orders/orders';
import { releaseLimit } from '../orders/purchase-limits';
import { confirmOrders } from '../payments/payments';
import { confirmRefund } from '../payments/refund-results';
import { addRefundOnce, type RefundDoc, refundDoc, refundNo } from '../payments/refunds';
import { type RunBudget, walkOn } from '../run-budget';
import { isFull, moveGroup } from './group-moves';
import { type CampaignDoc, type GroupDoc, releaseSeat } from './groups';

/** A group nobody holds a seat in any more (its unpaid leader's seat expired) ends now, and its stock goes back. */
export function failIfEmpty(ctx: Ctx, groupId: string): Promise<boolean> {
  if (!groupId) return Promise.resolve(false); // a solo order has no group
  return moveGroup(ctx, groupId, 'failed', (g) => g.taken === 0 && g.paid === 0, { failedReason: 'empty' });
}

/** For an order that is dead: a seat or limit unit it still holds goes back; a leader's empty group ends. */
export async function releaseDeadHolds(ctx: Ctx, order: Pick<OrderDoc, '_id' | 'groupId' | 'campaignId' | 'buyer' | 'leader'>): Promise<void> {
  const o = await getDoc<OrderDoc>(ctx, 'orders', order._id);
  if (o && isLive(o.status)) return;
  await releaseSeat(ctx, order.groupId, order._id);
  await releaseLimit(ctx, order);
  await failIfEmpty(ctx, order.groupId);
}

/**
 * An abandoned leader's order may have set stock aside for a group that was never made: a
 * failed group is made in its place (same id), so settling returns that stock.
 */
export async function tombstoneGroup(ctx: Ctx, o: OrderDoc): Promise<void> {
  if (!o.leader || (await getDoc(ctx, 'groups', o.groupId))) return;
  const c = await getDoc<CampaignDoc>(ctx, 'campaigns', o.campaignId);
  const at = new Date(ctx.now());
  const group: GroupDoc = {
    _id: o.groupId,
    campaignId: o.campaignId,
    productId: o.productId,
    merchantId: o.merchantId,
    leader: o.buyer,
    size: c?.groupSize ?? 0,
    taken: 0,
    seatOrders: [],
    paid: 0,
    paidOrders: [],
    deadline: at,
    status: 'failed',
    failedReason: 'empty',
    settled: false,
    createdAt: at,
  };
  try {
    await ctx.db.collection('groups').add({ data: group });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
}

/** Where each reconciler's walk stopped (sweep_state, by reconciler). */
const position = async (ctx: Ctx, walk: string) => (await getDoc<{ id: string }>(ctx, 'sweep_state', walk))?.id ?? '';
const savePosition = (ctx: Ctx, walk: string) => async (id: string) => {
  await ctx.db.collection('sweep_state').doc(walk).set({ data: { id } });
};

/** Open groups: seats held by dead orders go back, empty ones end, fully paid ones succeed. */
export async function reconcileOpenGroups(ctx: Ctx, budget: RunBudget): Promise<{ seatsFreed: number; emptied: number; succeeded: number }> {
  const _ = ctx.db.command;
  const out = { seatsFreed: 0, emptied: 0, succeeded: 0 };
  const graceEdge = ctx.now() - RESERVING_GRACE_MS;
  // Every open group in turn, a page per query, from where the last run stopped.
  await walkOn(
    budget,
    await position(ctx, 'open_groups'),
    async (size, after) => {
      const { data } = await ctx.db
        .collection<GroupDoc>('groups')
        .where({ status: 'open', _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(size)
        .get();
      // The seat holders of the whole page in one read per 100.
      const holders = await getDocsByIds<{ status: OrderState }>(
        ctx,
        'orders',
        data.flatMap((g) => g.seatOrders),
      );
      for (const g of data) {
        if (isFull(g)) {
          if (await moveGroup(ctx, g._id, 'succeeded', isFull)) out.succeeded++;
          await confirmOrders(ctx, g._id);
          continue;
        }
        let taken = g.taken;
        for (const id of g.seatOrders) {
          const holder = holders.get(id);
          if (holder && isLive(holder.status)) continue;
          if (await releaseSeat(ctx, g._id, id)) {
            out.seatsFreed++;
            taken--;
          }
        }
        // A brand-new group is empty until its leader's seat is taken: only older ones are abandoned.
        if (taken === 0 && new Date(g.createdAt).getTime() <= graceEdge && (await failIfEmpty(ctx, g._id))) out.emptied++;
      }
      return { last: data.at(-1)?._id ?? null, n: data.length };
    },
    savePosition(ctx, 'open_groups'),
  );
  return out;
}

/**
 * Orders whose money is refunding must have a refund in flight. Older data (or a bug) may have
 * one without its record, or a refund that succeeded while the order still waits: the record
 * is made (the rest of the order's money, under its refund number) or the order finishes.
 */
export async function reconcileRefunding(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  let fixed = 0;
  await walkOn(
    budget,
    await position(ctx, 'refunding'),
    async (size, after) => {
      const { data } = await ctx.db
        .collection<OrderDoc>('orders')
        .where({ money: 'refunding', _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(size)
        .get();
      const records = await getDocsByIds<RefundDoc>(
        ctx,
        'refunds',
        data.flatMap((o) => (o.openRefund ? [o.openRefund] : [])),
      );
      for (const o of data) {
        const r = o.openRefund ? (records.get(o.openRefund) ?? null) : null;
        if (r?.status === 'succeeded') {
          if ((await confirmRefund(ctx, r._id, 'reconcile')) === 'succeeded') fixed++;
        } else if (!r) {
          ctx.log.error('order refunding without its refund record: recording it', { orderId: o._id });
          const id = o.openRefund ?? refundNo(o);
          await addRefundOnce(ctx, refundDoc(ctx, o, id, '退款记录补登', o.totalFen - o.refundedFen, 'pending'));
          await pointAtRefund(ctx, o._id, o.openRefund, id);
          fixed++;
        }
      }
      return { last: data.at(-1)?._id ?? null, n: data.length };
    },
    savePosition(ctx, 'refunding'),
  );
  return fixed;
}
