// A KOC with many referred orders, for the constant-cost test (big-koc.test.ts) and the action
// bench (scripts/bench/action-costs.ts). The orders and their events are written straight into
// the store (thousands in milliseconds, as the payment flow would have left them); everything
// after that is the real timers: the commission timer accrues, claws back and matures, the
// analytics rollup folds the events into its counters. The order's fate follows its index:
//   i % 10 in 0..5   completed, matured after the 7-day window
//   i % 10 == 5      also refunded ¥9.95 after it matured (claws back from available)
//   i % 10 == 6      fully refunded before completion (claws back all of the pending)
//   i % 10 == 7      refunded ¥9.90 before completion (claws back part of the pending)
//   i % 10 in 8..9   paid, still pending
import { toStorage } from '../../local-cloud/engine/values';
import type { OrderDoc } from '../../server/orders/orders';
import { KOC, SHOP, STUDENTS, type World, type WorldOptions, world } from '../groupbuy/fixture';

export const ORDER_FEN = 1990;
export const PARTIAL_REFUND_FEN = 990;
export const LATE_REFUND_FEN = 995;
export const DAY = 86_400_000;

export type BigKocWorld = Awaited<ReturnType<typeof bigKocWorld>>;

export const orderId = (i: number) => `bigkoc${String(i).padStart(26, '0')}`;

/** Writes documents as stored, in one SQLite transaction (no SDK round trips). */
function insert(w: World, collection: string, docs: ({ _id: string } & Record<string, unknown>)[]) {
  const store = w.cloud.engine.store;
  const table = store.table(collection);
  store.transaction(() => {
    for (const d of docs) table.insert(d._id, d, toStorage(d));
  });
}

export interface BigKocOptions extends WorldOptions {
  /** Runs just before the analytics rollup first runs (events written then are all counted). */
  beforeRollup?: (w: World, insert: (collection: string, docs: ({ _id: string } & Record<string, unknown>)[]) => void) => void | Promise<void>;
}

export async function bigKocWorld(n: number, options: BigKocOptions = {}) {
  const { beforeRollup, ...worldOptions } = options;
  const w = await world({ quiet: true, ...worldOptions });
  const db = w.cloud.db;
  const _ = db.command;
  const settle = () => w.cloud.invoke('commission', { Type: 'Timer', TriggerName: 'settle' }, { source: 'wx_trigger' }) as Promise<{ ok: boolean }>;
  const rollup = () => w.cloud.invoke('analytics', { Type: 'Timer', TriggerName: 'rollup' }, { source: 'wx_trigger' }) as Promise<{ ok: boolean }>;
  /** Runs a timer until a run writes nothing. */
  const untilQuiet = async (timer: () => Promise<{ ok: boolean }>, name: string) => {
    for (let i = 0; i < 200; i++) {
      const before = w.fingerprint();
      const r = await timer();
      if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r)}`);
      if (w.fingerprint() === before) return i;
    }
    throw new Error(`${name} never went quiet`);
  };
  // This month's tier run happens now, before any order, so every order is accrued at the same
  // (primary, 10%) rate however many orders there are.
  await untilQuiet(settle, 'commission timer');

  const t0 = w.clock.now() - 3600_000;
  const orders: OrderDoc[] = [];
  for (let i = 0; i < n; i++) {
    const buyer = STUDENTS[i % STUDENTS.length];
    orders.push({
      _id: orderId(i),
      buyer,
      merchantId: SHOP,
      campaignId: w.campaignId,
      groupId: `bigkoc-group-${i}`,
      productId: 'fx-product',
      title: '测试台灯',
      image: '',
      unitPriceFen: ORDER_FEN,
      quantity: 1,
      amountFen: ORDER_FEN,
      totalFen: ORDER_FEN,
      refundedFen: 0,
      status: 'confirmed',
      money: 'paid',
      openRefund: null,
      memberKey: `bigkoc-group-${i}|${buyer}`,
      seatExpiresAt: new Date(t0),
      binding: { sharer: KOC, code: 'bigkoc-card', channel: 'chat', reason: '首次触达：聊天卡片' },
      leader: false,
      history: [],
      createdAt: new Date(t0 + i),
      paidAt: new Date(t0 + i),
    });
  }
  insert(w, 'orders', orders as unknown as ({ _id: string } & Record<string, unknown>)[]);
  let at = t0;
  /** An order event as the order and payment flows write it. */
  const event = (type: string, o: OrderDoc, extra: Record<string, unknown> = {}) => ({
    _id: `${type}:${o._id}${extra.refundFen ? `:${extra.refundFen}` : ''}`,
    type,
    at: new Date(at++),
    openid: o.buyer,
    orderId: o._id,
    groupId: o.groupId,
    merchantId: SHOP,
    amountFen: ORDER_FEN,
    code: 'bigkoc-card',
    sharer: KOC,
    ...extra,
  });
  insert(
    w,
    'events',
    orders.map((o) => event('order_paid', o)),
  );
  await untilQuiet(settle, 'commission timer');

  // Refunds and completions, written as the order domain writes them, then the timer.
  const update = async (ids: string[], data: Record<string, unknown>) => {
    for (let k = 0; k < ids.length; k += 100)
      await db
        .collection('orders')
        .where({ _id: _.in(ids.slice(k, k + 100)) })
        .update({ data });
  };
  const of = (...kinds: number[]) => orders.filter((_o, i) => kinds.includes(i % 10));
  at = w.clock.now();
  await update(
    of(6).map((o) => o._id),
    { refundedFen: ORDER_FEN, money: 'refunded' },
  );
  await update(
    of(7).map((o) => o._id),
    { refundedFen: PARTIAL_REFUND_FEN, money: 'partially_refunded' },
  );
  const completedAt = new Date(w.clock.now());
  await update(
    of(0, 1, 2, 3, 4, 5).map((o) => o._id),
    { status: 'completed', completedAt },
  );
  insert(w, 'events', [
    ...of(6).map((o) => event('refund_succeeded', o, { refundFen: ORDER_FEN })),
    ...of(7).map((o) => event('refund_succeeded', o, { refundFen: PARTIAL_REFUND_FEN })),
    ...of(0, 1, 2, 3, 4, 5).map((o) => event('order_completed', o)),
  ]);
  await untilQuiet(settle, 'commission timer');

  // The after-sales window passes: the completed orders' commissions become available.
  w.clock.advance(7 * DAY + 1000);
  await untilQuiet(settle, 'commission timer');

  // A refund after maturity takes back from what is available.
  at = w.clock.now();
  await update(
    of(5).map((o) => o._id),
    { refundedFen: LATE_REFUND_FEN, money: 'partially_refunded' },
  );
  insert(
    w,
    'events',
    of(5).map((o) => event('refund_succeeded', o, { refundFen: LATE_REFUND_FEN })),
  );
  await untilQuiet(settle, 'commission timer');

  // The rollup counts only events older than its margin: let them settle, then fold them all.
  w.clock.advance(3 * 60_000);
  await beforeRollup?.(w, (c, docs) => insert(w, c, docs));
  await untilQuiet(rollup, 'analytics rollup');
  return { ...w, settle, rollup };
}
