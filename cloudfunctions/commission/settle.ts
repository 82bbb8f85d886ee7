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

async function onRefund(ctx: Ctx, orderId: string): Promise<void> {
  const order = await getDoc<OrderDoc>(ctx, 'orders', orderId);
  if (!order?.binding) return;
  const c = await getDoc<CommissionDoc>(ctx, 'commissions', `${order._id}:${order.binding.sharer}`);
  if (!c) return;
  const after = commissionAfterRefunds(c.baseFen, order.refundedFen, c.rateBp);
  // Where the money sits decides the account: the mature posting, not the cached state, says so.
  const matured = (await getDoc(ctx, 'ledger', `mature:${c.orderId}:${c.koc}`)) !== null;
  const back = c.currentFen - after;
  if (back <= 0) return;
  // Keyed by how much had been refunded: each refund claws back once.
  const posted = await post(ctx, {
    _id: `clawback:${c.orderId}:${c.koc}:${order.refundedFen}`,
    kind: 'clawback',
    orderId: c.orderId,
    koc: c.koc,
    merchantId: c.merchantId,
    lines: clawbackLines(c.merchantId, c.koc, back, matured),
    memo: `${c.title} 退款，收回佣金`,
  });
  if (posted)
    await ctx.db
      .collection('commissions')
      .where({ _id: c._id, currentFen: c.currentFen })
      .update({ data: { currentFen: after } });
}

async function onCompleted(ctx: Ctx, orderId: string): Promise<void> {
  const order = await getDoc<OrderDoc>(ctx, 'orders', orderId);
  if (!order?.binding) return;
  const program = await programOf(ctx, order.merchantId);
  const completedAt = new Date(order.completedAt ?? ctx.now()).getTime();
  await ctx.db
    .collection('commissions')
    .where({ _id: `${order._id}:${order.binding.sharer}`, maturesAt: null })
    .update({ data: { maturesAt: new Date(completedAt + program.holdDays * DAY) } });
}

const HANDLERS: Record<string, (ctx: Ctx, orderId: string) => Promise<void>> = { order_paid: onPaid, refund_succeeded: onRefund, order_completed: onCompleted };

export async function processEvents(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const checkpoint = await getDoc<{ at: Date }>(ctx, 'commission_state', 'events');
  const since = checkpoint ? new Date(checkpoint.at) : new Date(0);
  const { data } = await ctx.db
    .collection<{ type: string; at: Date; orderId: string }>('events')
    .where({ type: _.in(Object.keys(HANDLERS)), at: _.gte(since) })
    .orderBy('at', 'asc')
    .limit(PAGE)
    .get();
  // Events sorted by time across types: handle them in time order, so a refund follows its payment.
  const ordered = [...data].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  for (const e of ordered) await HANDLERS[e.type](ctx, e.orderId);
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
        _id: `mature:${c.orderId}:${c.koc}`,
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
