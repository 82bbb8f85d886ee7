// The commission timer: reads order events from a cursor, a page at a time while the run has
// time (RunBudget), and posts to the ledger; moves matured commissions to available; and
// reconciles from state what an event lost to a crash would have done. Every posting has a
// unique key and every handler brings an entry to the order's current state, so reading an
// event twice, or late, changes nothing. A page costs a constant number of reads (its events,
// their orders, the commissions that exist, the tiers), whatever reads every order needs are
// made once per run (RunCache), and a page's new commissions are accrued in a few transactions
// with one balance write per KOC.
import { commissionFen, resolveRate } from '../../core/ledger';
import type { Tier, TierRule } from '../../core/tiers';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import type { OrderDoc } from '../orders/orders';
import { type RunBudget, walkOn } from '../run-budget';
import { accrue, accrueNew, clawBack, matureMany, type NewEntry, programOf, windowEnd, worthNow } from './entries';
import { balanceId, type CommissionDoc, type CommissionProgram, isConflictError } from './ledger';
import { type KocTierDoc, tierRules } from './tiers';

/** Commissions accrued or matured per transaction: small enough to rarely meet a withdrawal's lock. */
const ACCRUALS_PER_TX = 20;
/**
 * How far behind the cursor each run starts again. An event is stamped with its writer's clock
 * before the write lands (a function may take up to 60 s, clocks of instances differ a little),
 * so one stamped just before the cursor may become visible after it; re-reading two minutes is
 * safe because every handler is idempotent.
 */
export const EVENT_OVERLAP_MS = 120_000;

/** What every item of one run needs, read once per run: programs, tier rules, products, tiers. */
export class RunCache {
  private readonly memo = new Map<string, Promise<unknown>>();
  constructor(private readonly ctx: Ctx) {}

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const known = this.memo.get(key) as Promise<T> | undefined;
    if (known) return known;
    const p = load();
    this.memo.set(key, p);
    return p;
  }

  program(merchantId: string): Promise<CommissionProgram> {
    return this.once(`program:${merchantId}`, () => programOf(this.ctx, merchantId));
  }

  rules(merchantId: string): Promise<TierRule[]> {
    return this.once(`rules:${merchantId}`, () => tierRules(this.ctx, merchantId));
  }

  productRate(productId: string): Promise<number | null> {
    return this.once(
      `product:${productId}`,
      async () => (await getDoc<{ commissionRateBp?: number | null }>(this.ctx, 'products', productId))?.commissionRateBp ?? null,
    );
  }

  /** Reads the tiers of these (merchant, KOC) pairs not read yet, in one query per 100. */
  async loadTiers(pairs: { merchantId: string; koc: string }[]): Promise<void> {
    const ids = [...new Set(pairs.map((p) => `${p.merchantId}:${p.koc}`))].filter((id) => !this.memo.has(`tier:${id}`));
    const found = await getDocsByIds<KocTierDoc>(this.ctx, 'koc_tiers', ids);
    for (const id of ids) this.memo.set(`tier:${id}`, Promise.resolve(found.get(id)?.tier ?? 'primary'));
  }

  /** Reads since when these (merchant, sharer) pairs are approved KOCs, in one query per 100. */
  async loadMembers(pairs: { merchantId: string; koc: string }[]): Promise<void> {
    const ids = [...new Set(pairs.map((p) => `${p.merchantId}:${p.koc}`))].filter((id) => !this.memo.has(`member:${id}`));
    const found = await getDocsByIds<{ _id: string; since: Date }>(this.ctx, 'koc_members', ids);
    for (const id of ids) {
      const since = found.get(id)?.since;
      this.memo.set(`member:${id}`, Promise.resolve(since ? new Date(since).getTime() : null));
    }
  }

  /** When the sharer became an approved KOC of the program (ms), or null when they are not one. */
  async memberSince(merchantId: string, koc: string): Promise<number | null> {
    await this.loadMembers([{ merchantId, koc }]);
    return this.memo.get(`member:${merchantId}:${koc}`) as Promise<number | null>;
  }

  async tier(merchantId: string, koc: string): Promise<Tier> {
    await this.loadTiers([{ merchantId, koc }]);
    return this.memo.get(`tier:${merchantId}:${koc}`) as Promise<Tier>;
  }

  /** When a completed order's after-sales window ends; null while it is not completed. */
  async maturityOf(order: Pick<OrderDoc, 'merchantId' | 'completedAt'>): Promise<Date | null> {
    return windowEnd(order, await this.program(order.merchantId));
  }
}

type OrderEvent = { _id: string; type: string; at: Date; orderId: string; groupId?: string };
const TYPES = ['order_paid', 'refund_succeeded', 'order_completed', 'group_succeeded'];

/** The sharer's commission an order brings, or null (no card, or the buyer's own card). */
async function entryFor(cache: RunCache, order: OrderDoc): Promise<NewEntry | null> {
  const b = order.binding;
  if (!b) return null;
  const program = await cache.program(order.merchantId);
  if (b.sharer === order.buyer && !program.selfPurchaseRebates) return null; // own purchase: nothing unless the merchant enabled it
  // Only the program's approved KOCs earn, unless it pays every student; the card still worked
  // as a plain share (the binding stays, no commission). An order paid before the sharer was
  // selected earns nothing later either (events are read again after a selection).
  if (program.kocMode !== 'everyone') {
    const since = await cache.memberSince(order.merchantId, b.sharer);
    const paidAt = new Date(order.paidAt ?? order.createdAt).getTime();
    if (since === null || paidAt < since) return null;
  }
  const tier = await cache.tier(order.merchantId, b.sharer);
  const tierRateBp = (await cache.rules(order.merchantId)).find((r) => r.tier === tier)?.rateBp ?? null;
  const { rateBp, source } = resolveRate({ productOverrideBp: await cache.productRate(order.productId), tierRateBp, defaultBp: program.defaultRateBp });
  const fen = commissionFen(order.amountFen, rateBp);
  return {
    doc: {
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
      reason: b.reason,
      channel: b.channel,
    },
    maturesAt: await cache.maturityOf(order),
    memo: `${order.title} 佣金（${rateBp / 100}%）`,
  };
}

/**
 * Paid orders of a page: the commissions that exist are brought to the order's refunds; the
 * new ones are accrued a batch per transaction, grouped by KOC so each balance is written once.
 */
async function onPaid(ctx: Ctx, cache: RunCache, orders: OrderDoc[]): Promise<void> {
  const entries: { entry: NewEntry; order: OrderDoc }[] = [];
  // The sharers' tiers of the whole page in one read.
  const sharers = orders.flatMap((o) => (o.binding ? [{ merchantId: o.merchantId, koc: o.binding.sharer }] : []));
  await cache.loadTiers(sharers);
  await cache.loadMembers(sharers);
  for (const order of orders) {
    const entry = await entryFor(cache, order);
    if (entry && !entries.some((e) => e.entry.doc._id === entry.doc._id)) entries.push({ entry, order });
  }
  if (!entries.length) return;
  const existing = await getDocsByIds<CommissionDoc>(
    ctx,
    'commissions',
    entries.map((e) => e.entry.doc._id),
  );
  // Already accrued (a re-read event): only what a refund took since, if anything.
  for (const { entry, order } of entries) {
    const c = existing.get(entry.doc._id);
    if (c && worthNow(c, order) < c.currentFen) await clawBack(ctx, c._id, order);
  }
  const fresh = entries.filter((e) => !existing.has(e.entry.doc._id));
  // Balances to start (a KOC's first sale with this shop) are inserted, the rest incremented.
  const balanceIds = fresh.map((e) => balanceId(e.entry.doc.merchantId, e.entry.doc.koc));
  const balances = await getDocsByIds(ctx, 'koc_balances', balanceIds);
  const missing = new Set(balanceIds.filter((id) => !balances.has(id)));
  fresh.sort((a, b) => (a.entry.doc.koc < b.entry.doc.koc ? -1 : a.entry.doc.koc > b.entry.doc.koc ? 1 : 0));
  for (let i = 0; i < fresh.length; i += ACCRUALS_PER_TX) {
    const batch = fresh.slice(i, i + ACCRUALS_PER_TX);
    try {
      await accrueNew(
        ctx,
        batch.map((e) => e.entry),
        missing,
      );
    } catch (e) {
      // Another writer accrued one meanwhile (or kept conflicting): one by one, skipping what exists.
      if (!isDuplicateKeyError(e) && !isConflictError(e)) throw e;
      for (const { entry, order } of batch) await accrue(ctx, entry.doc, order, entry.memo);
      // accrue started any missing balance: later batches of the same KOC increment it.
      for (const { entry } of batch) missing.delete(balanceId(entry.doc.merchantId, entry.doc.koc));
      continue;
    }
    // Started now: a later batch of the same KOC increments it.
    for (const { entry } of batch) missing.delete(balanceId(entry.doc.merchantId, entry.doc.koc));
    for (const { entry, order } of batch) if (worthNow(entry.doc, order) < entry.doc.currentFen) await clawBack(ctx, entry.doc._id, order);
  }
}

/** A refund takes back each commission's share of the order (see worthNow). */
async function onRefund(ctx: Ctx, order: OrderDoc): Promise<void> {
  const { data } = await ctx.db.collection<CommissionDoc>('commissions').where({ orderId: order._id }).limit(10).get();
  for (const c of data) await clawBack(ctx, c._id, order);
}

/** Every commission of the order (a sharer's, a leader's reward) starts its after-sales hold. */
async function onCompleted(ctx: Ctx, cache: RunCache, order: OrderDoc): Promise<void> {
  const maturesAt = await cache.maturityOf(order);
  if (!maturesAt) return;
  await ctx.db.collection('commissions').where({ orderId: order._id, maturesAt: null }).update({ data: { maturesAt } });
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

/** One page of events: their orders in one read, accruals first, then refunds, completions, groups. */
async function handlePage(ctx: Ctx, cache: RunCache, events: OrderEvent[]): Promise<void> {
  const orders = await getDocsByIds<OrderDoc>(
    ctx,
    'orders',
    events.filter((e) => e.orderId).map((e) => e.orderId),
  );
  const of = (type: string) => events.filter((e) => e.type === type).flatMap((e) => orders.get(e.orderId) ?? []);
  await onPaid(ctx, cache, of('order_paid'));
  for (const order of of('refund_succeeded')) await onRefund(ctx, order);
  for (const order of of('order_completed')) await onCompleted(ctx, cache, order);
  for (const e of events) if (e.type === 'group_succeeded') await onGroupSucceeded(ctx, e);
}

type Cursor = { at: Date; id: string };
const after = (a: Cursor, b: Cursor) => a.at.getTime() > b.at.getTime() || (a.at.getTime() === b.at.getTime() && a.id > b.id);

/**
 * Reads order events after a cursor of (time, _id), so events sharing a millisecond are paged
 * through instead of skipped. The stored cursor is a point before which every event has been
 * handled: the last handled event, but never later than this run's start minus
 * EVENT_OVERLAP_MS, because an event stamped after that may not be visible yet. So each run
 * re-reads the last couple of minutes, and a late event is read when it lands.
 */
export async function processEvents(ctx: Ctx, budget: RunBudget, cache = new RunCache(ctx)): Promise<number> {
  const _ = ctx.db.command;
  const types = _.in(TYPES);
  const settled: Cursor = { at: new Date(ctx.now() - EVENT_OVERLAP_MS), id: '' };
  const stored = await getDoc<{ at: Date; id?: string }>(ctx, 'commission_state', 'events');
  // A checkpoint of the old shape (a bare time) is read again from its overlap window.
  let saved: Cursor = !stored
    ? { at: new Date(0), id: '' }
    : stored.id === undefined
      ? { at: new Date(new Date(stored.at).getTime() - EVENT_OVERLAP_MS), id: '' }
      : { at: new Date(stored.at), id: stored.id };
  let pos = saved;
  return budget.drain(async (size) => {
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
      .limit(size)
      .get();
    await handlePage(ctx, cache, data);
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
    return data.length;
  });
}

/** Pending commissions whose after-sales window passed become available, pages while time is left. */
export async function matureCommissions(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  let n = 0;
  await budget.drain(async (size) => {
    const { data } = await ctx.db
      .collection<CommissionDoc>('commissions')
      .where({ state: 'pending', maturesAt: _.lte(new Date(ctx.now())) })
      .limit(size)
      .get();
    for (let i = 0; i < data.length; i += ACCRUALS_PER_TX)
      n += await matureMany(
        ctx,
        data.slice(i, i + ACCRUALS_PER_TX).map((c) => c._id),
      );
    return data.length;
  });
  return n;
}

/**
 * Reconciler: pending commissions without a maturity date whose order has completed (its
 * order_completed event lost, or read before the entry existed) get one. Walks that set by _id,
 * a page at a time while the run has time; the position is stored only when it moved (walkOn),
 * so a quiet system writes nothing.
 */
export async function reconcileMaturity(ctx: Ctx, budget: RunBudget, cache = new RunCache(ctx)): Promise<number> {
  const _ = ctx.db.command;
  const stored = (await getDoc<{ id: string }>(ctx, 'commission_state', 'maturity'))?.id ?? '';
  let fixed = 0;
  await walkOn(
    budget,
    stored,
    async (size, after) => {
      const { data } = await ctx.db
        .collection<CommissionDoc>('commissions')
        .where({ state: 'pending', maturesAt: null, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(size)
        .get();
      fixed += await startWindows(ctx, cache, [...new Set(data.map((c) => c.orderId))]);
      return { last: data.at(-1)?._id ?? null, n: data.length };
    },
    (id) =>
      ctx.db
        .collection('commission_state')
        .doc('maturity')
        .set({ data: { id } })
        .then(() => undefined),
  );
  return fixed;
}

/** Gives the commissions of these orders, those that completed, their maturity date. */
async function startWindows(ctx: Ctx, cache: RunCache, orderIds: string[]): Promise<number> {
  const orders = await getDocsByIds<OrderDoc>(ctx, 'orders', orderIds);
  let fixed = 0;
  for (const o of orders.values()) {
    const maturesAt = await cache.maturityOf(o);
    if (!maturesAt) continue;
    const res = await ctx.db.collection('commissions').where({ orderId: o._id, maturesAt: null }).update({ data: { maturesAt } });
    fixed += res.stats.updated;
  }
  return fixed;
}
