// The dashboard's counters and figures by brute force over the whole event list, written from
// the definitions (core/metrics.ts) and independently of server/analytics: the rollup's
// incremental counters, and what analytics.dashboard shows, are compared with these.
import { SHOP } from '../groupbuy/fixture';
import type { Ev } from './fixture';

const DAY = 86_400_000;
const OFFSET = 8 * 3600_000;
const dayNo = (ms: number) => Math.floor((ms + OFFSET) / DAY);
const dateOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
/** The rollup's reversible field names for segment values, restated (a test fails if it changes). */
export const vk = (v: string) => encodeURIComponent(v).replace(/[.!~*'()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
const DIMS = ['scene', 'grade', 'major', 'campus'] as const;
const familyOf = (kind: unknown) => (kind === 'pick' ? 'card' : 'reminder');
const orEmpty = (v: unknown) => (typeof v === 'string' && v ? v : '未填');

type Doc = Record<string, unknown>;
const bump = (o: Doc, path: string[], k: number) => {
  let node = o;
  for (const p of path.slice(0, -1)) {
    node[p] = node[p] ?? {};
    node = node[p] as Doc;
  }
  const leaf = path[path.length - 1];
  node[leaf] = ((node[leaf] as number | undefined) ?? 0) + k;
};

interface Order {
  merchantId: string;
  buyer: string;
  id: string;
  day: number;
  paid: number;
  refunded: number;
}
interface Open {
  campus: string;
  family: string;
  values: Record<(typeof DIMS)[number], string>;
  at: number;
  converted: boolean;
}

const isNet = (o: Order) => !(o.refunded > 0 && o.refunded >= o.paid);

/** What the events leave behind: orders per buyer, each student's reach, opens and conversions, notes. */
function replay(events: Ev[], campusOf: (openid: string) => string | undefined) {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || (a._id < b._id ? -1 : 1));
  const orders = new Map<string, Order>(); // by merchant:buyer:order
  const reached: { campus: string; family: string; dim: string; value: string; student: string; day: number }[] = [];
  const touches: { campus: string; family: string; values: Open['values']; day: number; field: 'delivered' | 'opened' | 'converted' }[] = [];
  const opens = new Map<string, Open[]>(); // by student
  const notes: { campus: string; day: number; figure: string }[] = [];
  for (const e of sorted) {
    const at = e.at.getTime();
    if (e.type === 'order_paid') {
      const buyer = (e.buyer as string) || e.openid;
      if (buyer)
        orders.set(`${e.merchantId}:${buyer}:${e.orderId}`, {
          merchantId: e.merchantId as string,
          buyer,
          id: e.orderId as string,
          day: dayNo(at),
          paid: e.amountFen as number,
          refunded: 0,
        });
      // Conversion: the buyer's latest open in the 24 h before, unless it converted already.
      const latest = (opens.get(buyer) ?? []).filter((o) => o.at <= at && o.at >= at - DAY).sort((a, b) => b.at - a.at)[0];
      if (latest && !latest.converted) {
        latest.converted = true;
        touches.push({ campus: latest.campus, family: latest.family, values: latest.values, day: dayNo(latest.at), field: 'converted' });
      }
    }
    if (e.type === 'refund_succeeded' && e.buyer) {
      const o = orders.get(`${e.merchantId}:${e.buyer}:${e.orderId}`);
      if (o) o.refunded += e.refundFen as number;
    }
    if (e.type === 'touch_delivered' || e.type === 'touch_opened') {
      const student = e.student as string;
      const campus = campusOf(student);
      if (!campus) continue;
      const values = { scene: orEmpty(e.scene), grade: orEmpty(e.grade), major: orEmpty(e.major), campus };
      const family = familyOf(e.kind);
      const field = e.type === 'touch_opened' ? 'opened' : 'delivered';
      touches.push({ campus, family, values, day: dayNo(at), field });
      for (const dim of DIMS) reached.push({ campus, family, dim, value: values[dim], student, day: dayNo(at) });
      if (field === 'opened') opens.set(student, [...(opens.get(student) ?? []), { campus, family, values, at, converted: false }]);
    }
    if (e.type === 'note_liked' || e.type === 'note_collected' || e.type === 'note_commented') {
      const campus = campusOf(e.openid);
      const figure = e.type === 'note_liked' ? 'likes' : e.type === 'note_collected' ? 'collects' : 'comments';
      if (campus) notes.push({ campus, day: dayNo(at), figure });
    }
  }
  return { sorted, orders: [...orders.values()], reached, touches, opens, notes };
}

/** The dashboard's fields of each merchant day (to merge into oracleCounters' days), the campus days and the marks. */
export function oracleDashboardCounters(events: Ev[], campusOf: (openid: string) => string | undefined) {
  const r = replay(events, campusOf);
  const days = new Map<string, Doc>();
  const day = (merchantId: string, n: number) => {
    const id = `${merchantId}:${dateOf(n)}`;
    if (!days.has(id)) days.set(id, { _id: id, merchantId, day: dateOf(n) });
    return days.get(id) as Doc;
  };
  for (const e of r.sorted) {
    const m = e.merchantId as string;
    const n = dayNo(e.at.getTime());
    if (e.type === 'share_created') bump(day(m, n), ['sharers', e.sharer as string, 'created'], 1);
    if (e.type === 'open') bump(day(m, n), ['sharers', e.sharer as string, 'opens'], 1);
    if (e.type === 'bind' && e.newCustomer === true) bump(day(m, n), ['sharers', e.sharer as string, 'binds'], 1);
    if (e.type === 'order_paid') {
      bump(day(m, n), ['sales', 'orders'], 1);
      bump(day(m, n), ['sales', 'paidFen'], e.amountFen as number);
      if (e.code && e.channel) bump(day(m, n), ['funnel', e.channel as string, 'orders'], 1);
      if (e.sharer) bump(day(m, n), ['sharers', e.sharer as string, 'orders'], 1);
      if (e.sharer) bump(day(m, n), ['sharers', e.sharer as string, 'paidFen'], e.amountFen as number);
    }
    if (e.type === 'refund_succeeded') {
      bump(day(m, n), ['sales', 'refunds'], 1);
      bump(day(m, n), ['sales', 'refundedFen'], e.refundFen as number);
    }
    if (e.type === 'group_succeeded') bump(day(m, n), ['groups', 'succeeded'], 1);
    if (e.type === 'group_failed') bump(day(m, n), ['groups', 'failed'], 1);
  }
  const marks = new Map<string, Doc>();
  const mark = (id: string, init: Doc) => {
    if (!marks.has(id)) marks.set(id, { _id: id, ...init });
    return marks.get(id) as Doc;
  };
  const byBuyer = new Map<string, Order[]>();
  for (const o of r.orders) {
    const key = `${o.merchantId}:${o.buyer}`;
    byBuyer.set(key, [...(byBuyer.get(key) ?? []), o]);
    const m = mark(`b:${key}`, { merchantId: o.merchantId, buyer: o.buyer });
    bump(m, ['o', vk(o.id), 'd'], o.day);
    bump(m, ['o', vk(o.id), 'paid'], o.paid);
    if (o.refunded) bump(m, ['o', vk(o.id), 'ref'], o.refunded);
    if (isNet(o)) bump(day(o.merchantId, o.day), ['buyers', 'net'], 1);
  }
  for (const list of byBuyer.values()) {
    const net = list
      .filter(isNet)
      .map((o) => o.day)
      .sort((a, b) => b - a);
    if (net[0] !== undefined) bump(day(list[0].merchantId, net[0]), ['buyers', 'first'], 1);
    if (net[1] !== undefined) bump(day(list[0].merchantId, net[1]), ['buyers', 'second'], 1);
  }
  const campusDays = new Map<string, Doc>();
  const cday = (campus: string, n: number) => {
    const id = `${campus}:${dateOf(n)}`;
    if (!campusDays.has(id)) campusDays.set(id, { _id: id, campusId: campus, day: dateOf(n) });
    return campusDays.get(id) as Doc;
  };
  for (const t of r.touches) for (const dim of DIMS) bump(cday(t.campus, t.day), ['touch', t.family, dim, vk(t.values[dim]), t.field], 1);
  const latest = new Map<string, { campus: string; family: string; dim: string; value: string; student: string; day: number }>();
  for (const x of r.reached) {
    const key = `${x.campus}|${x.family}|${x.dim}|${x.value}|${x.student}`;
    if ((latest.get(key)?.day ?? -1) < x.day) latest.set(key, x);
  }
  for (const x of latest.values()) {
    bump(cday(x.campus, x.day), ['students', x.family, x.dim, vk(x.value)], 1);
    bump(mark(`t:${x.student}`, { student: x.student }), ['last', vk(x.campus), x.family, x.dim, vk(x.value)], x.day);
  }
  for (const [student, list] of r.opens) {
    const byKey = new Map<string, Open[]>();
    for (const o of list) {
      const path = [vk(o.campus), o.family, vk(o.values.scene), vk(o.values.grade), vk(o.values.major)];
      byKey.set(path.join('.'), [...(byKey.get(path.join('.')) ?? []), o]);
    }
    for (const [path, same] of byKey) {
      const last = same.reduce((a, b) => (b.at > a.at ? b : a));
      const conv = same.filter((o) => o.converted).reduce((a: Open | null, b) => (!a || b.at > a.at ? b : a), null);
      bump(mark(`t:${student}`, { student }), ['open', ...path.split('.'), 'at'], last.at);
      if (conv) bump(mark(`t:${student}`, { student }), ['open', ...path.split('.'), 'conv'], conv.at);
    }
  }
  for (const x of r.notes) bump(cday(x.campus, x.day), ['notes', x.figure], 1);
  return { days, campusDays, marks };
}

/** Drops zero counters and the objects they leave empty (a count that went +1 then -1 leaves a 0 behind). */
export function pruneZeros<T>(v: T): T {
  if (Array.isArray(v)) return v.map(pruneZeros) as T;
  if (!v || typeof v !== 'object' || v instanceof Date) return v;
  const out: Doc = {};
  for (const [k, x] of Object.entries(v as Doc)) {
    const p = pruneZeros(x);
    if (p === 0) continue;
    if (p && typeof p === 'object' && !(p instanceof Date) && !Array.isArray(p) && Object.keys(p).length === 0) continue;
    out[k] = p;
  }
  return out as T;
}

/** The figures analytics.dashboard shows for the window of `days` ending at `now` (SHOP, its campus). */
export function oracleDashboard(events: Ev[], now: number, days: number, campusOf: (openid: string) => string | undefined, campus = 'fx-campus') {
  const r = replay(events, campusOf);
  const since = dayNo(now) - days + 1;
  const inWindow = (e: Ev) => dayNo(e.at.getTime()) >= since && dayNo(e.at.getTime()) <= dayNo(now);
  const mine = r.sorted.filter((e) => e.merchantId === SHOP && inWindow(e));
  const count = (type: string, f: (e: Ev) => boolean = () => true) => mine.filter((e) => e.type === type && f(e)).length;
  const sum = (type: string, field: string) => mine.filter((e) => e.type === type).reduce((s, e) => s + (e[field] as number), 0);
  const paidFen = sum('order_paid', 'amountFen');
  const refundedFen = sum('refund_succeeded', 'refundFen');
  const succeeded = count('group_succeeded');
  const failed = count('group_failed');
  const funnel = ['chat', 'group', 'moments', 'poster'].map((channel) => ({
    channel,
    created: count('share_created', (e) => e.channel === channel),
    opens: count('open', (e) => e.channel === channel),
    binds: count('bind', (e) => e.channel === channel && e.newCustomer === true),
    orders: count('order_paid', (e) => Boolean(e.code) && e.channel === channel),
  }));
  const sharers = new Set(mine.filter((e) => e.type === 'share_created' || e.type === 'open').map((e) => e.sharer as string));
  const opens = count('open');
  const binds = count('bind', (e) => e.newCustomer === true);
  // Repurchase from the definition: net orders (final refund state) paid in the window, per buyer.
  const perBuyer = new Map<string, number>();
  for (const o of r.orders)
    if (o.merchantId === SHOP && isNet(o) && o.day >= since && o.day <= dayNo(now)) perBuyer.set(o.buyer, (perBuyer.get(o.buyer) ?? 0) + 1);
  const buyers = perBuyer.size;
  const repeat = [...perBuyer.values()].filter((n) => n >= 2).length;
  const netOrders = [...perBuyer.values()].reduce((s, n) => s + n, 0);
  const notes = { likes: 0, comments: 0, collects: 0 };
  for (const x of r.notes) if (x.campus === campus && x.day >= since && x.day <= dayNo(now)) notes[x.figure as keyof typeof notes]++;
  // Touches per family, dimension and value: counts, and distinct students reached in the window.
  const rows = new Map<
    string,
    { family: string; dimension: string; value: string; students: Set<string>; delivered: number; opened: number; converted: number }
  >();
  const row = (family: string, dimension: string, value: string) => {
    const key = `${family}|${dimension}|${value}`;
    if (!rows.has(key)) rows.set(key, { family, dimension, value, students: new Set(), delivered: 0, opened: 0, converted: 0 });
    return rows.get(key) as NonNullable<ReturnType<typeof rows.get>>;
  };
  for (const t of r.touches)
    if (t.campus === campus && t.day >= since && t.day <= dayNo(now)) for (const dim of DIMS) row(t.family, dim, t.values[dim])[t.field]++;
  for (const x of r.reached) if (x.campus === campus && x.day >= since && x.day <= dayNo(now)) row(x.family, x.dim, x.value).students.add(x.student);
  const all = [...rows.values()];
  const shown = all.filter((x) => x.students.size >= 5);
  const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
  return {
    totals: {
      paidFen,
      refundedFen,
      netFen: paidFen - refundedFen,
      orders: count('order_paid'),
      groupsSucceeded: succeeded,
      groupsFailed: failed,
      groupSuccessRate: ratio(succeeded, succeeded + failed),
    },
    funnel,
    growth: { sharers: sharers.size, opens, binds },
    repurchase: { buyers, repeatBuyers: repeat, netOrders, repurchaseRate: ratio(repeat, buyers), purchaseFrequency: ratio(netOrders, buyers) },
    notes,
    touches: shown
      .map((x) => ({
        family: x.family,
        dimension: x.dimension,
        value: x.value,
        students: x.students.size,
        delivered: x.delivered,
        opened: x.opened,
        converted: x.converted,
      }))
      .sort((a, b) => (a.family + a.dimension + a.value < b.family + b.dimension + b.value ? -1 : 1)),
    touchesHidden: all.length - shown.length,
  };
}

/** The part of a dashboard the oracle computes, in the oracle's order. */
export function comparable(v: {
  totals: unknown;
  funnel: unknown;
  growth: { sharers: number; opens: number; binds: number };
  repurchase: unknown;
  notes: unknown;
  touches: { family: string; dimension: string; value: string; students: number; delivered: number; opened: number; converted: number }[];
  touchesHidden: number;
}) {
  return {
    totals: v.totals,
    funnel: v.funnel,
    growth: { sharers: v.growth.sharers, opens: v.growth.opens, binds: v.growth.binds },
    repurchase: v.repurchase,
    notes: v.notes,
    touches: v.touches
      .map((x) => ({
        family: x.family,
        dimension: x.dimension,
        value: x.value,
        students: x.students,
        delivered: x.delivered,
        opened: x.opened,
        converted: x.converted,
      }))
      .sort((a, b) => (a.family + a.dimension + a.value < b.family + b.dimension + b.value ? -1 : 1)),
    touchesHidden: v.touchesHidden,
  };
}
