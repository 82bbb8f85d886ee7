// The commission timer: reads order events from a cursor (a page of 100 at a time) and posts to
// the ledger, moves matured commissions to available, and reconciles from state what an event
// lost to a crash would have done. Every posting has a unique key and every handler brings an
// entry to the order's current state, so reading an event twice, or late, changes nothing.
import { commissionFen, resolveRate } from '../../core/ledger';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import type { OrderDoc } from '../orders/orders';
import { accrue, clawBack, mature, maturityOf, programOf } from './entries';
import type { CommissionDoc } from './ledger';
import { tierOf, tierRules } from './tiers';

const PAGE = 100;
/** Pages of events one run reads at most (a run must finish within the function's 60 s). */
const MAX_PAGES = 10;
/**
 * How far behind the cursor each run starts again. An event is stamped with its writer's clock
 * before the write lands (a function may take up to 60 s, clocks of instances differ a little),
 * so one stamped just before the cursor may become visible after it; re-reading two minutes is
 * safe because every handler is idempotent.
 */
export const EVENT_OVERLAP_MS = 120_000;

async function onPaid(ctx: Ctx, orderId: string): Promise<void> {
  const order = await getDoc<OrderDoc>(ctx, 'orders', orderId);
  const b = order?.binding;
  if (!order || !b) return; // no card brought this order
  const program = await programOf(ctx, order.merchantId);
  if (b.sharer === order.buyer && !program.selfPurchaseRebates) return; // own purchase: nothing unless the merchant enabled it
  const id = `${order._id}:${b.sharer}`;
  // Already accrued (a re-read event): only bring it to the order's refunds.
  if (await getDoc(ctx, 'commissions', id)) return void (await clawBack(ctx, id, order));
  const product = await getDoc<{ commissionRateBp?: number | null }>(ctx, 'products', order.productId);
  const tier = await tierOf(ctx, order.merchantId, b.sharer);
  const tierRateBp = (await tierRules(ctx, order.merchantId)).find((r) => r.tier === tier)?.rateBp ?? null;
  const { rateBp, source } = resolveRate({ productOverrideBp: product?.commissionRateBp ?? null, tierRateBp, defaultBp: program.defaultRateBp });
  const fen = commissionFen(order.amountFen, rateBp);
  const doc = { _id: id, orderId: order._id, koc: b.sharer, merchantId: order.merchantId, title: order.title, baseFen: order.amountFen };
  const entry = { ...doc, rateBp, rateSource: source, tier, earnedFen: fen, currentFen: fen, state: 'pending' as const, reason: b.reason, channel: b.channel };
  await accrue(ctx, entry, order, `${order.title} 佣金（${rateBp / 100}%）`);
}

/** A refund takes back each commission's share of the order (see worthNow). */
async function onRefund(ctx: Ctx, orderId: string): Promise<void> {
  const order = await getDoc<OrderDoc>(ctx, 'orders', orderId);
  if (!order) return;
  const { data } = await ctx.db.collection<CommissionDoc>('commissions').where({ orderId }).limit(10).get();
  for (const c of data) await clawBack(ctx, c._id, order);
}

/** Every commission of the order (a sharer's, a leader's reward) starts its after-sales hold. */
async function onCompleted(ctx: Ctx, orderId: string): Promise<void> {
  const order = await getDoc<OrderDoc>(ctx, 'orders', orderId);
  const maturesAt = order ? await maturityOf(ctx, order) : null;
  if (!maturesAt) return;
  await ctx.db.collection('commissions').where({ orderId, maturesAt: null }).update({ data: { maturesAt } });
}

/**
 * A group that filled pays its leader the campaign's reward, through the same ledger: pending
 * now, available after the leader's own order completes and its after-sales window passes.
 */
async function onGroupSucceeded(ctx: Ctx, e: { groupId?: string }): Promise<void> {
  const group = e.groupId ? await getDoc<{ campaignId: string; leader: string }>(ctx, 'groups', e.groupId) : null;
  const campaign = group ? await getDoc<{ leaderRewardFen: number; merchantId: string; title: string }>(ctx, 'campaigns', group.campaignId) : null;
  if (!group || !campaign || campaign.leaderRewardFen <= 0) return;
  const { data } = await ctx.db.collection<OrderDoc>('orders').where({ groupId: e.groupId, buyer: group.leader }).limit(1).get();
  const order = data[0];
  if (!order) return;
  const fen = campaign.leaderRewardFen;
  const title = `${campaign.title}（团长奖励）`;
  const entry = {
    _id: `${order._id}:${group.leader}:leader_reward`,
    orderId: order._id,
    koc: group.leader,
    merchantId: campaign.merchantId,
    title,
    baseFen: fen,
    rateBp: 10_000,
    rateSource: 'default' as const,
    tier: 'leader',
    earnedFen: fen,
    currentFen: fen,
    state: 'pending' as const,
    reason: '你开的团在截止前成团了',
    channel: 'group',
  };
  await accrue(ctx, entry, order, title);
}

type OrderEvent = { _id: string; type: string; at: Date; orderId: string; groupId?: string };
const HANDLERS: Record<string, (ctx: Ctx, e: OrderEvent) => Promise<void>> = {
  order_paid: (ctx, e) => onPaid(ctx, e.orderId),
  refund_succeeded: (ctx, e) => onRefund(ctx, e.orderId),
  order_completed: (ctx, e) => onCompleted(ctx, e.orderId),
  group_succeeded: onGroupSucceeded,
};

type Cursor = { at: Date; id: string };
const after = (a: Cursor, b: Cursor) => a.at.getTime() > b.at.getTime() || (a.at.getTime() === b.at.getTime() && a.id > b.id);

/**
 * Reads order events after a cursor of (time, _id), so events sharing a millisecond are paged
 * through instead of skipped. The stored cursor is a point before which every event has been
 * handled: the last handled event, but never later than this run's start minus
 * EVENT_OVERLAP_MS, because an event stamped after that may not be visible yet. So each run
 * re-reads the last couple of minutes, and a late event is read when it lands.
 */
export async function processEvents(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const types = _.in(Object.keys(HANDLERS));
  const settled: Cursor = { at: new Date(ctx.now() - EVENT_OVERLAP_MS), id: '' };
  const stored = await getDoc<{ at: Date; id?: string }>(ctx, 'commission_state', 'events');
  // A checkpoint of the old shape (a bare time) is read again from its overlap window.
  let saved: Cursor = !stored
    ? { at: new Date(0), id: '' }
    : stored.id === undefined
      ? { at: new Date(new Date(stored.at).getTime() - EVENT_OVERLAP_MS), id: '' }
      : { at: new Date(stored.at), id: stored.id };
  let pos = saved;
  let n = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await ctx.db
      .collection<OrderEvent>('events')
      .where(
        _.or([
          { type: types, at: _.gt(pos.at) },
          { type: types, at: pos.at, _id: _.gt(pos.id) },
        ]),
      )
      .orderBy('at', 'asc')
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    for (const e of data) await HANDLERS[e.type](ctx, e);
    n += data.length;
    const last = data.at(-1);
    if (last) pos = { at: new Date(last.at), id: last._id };
    // Stored once its page is handled (a crash re-reads the page), only forward.
    const safe = after(pos, settled) ? settled : pos;
    if (after(safe, saved)) {
      saved = safe;
      await ctx.db
        .collection('commission_state')
        .doc('events')
        .set({ data: { at: saved.at, id: saved.id } });
    }
    if (data.length < PAGE) break;
  }
  return n;
}

export async function matureCommissions(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<CommissionDoc>('commissions')
    .where({ state: 'pending', maturesAt: _.lte(new Date(ctx.now())) })
    .limit(PAGE)
    .get();
  let n = 0;
  for (const c of data) if (await mature(ctx, c._id)) n++;
  return n;
}

/**
 * Reconciler: pending commissions without a maturity date whose order has completed (its
 * order_completed event lost, or read before the entry existed) get one. Walks that set by _id,
 * a page at a time, up to MAX_PAGES a run; the position is stored only when a run stops before
 * the end, so a quiet system writes nothing.
 */
export async function reconcileMaturity(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const stored = (await getDoc<{ id: string }>(ctx, 'commission_state', 'maturity'))?.id ?? '';
  let from = stored;
  let fixed = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await ctx.db
      .collection<CommissionDoc>('commissions')
      .where({ state: 'pending', maturesAt: null, _id: _.gt(from) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    fixed += await startWindows(ctx, [...new Set(data.map((c) => c.orderId))]);
    from = data.length === PAGE ? (data.at(-1)?._id ?? '') : '';
    if (!from) break;
  }
  if (from !== stored)
    await ctx.db
      .collection('commission_state')
      .doc('maturity')
      .set({ data: { id: from } });
  return fixed;
}

/** Gives the commissions of these orders, those that completed, their maturity date. */
async function startWindows(ctx: Ctx, orderIds: string[]): Promise<number> {
  if (!orderIds.length) return 0;
  const _ = ctx.db.command;
  const { data: orders } = await ctx.db
    .collection<OrderDoc>('orders')
    .where({ _id: _.in(orderIds) })
    .limit(PAGE)
    .get();
  let fixed = 0;
  for (const o of orders) {
    const maturesAt = await maturityOf(ctx, o);
    if (!maturesAt) continue;
    const res = await ctx.db.collection('commissions').where({ orderId: o._id, maturesAt: null }).update({ data: { maturesAt } });
    fixed += res.stats.updated;
  }
  return fixed;
}
