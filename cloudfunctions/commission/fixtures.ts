// A small world for commission tests, built without the demo seed or the order flows: two shops,
// orders and order events written the way the order domain writes them, the commission timer,
// and withdrawal calls. The database is a file, so a test can crash it after the k-th write
// and restart on the same data. Orders are written directly so these tests stay about money
// and do not move when the order flows change shape.
import type { CommissionSummary } from '../../core/contracts/commission';
import { testCloud } from '../../local-cloud/testing';

export const SHOPS = { a: { id: 'm-a', boss: 'boss-a' }, b: { id: 'm-b', boss: 'boss-b' }, c: { id: 'm-c', boss: 'boss-c' } } as const;
export const DAY = 86_400_000;
type R<T = unknown> = { ok: true; data: T } | { ok: false; code: string; message: string };

export async function commissionFixture(options: { latencyMs?: [number, number]; random?: () => number } = {}) {
  const t = await testCloud({ durable: true, seed: false, ...options });
  const db = () => t.cloud.db;
  for (const s of Object.values(SHOPS)) {
    await db()
      .collection('merchants')
      .add({ data: { _id: s.id, name: `店${s.id}`, logo: '', campusId: 'campus-1', ownerOpenid: s.boss } });
    // These programs pay every student (人人分销): the ledger's rules, not who may earn, are tested here.
    await db()
      .collection('programs')
      .add({ data: { _id: s.id, commission: { kocMode: 'everyone' } } });
  }
  let orders = 0;
  let events = 0;
  const event = (type: string, orderId: string, fields: Record<string, unknown> = {}, atMs = t.clock.now()) =>
    db()
      .collection('events')
      .add({ data: { _id: `fx-ev-${String(events++).padStart(5, '0')}`, type, at: new Date(atMs), orderId, ...fields } });

  /** An order paid through `koc`'s card (sharer = buyer when selfPurchase), with its order_paid event. */
  const sale = async (o: { koc: string; amountFen: number; shop?: string; buyer?: string; eventAtMs?: number }) => {
    const id = `fx-order-${orders++}`;
    const merchantId = o.shop ?? SHOPS.a.id;
    const buyer = o.buyer ?? `buyer-${orders}`;
    await db()
      .collection('orders')
      .add({
        data: {
          _id: id,
          buyer,
          merchantId,
          campaignId: 'c-1',
          groupId: `g-${id}`,
          memberKey: `g-${id}|${buyer}`,
          productId: 'p-1',
          title: `商品${id}`,
          amountFen: o.amountFen,
          totalFen: o.amountFen,
          refundedFen: 0,
          status: 'paid',
          binding: { sharer: o.koc, code: 'code-1', channel: 'chat', reason: '首次触达：聊天卡片' },
          leader: false,
          history: [],
          createdAt: new Date(t.clock.now()),
          paidAt: new Date(t.clock.now()),
        },
      });
    await event('order_paid', id, { merchantId, amountFen: o.amountFen, sharer: o.koc }, o.eventAtMs);
    return id;
  };
  /** The buyer received the order; `withEvent: false` is the crash that lost the event. */
  const complete = async (orderId: string, withEvent = true) => {
    await db()
      .collection('orders')
      .doc(orderId)
      .update({ data: { status: 'completed', completedAt: new Date(t.clock.now()) } });
    if (withEvent) await event('order_completed', orderId);
  };
  /** WeChat paid back `fen` more of the order. */
  const refund = async (orderId: string, fen: number) => {
    const o = (await db().collection<{ refundedFen: number; totalFen: number }>('orders').doc(orderId).get()).data;
    const refundedFen = o.refundedFen + fen;
    await db()
      .collection('orders')
      .doc(orderId)
      .update({ data: { refundedFen, status: refundedFen >= o.totalFen ? 'refunded' : 'partially_refunded' } });
    await event('refund_succeeded', orderId, { refundFen: fen });
  };
  const settle = () => t.cloud.invoke('commission', { Type: 'Timer', TriggerName: 'settle' }, { source: 'wx_trigger' }) as Promise<R>;
  /** Runs the timer until a run writes nothing (at most 20 runs). */
  const settleUntilQuiet = async () => {
    for (let i = 0; i < 20; i++) {
      const before = t.fingerprint();
      await settle();
      if (t.fingerprint() === before) return i;
    }
    throw new Error('the commission timer never settles');
  };
  /** `fen` of commission made available to `koc` at `shop` (an order of 10x at the default 10%). */
  const earn = async (koc: string, fen: number, shop: string = SHOPS.a.id) => {
    const id = await sale({ koc, amountFen: fen * 10, shop });
    await complete(id);
    await settle();
    t.clock.advance(7 * DAY + 1000);
    await settle();
    return id;
  };
  const call = <T>(fn: string, who: string, event: Record<string, unknown>) => t.call<T>(fn, who, event) as Promise<R<T>>;
  const request = (koc: string, amountFen: number, requestId: string, shop: string = SHOPS.a.id) =>
    call<{ withdrawalId: string; status: string }>('commission', koc, { action: 'requestWithdrawal', merchantId: shop, amountFen, requestId });
  const bossOf = (shop: string) => Object.values(SHOPS).find((s) => s.id === shop)?.boss ?? '';
  const approve = (withdrawalId: string, shop: string = SHOPS.a.id) =>
    call<{ status: string }>('commission', bossOf(shop), { action: 'approveWithdrawal', withdrawalId });
  const reject = (withdrawalId: string, shop: string = SHOPS.a.id) =>
    call<{ status: string }>('commission', bossOf(shop), { action: 'rejectWithdrawal', withdrawalId, reason: '核对中' });
  const confirm = (koc: string, withdrawalId: string) => {
    t.cloud.payout.confirm(withdrawalId); // the KOC taps 确认收款 in WeChat's sheet
    return call<{ status: string }>('commission', koc, { action: 'confirmWithdrawal', withdrawalId });
  };
  const summary = async (koc: string) => {
    const r = await call<CommissionSummary>('commission', koc, { action: 'summary' });
    if (!r.ok) throw new Error(r.message);
    return r.data;
  };
  const all = async <T>(collection: string): Promise<T[]> => {
    const out: T[] = [];
    for (let skip = 0; ; skip += 100) {
      const { data } = await db().collection<T>(collection).skip(skip).limit(100).get();
      out.push(...(data as T[]));
      if (data.length < 100) return out;
    }
  };
  return {
    clock: t.clock,
    fingerprint: t.fingerprint,
    crashAfterWrites: t.crashAfterWrites,
    restart: t.restart,
    crashes: t.crashes,
    /** The live instance (a restart replaces it). */
    get cloud() {
      return t.cloud;
    },
    db,
    event,
    sale,
    complete,
    refund,
    settle,
    settleUntilQuiet,
    earn,
    call,
    request,
    approve,
    reject,
    confirm,
    summary,
    all,
  };
}

export type CommissionFixture = Awaited<ReturnType<typeof commissionFixture>>;
