// The commission timer: reads order events from a checkpoint (a page of 100 at a time) and
// posts to the ledger, then moves matured commissions to available. Every posting has a unique
// key, so a second run, or a run after a crash, posts nothing twice.
import { accrueLines, clawbackLines, commissionAfterRefunds, commissionFen, matureLines, resolveRate } from '../../core/ledger';
import type { Ctx } from '../../server/context';
import { getDoc } from '../../server/db/get-doc';
import { isDuplicateKeyError } from '../../server/db/types';
import { type CommissionDoc, type CommissionProgram, DEFAULT_PROGRAM, post } from '../../server/repos/ledger';
import type { OrderDoc } from '../../server/repos/orders';
import { tierOf, tierRules } from './tiers';

const PAGE = 100;
const DAY = 86_400_000;

async function programOf(ctx: Ctx, merchantId: string): Promise<CommissionProgram> {
  const p = await getDoc<{ commission?: Partial<CommissionProgram> }>(ctx, 'programs', merchantId);
  return { ...DEFAULT_PROGRAM, ...(p?.commission ?? {}) };
}

async function onPaid(ctx: Ctx, orderId: string): Promise<void> {
  const order = await getDoc<OrderDoc>(ctx, 'orders', orderId);
  const b = order?.binding;
  if (!order || !b) return; // no card brought this order
  const program = await programOf(ctx, order.merchantId);
  if (b.sharer === order.buyer && !program.selfPurchaseRebates) return; // own purchase: nothing unless the merchant enabled it
  const product = await getDoc<{ commissionRateBp?: number | null }>(ctx, 'products', order.productId);
  const tier = await tierOf(ctx, order.merchantId, b.sharer);
  const tierRateBp = (await tierRules(ctx, order.merchantId)).find((r) => r.tier === tier)?.rateBp ?? null;
  const { rateBp, source } = resolveRate({ productOverrideBp: product?.commissionRateBp ?? null, tierRateBp, defaultBp: program.defaultRateBp });
  const fen = commissionFen(order.amountFen, rateBp);
  const doc: CommissionDoc = {
    _id: `${order._id}:${b.sharer}`,
    orderId: order._id,
    koc: b.sharer,
    merchantId: order.merchantId,
    title: order.title,
    baseFen: order.amountFen,
    rateBp,
    rateSource: source,
    tier,
    earnedFen: fen,
    currentFen: fen,
    state: 'pending',
    maturesAt: null,
    reason: b.reason,
    channel: b.channel,
    createdAt: new Date(ctx.now()),
  };
  try {
    await ctx.db.collection('commissions').add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
  await post(ctx, {
    _id: `accrue:${order._id}:${b.sharer}`,
    kind: 'accrue',
    orderId: order._id,
    koc: b.sharer,
    merchantId: order.merchantId,
    lines: accrueLines(order.merchantId, b.sharer, fen),
    memo: `${order.title} 佣金（${rateBp / 100}%）`,
  });
}

/**
 * A refund takes back each commission's share: a sharer's pro rata (the same rule applied to
 * what the buyer kept), a leader's reward only when the leader's own order is fully refunded.
 */
async function onRefund(ctx: Ctx, orderId: string): Promise<void> {
  const order = await getDoc<OrderDoc>(ctx, 'orders', orderId);
  if (!order) return;
  const { data } = await ctx.db.collection<CommissionDoc>('commissions').where({ orderId }).limit(10).get();
  for (const c of data) {
    const reward = c.tier === 'leader';
    const after = reward ? (order.refundedFen >= order.totalFen ? 0 : c.currentFen) : commissionAfterRefunds(c.baseFen, order.refundedFen, c.rateBp);
    const back = c.currentFen - after;
    if (back <= 0) continue;
    // Where the money sits decides the account: the mature posting, not the cached state, says so.
    const matured = (await getDoc(ctx, 'ledger', `mature:${c._id}`)) !== null;
    // Keyed by how much had been refunded: each refund claws back once.
    const posted = await post(ctx, {
      _id: `clawback:${c._id}:${order.refundedFen}`,
      kind: 'clawback',
      orderId: c.orderId,
      koc: c.koc,
      merchantId: c.merchantId,
      lines: clawbackLines(c.merchantId, c.koc, back, matured),
      memo: `${c.title} 退款，收回${reward ? '团长奖励' : '佣金'}`,
      corrects: `accrue:${reward ? c._id : `${c.orderId}:${c.koc}`}`,
    });
    if (posted)
      await ctx.db
        .collection('commissions')
        .where({ _id: c._id, currentFen: c.currentFen })
        .update({ data: { currentFen: after } });
  }
}

/** Every commission of the order (a sharer's, a leader's reward) starts its after-sales hold. */
async function onCompleted(ctx: Ctx, orderId: string): Promise<void> {
  const order = await getDoc<OrderDoc>(ctx, 'orders', orderId);
  if (!order) return;
  const program = await programOf(ctx, order.merchantId);
  const completedAt = new Date(order.completedAt ?? ctx.now()).getTime();
  await ctx.db
    .collection('commissions')
    .where({ orderId: order._id, maturesAt: null })
    .update({ data: { maturesAt: new Date(completedAt + program.holdDays * DAY) } });
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
  const id = `${order._id}:${group.leader}:leader_reward`;
  const doc: CommissionDoc = {
    _id: id,
    orderId: order._id,
    koc: group.leader,
    merchantId: campaign.merchantId,
    title: `${campaign.title}（团长奖励）`,
    baseFen: campaign.leaderRewardFen,
    rateBp: 10_000,
    rateSource: 'default',
    tier: 'leader',
    earnedFen: campaign.leaderRewardFen,
    currentFen: campaign.leaderRewardFen,
    state: 'pending',
    maturesAt: null,
    reason: '你开的团在截止前成团了',
    channel: 'group',
    createdAt: new Date(ctx.now()),
  };
  try {
    await ctx.db.collection('commissions').add({ data: doc });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  await post(ctx, {
    _id: `accrue:${id}`,
    kind: 'accrue',
    orderId: order._id,
    koc: group.leader,
    merchantId: campaign.merchantId,
    lines: accrueLines(campaign.merchantId, group.leader, campaign.leaderRewardFen),
    memo: doc.title,
  });
}

type OrderEvent = { type: string; at: Date; orderId: string; groupId?: string };
const HANDLERS: Record<string, (ctx: Ctx, e: OrderEvent) => Promise<void>> = {
  order_paid: (ctx, e) => onPaid(ctx, e.orderId),
  refund_succeeded: (ctx, e) => onRefund(ctx, e.orderId),
  order_completed: (ctx, e) => onCompleted(ctx, e.orderId),
  group_succeeded: onGroupSucceeded,
};

export async function processEvents(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const checkpoint = await getDoc<{ at: Date }>(ctx, 'commission_state', 'events');
  const since = checkpoint ? new Date(checkpoint.at) : new Date(0);
  const { data } = await ctx.db
    .collection<OrderEvent>('events')
    .where({ type: _.in(Object.keys(HANDLERS)), at: _.gte(since) })
    .orderBy('at', 'asc')
    .limit(PAGE)
    .get();
  // Events sorted by time across types: handle them in time order, so a refund follows its payment.
  const ordered = [...data].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  for (const e of ordered) await HANDLERS[e.type](ctx, e);
  const last = ordered.at(-1);
  // Move the checkpoint only forward: a run with nothing new writes nothing.
  if (last && new Date(last.at).getTime() > since.getTime()) {
    await ctx.db
      .collection('commission_state')
      .doc('events')
      .set({ data: { at: new Date(last.at) } });
  }
  return ordered.length;
}

export async function matureCommissions(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<CommissionDoc>('commissions')
    .where({ state: 'pending', maturesAt: _.lte(new Date(ctx.now())) })
    .limit(PAGE)
    .get();
  let n = 0;
  for (const c of data) {
    if (c.currentFen > 0) {
      await post(ctx, {
        _id: `mature:${c._id}`,
        kind: 'mature',
        orderId: c.orderId,
        koc: c.koc,
        merchantId: c.merchantId,
        lines: matureLines(c.koc, c.currentFen),
        memo: `${c.title} 佣金可提现`,
      });
    }
    const res = await ctx.db
      .collection('commissions')
      .where({ _id: c._id, state: 'pending' })
      .update({ data: { state: 'available' } });
    n += res.stats.updated;
  }
  return n;
}
