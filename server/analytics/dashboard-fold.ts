// What a page of events adds to the merchant dashboard's counters (fold.ts calls it for every
// event; nothing here touches the database). Three kinds of documents:
//   analytics_days (per merchant and campus day): sales, group-buys, orders per card channel,
//     the share funnel per sharer, and the buyer counts repurchase is read from;
//   analytics_campus_days (per campus and campus day, `${campusId}:${day}`): note engagement by
//     the campus's students, reminders and precision cards per family, scene and segment, and
//     the distinct students behind each segment;
//   analytics_marks: what must be remembered per person to count distinct people and repeats:
//     `b:${merchantId}:${buyer}` a buyer's orders with the shop, `t:${student}` the day a student
//     was last reached per segment and their latest opens (for conversions).
//
// Distinct people over any window ending today, from day counters alone: a buyer with net
// orders on days d1 ≤ … ≤ dk has at least one in the window iff dk is in it, at least two iff
// d(k-1) is. So each day counts the buyers whose latest net order fell on it (`first`) and those
// whose second latest did (`second`); when a buyer's latest days move, the old day gives one
// back and the new one takes it. Summing a window's days gives buyers with ≥1 and ≥2 exactly,
// in one read however many orders there were. Students per segment work the same way with the
// day each student was last reached. The marks hold the days, read when the page is planned
// (every earlier page is then fully written, rollup.ts), and change by increments only.
import { DAY_MS } from '../../core/attribution';
import { isNetOrder } from '../../core/metrics';
import type { SproutEvent } from '../events';
import type { CounterCollection } from './fold';
import { dayId, fieldKey } from './fold';

const OFFSET_MS = 8 * 3600_000;
/** A conversion: a paid order within this long after the open (as the timetable counts it). */
export const CONVERSION_MS = 24 * 3600_000;

/** Campus day number (days since 1970-01-01 in campus time): marks keep days as numbers so they move by increments. */
export const dayNumber = (ms: number) => Math.floor((ms + OFFSET_MS) / DAY_MS);
export const dayOfNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export const campusDayId = (campusId: string, day: string) => `${campusId}:${day}`;
/** A segment value, campus id or order id as a field name, reversibly (fieldKey is for ASCII ids only). */
export const valueKey = (v: string) => encodeURIComponent(v).replace(/[.!~*'()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
export const valueOfKey = (k: string) => decodeURIComponent(k);
export const buyerMarkId = (merchantId: string, buyer: string) => `b:${merchantId}:${buyer}`;
export const studentMarkId = (student: string) => `t:${student}`;

export const TOUCH_DIMENSIONS = ['scene', 'grade', 'major', 'campus'] as const;
type Dim = (typeof TOUCH_DIMENSIONS)[number];
export type Family = 'reminder' | 'card';
export type TouchFigures = { delivered?: number; opened?: number; converted?: number };

/** The funnel per sharer on a merchant's day (apart from `kocs`, which the tier job reads). */
export interface SharerFigures {
  created?: number;
  opens?: number;
  binds?: number;
  orders?: number;
  paidFen?: number;
}

/** The dashboard's part of an analytics_days document. */
export interface DashboardDayFields {
  sales?: { orders?: number; paidFen?: number; refunds?: number; refundedFen?: number };
  groups?: { succeeded?: number; failed?: number };
  sharers?: Record<string, SharerFigures>;
  /** Buyers whose latest / second latest net order is this day; net orders paid this day. */
  buyers?: { first?: number; second?: number; net?: number };
}

/** analytics_campus_days: one per campus and campus day. Segment values are valueKey-encoded. */
export interface CampusDayCounters {
  _id: string;
  campusId: string;
  day: string;
  seq: number;
  notes?: { likes?: number; comments?: number; collects?: number };
  touch?: Partial<Record<Family, Partial<Record<Dim, Record<string, TouchFigures>>>>>;
  /** Students whose latest touch of this family and segment value was this day. */
  students?: Partial<Record<Family, Partial<Record<Dim, Record<string, number>>>>>;
}

type OrderMark = { d: number; paid: number; ref?: number };
type OpenMark = { at: number; conv?: number };

/** analytics_marks: a buyer's orders with one shop, or a student's touches. */
export interface MarkDoc {
  _id: string;
  seq: number;
  /** b: by valueKey(orderId), the day paid (dayNumber), the amount and what was refunded of it. */
  o?: Record<string, OrderMark>;
  /** t: last[campus][family][dimension][value] = the day number the student was last reached. */
  last?: Record<string, Record<string, Record<string, Record<string, number>>>>;
  /** t: open[campus][family][scene][grade][major] = the latest open and the open last converted (ms). */
  open?: Record<string, Record<string, Record<string, Record<string, Record<string, OpenMark>>>>>;
}

/** What the fold needs read before a page is planned (dashboard-inputs.ts reads it). */
export interface DashboardInputs {
  marks: ReadonlyMap<string, MarkDoc>;
  /** The campus of each student the page's touch and note events name (absent: none). */
  campuses: ReadonlyMap<string, string>;
}

export const NO_INPUTS: DashboardInputs = { marks: new Map(), campuses: new Map() };

type Add = (c: CounterCollection, id: string, init: Record<string, string>, path: string, n: number) => void;

/** Nested leaves of a mark, depth levels down: [keys, value]. */
function* leaves<T>(node: unknown, depth: number, keys: string[] = []): Generator<[string[], T]> {
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (depth === 1) yield [[...keys, k], v as T];
    else yield* leaves<T>(v, depth - 1, [...keys, k]);
  }
}

/** The days of a buyer's two latest net orders (undefined when fewer). */
function latestTwo(orders: Record<string, OrderMark>): [number | undefined, number | undefined] {
  const days = Object.values(orders)
    .filter((o) => isNetOrder(o.paid, o.ref ?? 0))
    .map((o) => o.d)
    .sort((a, b) => b - a);
  return [days[0], days[1]];
}

const orEmpty = (v: string | undefined) => (v ? v : '未填');

/** node[key], made an empty object first when missing (marks are nested maps). */
function child<T extends object>(node: Record<string, unknown>, key: string): T {
  if (!node[key]) node[key] = {};
  return node[key] as T;
}

export class DashboardFold {
  /** Working copies of the marks: the page's later events see its earlier ones. */
  private readonly marks = new Map<string, MarkDoc>();

  constructor(
    private readonly add: Add,
    private readonly inputs: DashboardInputs,
  ) {}

  private mark(id: string): MarkDoc {
    let m = this.marks.get(id);
    if (!m) {
      const read = this.inputs.marks.get(id);
      m = read ? (structuredClone(read) as MarkDoc) : { _id: id, seq: 0 };
      this.marks.set(id, m);
    }
    return m;
  }

  private day(merchantId: string, n: number, path: string, k: number) {
    const d = dayOfNumber(n);
    this.add('analytics_days', dayId(merchantId, d), { merchantId, day: d }, path, k);
  }

  private campusDay(campusId: string, n: number, path: string, k: number) {
    const d = dayOfNumber(n);
    this.add('analytics_campus_days', campusDayId(campusId, d), { campusId, day: d }, path, k);
  }

  /** Moves a buyer's "latest" and "second latest" days from before to after. */
  private moveBuyer(merchantId: string, before: [number | undefined, number | undefined], after: [number | undefined, number | undefined]) {
    for (const [i, field] of [
      [0, 'first'],
      [1, 'second'],
    ] as const) {
      if (before[i] === after[i]) continue;
      if (before[i] !== undefined) this.day(merchantId, before[i] as number, `buyers.${field}`, -1);
      if (after[i] !== undefined) this.day(merchantId, after[i] as number, `buyers.${field}`, 1);
    }
  }

  event(e: SproutEvent): void {
    const at = new Date(e.at).getTime();
    const n = dayNumber(at);
    switch (e.type) {
      case 'share_created':
      case 'open':
        this.day(e.merchantId, n, `sharers.${fieldKey(e.sharer)}.${e.type === 'open' ? 'opens' : 'created'}`, 1);
        break;
      case 'bind':
        if (e.newCustomer === true) this.day(e.merchantId, n, `sharers.${fieldKey(e.sharer)}.binds`, 1);
        break;
      case 'order_paid':
        this.day(e.merchantId, n, 'sales.orders', 1);
        this.day(e.merchantId, n, 'sales.paidFen', e.amountFen);
        if (e.code && e.channel) this.day(e.merchantId, n, `funnel.${e.channel}.orders`, 1);
        if (e.sharer) this.day(e.merchantId, n, `sharers.${fieldKey(e.sharer)}.orders`, 1);
        if (e.sharer) this.day(e.merchantId, n, `sharers.${fieldKey(e.sharer)}.paidFen`, e.amountFen);
        this.paid(e.merchantId, e.buyer || e.openid, e.orderId, n, e.amountFen);
        this.convert(e.buyer || e.openid, at);
        break;
      case 'refund_succeeded':
        this.day(e.merchantId, n, 'sales.refunds', 1);
        this.day(e.merchantId, n, 'sales.refundedFen', e.refundFen);
        // The refund event's openid is whoever approved it: the buyer is only in `buyer`.
        if (e.buyer) this.refunded(e.merchantId, e.buyer, e.orderId, e.refundFen);
        break;
      case 'group_succeeded':
        this.day(e.merchantId, n, 'groups.succeeded', 1);
        break;
      case 'group_failed':
        this.day(e.merchantId, n, 'groups.failed', 1);
        break;
      case 'note_liked':
      case 'note_collected':
      case 'note_commented': {
        const campus = this.inputs.campuses.get(e.openid);
        const figure = e.type === 'note_liked' ? 'likes' : e.type === 'note_collected' ? 'collects' : 'comments';
        if (campus) this.campusDay(campus, n, `notes.${figure}`, 1);
        break;
      }
      case 'touch_delivered':
      case 'touch_opened':
        this.touch(e, e.type === 'touch_opened', at);
        break;
      default:
        break;
    }
  }

  private paid(merchantId: string, buyer: string, orderId: string, n: number, amountFen: number) {
    if (!buyer) return; // an older event without its buyer
    const id = buyerMarkId(merchantId, buyer);
    const m = this.mark(id);
    const key = valueKey(orderId);
    m.o = m.o ?? {};
    if (m.o[key]) return; // one order_paid per order; a second would be a bug upstream, not a second order
    const before = latestTwo(m.o);
    m.o[key] = { d: n, paid: amountFen };
    const init = { merchantId, buyer };
    this.add('analytics_marks', id, init, `o.${key}.d`, n);
    this.add('analytics_marks', id, init, `o.${key}.paid`, amountFen);
    this.day(merchantId, n, 'buyers.net', 1);
    this.moveBuyer(merchantId, before, latestTwo(m.o));
  }

  private refunded(merchantId: string, buyer: string, orderId: string, refundFen: number) {
    const id = buyerMarkId(merchantId, buyer);
    const m = this.mark(id);
    const key = valueKey(orderId);
    const order = m.o?.[key];
    if (!m.o || !order) return; // paid before its buyer was recorded: not in the figures
    const before = latestTwo(m.o);
    const wasNet = isNetOrder(order.paid, order.ref ?? 0);
    order.ref = (order.ref ?? 0) + refundFen;
    this.add('analytics_marks', id, { merchantId, buyer }, `o.${key}.ref`, refundFen);
    if (wasNet && !isNetOrder(order.paid, order.ref)) {
      this.day(merchantId, order.d, 'buyers.net', -1);
      this.moveBuyer(merchantId, before, latestTwo(m.o));
    }
  }

  private touch(e: Extract<SproutEvent, { type: 'touch_delivered' | 'touch_opened' }>, opened: boolean, at: number) {
    const campus = this.inputs.campuses.get(e.student);
    if (!campus) return; // a student on no campus is on no campus's dashboard
    const n = dayNumber(at);
    const family: Family = e.kind === 'pick' ? 'card' : 'reminder';
    const values: Record<Dim, string> = { scene: orEmpty(e.scene), grade: orEmpty(e.grade), major: orEmpty(e.major), campus };
    const id = studentMarkId(e.student);
    const m = this.mark(id);
    const init = { student: e.student };
    const ck = valueKey(campus);
    m.last = m.last ?? {};
    const byDim = child<Record<string, Record<string, number>>>(child(m.last, ck), family);
    for (const dim of TOUCH_DIMENSIONS) {
      const vk = valueKey(values[dim]);
      this.campusDay(campus, n, `touch.${family}.${dim}.${vk}.${opened ? 'opened' : 'delivered'}`, 1);
      const byValue = child<Record<string, number>>(byDim, dim);
      const prev = byValue[vk];
      // Events come in time order; a later day already counts the student for any window this day is in.
      if (prev !== undefined && prev >= n) continue;
      if (prev !== undefined) this.campusDay(campus, prev, `students.${family}.${dim}.${vk}`, -1);
      this.campusDay(campus, n, `students.${family}.${dim}.${vk}`, 1);
      this.add('analytics_marks', id, init, `last.${ck}.${family}.${dim}.${vk}`, n - (prev ?? 0));
      byValue[vk] = n;
    }
    if (!opened) return;
    const path = [ck, family, valueKey(values.scene), valueKey(values.grade), valueKey(values.major)];
    m.open = m.open ?? {};
    let node: Record<string, unknown> = m.open;
    for (const k of path) node = child(node, k);
    const open = node as OpenMark;
    if (open.at !== undefined && open.at >= at) return;
    this.add('analytics_marks', id, init, `open.${path.join('.')}.at`, at - (open.at ?? 0));
    open.at = at;
  }

  /** A paid order converts the buyer's latest open in the 24 hours before it, once. */
  private convert(buyer: string, at: number) {
    if (!buyer) return;
    const id = studentMarkId(buyer);
    const m = this.inputs.marks.has(id) || this.marks.has(id) ? this.mark(id) : null;
    if (!m?.open) return;
    let best: [string[], OpenMark] | null = null;
    for (const [keys, open] of leaves<OpenMark>(m.open, 5)) {
      if (open.at === undefined || open.at > at || open.at < at - CONVERSION_MS) continue;
      if (!best || open.at > best[1].at) best = [keys, open];
    }
    if (!best || best[1].conv === best[1].at) return;
    const [[ck, family, sceneK, gradeK, majorK], open] = best;
    const campus = valueOfKey(ck);
    const n = dayNumber(open.at);
    const values: Record<Dim, string> = { scene: sceneK, grade: gradeK, major: majorK, campus: ck };
    for (const dim of TOUCH_DIMENSIONS) this.campusDay(campus, n, `touch.${family}.${dim}.${values[dim]}.converted`, 1);
    this.add('analytics_marks', id, { student: buyer }, `open.${best[0].join('.')}.conv`, open.at - (open.conv ?? 0));
    open.conv = open.at;
  }
}
