// Helpers for the analytics tests: the groupbuy world (its shop, KOC and students) with events
// written straight into the events collection (thousands in milliseconds), the rollup timer,
// and an oracle that computes every counter from the event list by brute force, independently
// of the rollup's code (nothing here imports server/analytics).
import type { DashboardView } from '../../core/contracts/analytics';
import { toStorage } from '../../local-cloud/engine/values';
import { CAMPUS, KOC, OWNER, SHOP, STUDENTS, type WorldOptions, world } from '../groupbuy/fixture';
import { oracleDashboardCounters, pruneZeros } from './dashboard-oracle';

export const DAY = 86_400_000;
export const SETTLE = 120_000; // the rollup's margin, restated: a test fails if it changes silently

export type Ev = { _id: string; type: string; at: Date; openid: string } & Record<string, unknown>;

/** UTC instant of a campus (UTC+8) wall time: campus('2026-11-22 00:00') is 2026-11-21T16:00Z. */
export const campus = (wall: string) => new Date(`${wall.replace(' ', 'T')}:00+08:00`);

let n = 0;
const id = () => `ev-${String(n++).padStart(6, '0')}`;

/** Card events as share.open and share.create write them. */
export function cardEvent(
  type: 'share_created' | 'open' | 'bind',
  at: Date,
  f: { code: string; openid: string; channel?: string; sharer?: string; merchantId?: string; newCustomer?: boolean },
): Ev {
  const base = { _id: id(), type, at, openid: f.openid, code: f.code, sharer: f.sharer ?? KOC, channel: f.channel ?? 'chat', merchantId: f.merchantId ?? SHOP };
  const card = { ...base, targetType: 'product', targetId: 'fx-product' };
  if (type === 'share_created') return card;
  if (type === 'open') return { ...card, scene: 1007 };
  return { ...card, scene: 1007, bound: Boolean(f.newCustomer), decision: 'bind_first_touch', reason: '', newCustomer: Boolean(f.newCustomer) };
}

/** Order events as the payment and refund flows write them (code, sharer and channel from the binding). */
export function orderEvent(
  type: 'order_paid' | 'refund_succeeded' | 'order_created',
  at: Date,
  f: { amountFen: number; code?: string; sharer?: string; channel?: string; merchantId?: string; buyer?: string; refundFen?: number; orderId?: string },
): Ev {
  const e: Ev = {
    _id: id(),
    type,
    at,
    openid: f.buyer ?? 'buyer',
    orderId: f.orderId ?? `o-${n}`,
    groupId: 'g',
    merchantId: f.merchantId ?? SHOP,
    amountFen: f.amountFen,
  };
  // The payment notice writes order_paid with no caller: the buyer is in `buyer` (a refund's openid is whoever approved it).
  if (f.buyer) e.buyer = f.buyer;
  if (type === 'refund_succeeded' && f.buyer) e.openid = OWNER;
  if (f.code) e.code = f.code;
  if (f.sharer) e.sharer = f.sharer;
  if (f.code && f.channel) e.channel = f.channel;
  if (type === 'refund_succeeded') e.refundFen = f.refundFen ?? f.amountFen;
  if (type === 'order_created') e.campaignId = 'c';
  return e;
}

/** A group-buy that ended, as the group sweep writes it. */
export function groupEvent(type: 'group_succeeded' | 'group_failed', at: Date, merchantId = SHOP): Ev {
  const e: Ev = { _id: id(), type, at, openid: '', groupId: `g-${n}`, campaignId: 'c', merchantId, size: 2 };
  if (type === 'group_failed') e.paid = 1;
  return e;
}

/** A reminder sent or a precision card shown (delivered), or the page opened from it, with the student's segment. */
export function touchEvent(
  type: 'touch_delivered' | 'touch_opened',
  at: Date,
  f: { student: string; kind?: string; scene?: string; grade?: string; major?: string },
): Ev {
  return {
    _id: id(),
    type,
    at,
    openid: type === 'touch_opened' ? f.student : '',
    student: f.student,
    kind: f.kind ?? 'pick',
    scene: f.scene ?? 'PE',
    grade: f.grade ?? '大二',
    major: f.major ?? '计算机',
  };
}

/** A like, collect or comment on a note. */
export function noteEvent(type: 'note_liked' | 'note_collected' | 'note_commented', at: Date, openid: string): Ev {
  const e: Ev = { _id: id(), type, at, openid, noteId: 'note-1', author: KOC };
  if (type === 'note_commented') e.commentId = `cm-${n}`;
  return e;
}

/** Every user of the world is on its campus (the test's extra students too, when it adds them as users). */
export const onCampus = (openid: string) => (openid ? CAMPUS.id : undefined);

export async function analyticsWorld(options: WorldOptions = {}) {
  const w = await world(options);
  /** Writes events as they are stored, in one SQLite transaction (no SDK round trips). */
  const insertEvents = (events: Ev[]) => {
    const store = w.cloud.engine.store;
    const table = store.table('events');
    store.transaction(() => {
      for (const e of events) table.insert(e._id, e, toStorage(e));
    });
  };
  const rollup = () => w.cloud.invoke('analytics', { Type: 'Timer', TriggerName: 'rollup' }, { source: 'wx_trigger' }) as Promise<{ ok: boolean }>;
  /** Runs the timer until a run writes nothing (at most 50 runs). */
  const rollupUntilQuiet = async () => {
    for (let i = 0; i < 50; i++) {
      const before = w.fingerprint();
      const r = await rollup();
      if (!r.ok) throw new Error(`rollup failed: ${JSON.stringify(r)}`);
      if (w.fingerprint() === before) return i;
    }
    throw new Error('the rollup never went quiet');
  };
  /** Every counter document, without the page numbers (which depend on how pages fell). */
  const counters = async () => {
    const strip = <T extends { seq?: number }>(docs: T[]) => docs.map(({ seq, ...rest }) => rest);
    return {
      days: pruneZeros(strip(await w.all<{ seq: number }>('analytics_days'))),
      kocDays: strip(await w.all<{ seq: number }>('analytics_koc_days')),
      cards: strip(await w.all<{ seq: number }>('analytics_cards')),
      visitors: (await w.all<{ _id: string }>('analytics_visitors')).map((v) => v._id),
      campusDays: pruneZeros(strip(await w.all<{ seq: number }>('analytics_campus_days'))),
      marks: strip(await w.all<{ seq: number }>('analytics_marks')),
    };
  };
  const funnel = async (days = 30) => {
    const r = await w.call<{ channel: string; created: number; opens: number; binds: number }[]>('analytics', OWNER, { action: 'shareFunnel', days });
    if (!r.ok) throw new Error(r.message);
    return Object.fromEntries(r.data.map(({ channel, ...f }) => [channel, f]));
  };
  const stats = async (who = KOC) => {
    const r = await w.call<{ code: string; opens: number; uniqueVisitors: number; newCustomers: number; orders: number; revenueFen: number }[]>('share', who, {
      action: 'stats',
    });
    if (!r.ok) throw new Error(r.message);
    return Object.fromEntries(
      r.data.map(({ code, opens, uniqueVisitors, newCustomers, orders, revenueFen }) => [code, { opens, uniqueVisitors, newCustomers, orders, revenueFen }]),
    );
  };
  /** Share codes the KOC owns (share.stats lists the caller's codes) and a balance (summary lists programs). */
  const ownCards = async (codes: string[]) => {
    const at = new Date(w.clock.now());
    for (const code of codes)
      await w.cloud.db.collection('share_codes').add({
        data: {
          _id: code,
          sharer: KOC,
          targetType: 'product',
          targetId: 'fx-product',
          channel: 'chat',
          scope: SHOP,
          reuseKey: code,
          createdAt: at,
          expiresAt: new Date(at.getTime() + 30 * DAY),
        },
      });
    await w.cloud.db.collection('koc_balances').add({
      data: {
        _id: `${SHOP}:${KOC}`,
        koc: KOC,
        merchantId: SHOP,
        pendingFen: 0,
        availableFen: 0,
        inTransitFen: 0,
        paidOutFen: 0,
        earnedFen: 0,
        clawedBackFen: 0,
        openWithdrawal: null,
        updatedAt: at,
      },
    });
  };
  /** The KOC's progress to the next tier with the shop (commission.summary). */
  const progress = async () => (await w.summary()).programs.find((p) => p.merchantId === SHOP)?.next;
  /** What analytics.dashboard shows the shop's owner. */
  const dashboard = async (days = 30) => {
    const r = await w.call<DashboardView>('analytics', OWNER, { action: 'dashboard', days });
    if (!r.ok) throw new Error(r.message);
    return r.data;
  };
  /** The events the counters hold: up to the rollup's cursor, in (at, _id) order. */
  const counted = async (events: Ev[]) => {
    const s = (await w.all<{ at: Date; id: string }>('analytics_state'))[0];
    if (!s) return [];
    const at = new Date(s.at).getTime();
    return events.filter((e) => e.at.getTime() < at || (e.at.getTime() === at && e._id <= s.id));
  };
  /** Every figure the three actions show, to compare with oracleFigures. */
  const figures = async () => ({ funnel: await funnel(30), stats: await stats(), progress: await progress() });
  return { ...w, insertEvents, rollup, rollupUntilQuiet, counters, funnel, stats, ownCards, progress, figures, dashboard, counted };
}

// --- the oracle ------------------------------------------------------------------------------

const dayOf = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const bump = (o: Record<string, unknown>, path: string[], k: number) => {
  let node = o;
  for (const p of path.slice(0, -1)) {
    node[p] = node[p] ?? {};
    node = node[p] as Record<string, unknown>;
  }
  const leaf = path[path.length - 1];
  node[leaf] = ((node[leaf] as number | undefined) ?? 0) + k;
};

/** Every counter document the events should produce, by brute force over the whole list. */
export function oracleCounters(events: Ev[], campusOf: (openid: string) => string | undefined = onCampus) {
  const days = new Map<string, Record<string, unknown>>();
  const kocDays = new Map<string, Record<string, unknown>>();
  const cards = new Map<string, Record<string, unknown>>();
  const visitors = new Set<string>();
  const day = (e: Ev) => {
    const key = `${e.merchantId}:${dayOf(e.at)}`;
    if (!days.has(key)) days.set(key, { _id: key, merchantId: e.merchantId, day: dayOf(e.at) });
    return days.get(key) as Record<string, unknown>;
  };
  const kocDay = (e: Ev) => {
    const key = `${e.sharer}:${dayOf(e.at)}`;
    if (!kocDays.has(key)) kocDays.set(key, { _id: key, koc: e.sharer, day: dayOf(e.at) });
    return kocDays.get(key) as Record<string, unknown>;
  };
  const card = (e: Ev) => {
    const code = e.code as string;
    if (!cards.has(code)) cards.set(code, { _id: code, sharer: e.sharer ?? '', merchantId: e.merchantId });
    return cards.get(code) as Record<string, unknown>;
  };
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || (a._id < b._id ? -1 : 1));
  for (const e of sorted) {
    const ch = e.channel as string;
    if (e.type === 'share_created') bump(day(e), ['funnel', ch, 'created'], 1);
    if (e.type === 'open') {
      bump(day(e), ['funnel', ch, 'opens'], 1);
      bump(card(e), ['opens'], 1);
      const v = `${e.code}:${e.openid}`;
      if (!visitors.has(v)) bump(card(e), ['visitors'], 1);
      visitors.add(v);
    }
    if (e.type === 'bind' && e.newCustomer === true) {
      bump(day(e), ['funnel', ch, 'binds'], 1);
      bump(card(e), ['newCustomers'], 1);
    }
    if (e.type === 'order_paid') {
      if (e.code) bump(card(e), ['orders'], 1);
      if (e.code) bump(card(e), ['paidFen'], e.amountFen as number);
      for (const [figure, k] of [
        ['orders', 1],
        ['paidFen', e.amountFen as number],
      ] as const) {
        if (!e.sharer) continue;
        bump(day(e), ['kocs', e.sharer as string, figure], k);
        bump(kocDay(e), ['merchants', e.merchantId as string, figure], k);
      }
    }
    if (e.type === 'refund_succeeded') {
      if (e.code) bump(card(e), ['refundedFen'], e.refundFen as number);
      if (e.sharer) bump(day(e), ['kocs', e.sharer as string, 'refundedFen'], e.refundFen as number);
      if (e.sharer) bump(kocDay(e), ['merchants', e.merchantId as string, 'refundedFen'], e.refundFen as number);
    }
  }
  const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a._id) < String(b._id) ? -1 : 1);
  const dash = oracleDashboardCounters(events, campusOf);
  for (const [key, fields] of dash.days) days.set(key, { ...fields, ...(days.get(key) ?? {}), ...mergeFunnel(days.get(key), fields) });
  return {
    days: pruneZeros([...days.values()].sort(byId)),
    kocDays: [...kocDays.values()].sort(byId),
    cards: [...cards.values()].sort(byId),
    visitors: [...visitors].sort(),
    campusDays: pruneZeros([...dash.campusDays.values()].sort(byId)),
    marks: [...dash.marks.values()].sort(byId),
  };
}

/** The funnel per channel of both halves of a day (the card figures and the orders by channel). */
function mergeFunnel(a: Record<string, unknown> | undefined, b: Record<string, unknown>) {
  const fa = (a?.funnel ?? {}) as Record<string, object>;
  const fb = (b.funnel ?? {}) as Record<string, object>;
  if (!a?.funnel && !b.funnel) return {};
  const funnel: Record<string, object> = {};
  for (const ch of new Set([...Object.keys(fa), ...Object.keys(fb)])) funnel[ch] = { ...fa[ch], ...fb[ch] };
  return { funnel };
}

/**
 * A mixed history: card events of three codes and four channels, orders (some by known buyers,
 * several a buyer) and refunds (partial and full, of those orders or of none), group-buys ending,
 * reminders and precision cards reaching and opened by the world's students, note engagement;
 * across campus midnights.
 */
export function mixedHistory(count: number, from: Date, spanMs: number, codes: string[], seed = 7): Ev[] {
  let x = seed;
  const rnd = (k: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat with a short period (x % 16 would cycle every 16 draws).
    return Math.floor((x / 2147483648) * k);
  };
  const out: Ev[] = [];
  const paid: { orderId: string; buyer: string; amountFen: number }[] = [];
  for (let i = 0; i < count; i++) {
    // Bunches of seven events in one millisecond: a page (100 events) can end inside a tie.
    const at = new Date(from.getTime() + Math.floor((Math.floor(i / 7) * 7 * spanMs) / count));
    const code = codes[rnd(codes.length)];
    const openid = `v-${rnd(12)}`;
    const channel = ['chat', 'group', 'moments', 'poster'][rnd(4)];
    const student = STUDENTS[rnd(STUDENTS.length)];
    const kind = rnd(16);
    if (kind < 4) out.push(cardEvent('open', at, { code, openid, channel }));
    else if (kind < 6) out.push(cardEvent('bind', at, { code, openid, channel, newCustomer: rnd(2) === 0 }));
    else if (kind < 7) out.push(cardEvent('share_created', at, { code, openid: KOC, channel }));
    else if (kind < 8) out.push(orderEvent('order_paid', at, { amountFen: 100 + rnd(5000), code, sharer: KOC, channel }));
    else if (kind < 9) out.push(orderEvent('refund_succeeded', at, { amountFen: 1990, refundFen: 1 + rnd(1990), code, sharer: KOC }));
    else if (kind < 10)
      out.push(orderEvent(rnd(2) ? 'order_created' : 'order_paid', at, { amountFen: 990 })); // no card
    else if (kind < 11) {
      const order = { orderId: `mo-${seed}-${i}`, buyer: student, amountFen: 500 + rnd(3) * 500 };
      paid.push(order);
      out.push(orderEvent('order_paid', at, order));
    } else if (kind < 12 && paid.length) {
      const o = paid[rnd(paid.length)];
      out.push(orderEvent('refund_succeeded', at, { ...o, refundFen: rnd(2) ? o.amountFen : 250 }));
    } else if (kind < 13) out.push(groupEvent(rnd(3) ? 'group_succeeded' : 'group_failed', at));
    else if (kind < 15)
      out.push(touchEvent(rnd(2) ? 'touch_delivered' : 'touch_opened', at, { student, kind: rnd(2) ? 'pick' : 'class', scene: ['PE', 'LAB'][rnd(2)] }));
    else out.push(noteEvent((['note_liked', 'note_collected', 'note_commented'] as const)[rnd(3)], at, student));
  }
  return out;
}

/** What shareFunnel(30), share.stats and the KOC's progress should show, by brute force over the list. */
export function oracleFigures(events: Ev[], now: number, codes: string[]) {
  const since = (d: number) => Date.parse(`${dayOf(new Date(now - (d - 1) * DAY))}T00:00:00+08:00`);
  const funnel: Record<string, { created: number; opens: number; binds: number }> = {};
  for (const ch of ['chat', 'group', 'moments', 'poster']) funnel[ch] = { created: 0, opens: 0, binds: 0 };
  const stats: Record<string, { opens: number; uniqueVisitors: number; newCustomers: number; orders: number; revenueFen: number }> = {};
  for (const c of codes) stats[c] = { opens: 0, uniqueVisitors: 0, newCustomers: 0, orders: 0, revenueFen: 0 };
  const visitors = new Set<string>();
  let revenueFen = 0;
  let orders = 0;
  for (const e of events) {
    const at = e.at.getTime();
    const mine = e.merchantId === SHOP;
    const f = funnel[e.channel as string];
    const card = stats[e.code as string];
    if (mine && at >= since(30) && f) {
      if (e.type === 'share_created') f.created++;
      if (e.type === 'open') f.opens++;
      if (e.type === 'bind' && e.newCustomer === true) f.binds++;
    }
    if (card && e.sharer === KOC) {
      if (e.type === 'open') card.opens++;
      if (e.type === 'open' && !visitors.has(`${e.code}:${e.openid}`)) card.uniqueVisitors++;
      if (e.type === 'open') visitors.add(`${e.code}:${e.openid}`);
      if (e.type === 'bind' && e.newCustomer === true) card.newCustomers++;
      if (e.type === 'order_paid') card.orders++;
      if (e.type === 'order_paid') card.revenueFen += e.amountFen as number;
      if (e.type === 'refund_succeeded') card.revenueFen -= e.refundFen as number;
    }
    if (mine && e.sharer === KOC && at >= since(90)) {
      if (e.type === 'order_paid') orders++;
      if (e.type === 'order_paid') revenueFen += e.amountFen as number;
      if (e.type === 'refund_succeeded') revenueFen -= e.refundFen as number;
    }
  }
  // The default rules: the next tier from primary is intermediate at 100,000 fen and 10 orders.
  const progress = { tier: 'intermediate', revenueFenLeft: Math.max(0, 100_000 - revenueFen), ordersLeft: Math.max(0, 10 - orders) };
  return { funnel, stats, progress };
}
