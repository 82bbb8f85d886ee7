// What a page of events adds to the counters, computed without touching the database: one
// increment list per counter document the page touches (however many events it holds), and
// the card visitors seen for the first time. The rollup (./rollup.ts) writes the result.
import { campusDay } from '../../core/campus-days';
import type { SproutEvent } from '../events';
import { type DashboardDayFields, DashboardFold, type DashboardInputs, NO_INPUTS } from './dashboard-fold';

/** The two counter collections, and how their documents are keyed. */
export type CounterCollection =
  | 'analytics_days'
  | 'analytics_koc_days'
  | 'analytics_cards'
  | 'exp_members'
  | 'exp_arms'
  // The dashboard's per-campus counters and per-person marks (dashboard-fold.ts).
  | 'analytics_campus_days'
  | 'analytics_marks';

/**
 * analytics_days, one per merchant and campus day (`${merchantId}:${day}`): the share funnel per
 * channel and, per KOC, paid orders and money (the tier window), in one document so that a
 * 90-day range is one query of at most 90 documents (WeChat returns 100 a get).
 */
export interface DayCounters extends DashboardDayFields {
  _id: string;
  merchantId: string;
  day: string;
  seq: number;
  funnel?: Record<string, { created?: number; opens?: number; binds?: number; orders?: number }>;
  /** By encoded openid (fieldKey): a field name may hold neither '.' nor a leading '$'. */
  kocs?: Record<string, KocFigures>;
}

export interface KocFigures {
  orders?: number;
  paidFen?: number;
  refundedFen?: number;
}

/**
 * analytics_koc_days, one per KOC and campus day (`${koc}:${day}`): the same order figures by
 * merchant (encoded with fieldKey), so a KOC's progress with all its programs is one query.
 */
export interface KocDayCounters {
  _id: string;
  koc: string;
  day: string;
  seq: number;
  merchants?: Record<string, KocFigures>;
}

/** analytics_cards, one per share code (`_id` is the code), all time: what share.stats shows. */
export interface CardCounters {
  _id: string;
  sharer: string;
  merchantId: string;
  seq: number;
  opens?: number;
  visitors?: number;
  newCustomers?: number;
  orders?: number;
  paidFen?: number;
  refundedFen?: number;
}

/** One counter document's share of a page: `inc` holds [dotted path, amount] pairs. */
export interface CounterOp {
  c: CounterCollection;
  id: string;
  /** The identifying fields a document created by this op starts with. */
  init: Record<string, string | number>;
  inc: [string, number][];
}

/** analytics_visitors, one per card and visitor: who opened a card before, for unique visitors. */
export interface VisitorDoc {
  _id: string;
  code: string;
  seq: number;
}

/** The events the counters count; the rollup reads every event and skips the others. */
export const COUNTED = [
  'share_created',
  'open',
  'bind',
  'order_paid',
  'refund_succeeded',
  'group_succeeded',
  'group_failed',
  'note_liked',
  'note_collected',
  'note_commented',
  'touch_delivered',
  'touch_opened',
] as const;

export const dayId = (merchantId: string, day: string) => `${merchantId}:${day}`;
export const visitorId = (code: string, openid: string) => `${code}:${openid}`;

export const kocDayId = (koc: string, day: string) => `${koc}:${day}`;

/** An id (an openid, a merchant's) as a field name: WeChat's are [A-Za-z0-9_-]; anything else is %-escaped, reversibly. */
export const fieldKey = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, (ch) => `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
export const idOfKey = (key: string) => key.replace(/%([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

export function fold(
  events: readonly SproutEvent[],
  seenVisitors: ReadonlySet<string>,
  inputs: DashboardInputs = NO_INPUTS,
): { ops: CounterOp[]; visitors: { id: string; code: string }[] } {
  const ops = new Map<string, { op: CounterOp; inc: Map<string, number> }>();
  const add = (c: CounterCollection, id: string, init: Record<string, string>, path: string, n: number) => {
    const key = `${c}/${id}`;
    const entry = ops.get(key) ?? { op: { c, id, init, inc: [] }, inc: new Map<string, number>() };
    ops.set(key, entry);
    entry.inc.set(path, (entry.inc.get(path) ?? 0) + n);
  };
  const day = (e: { merchantId: string; at: Date }, path: string, n: number) => {
    const d = campusDay(new Date(e.at).getTime());
    add('analytics_days', dayId(e.merchantId, d), { merchantId: e.merchantId, day: d }, path, n);
  };
  const koc = (e: { sharer: string; merchantId: string; at: Date }, figure: keyof KocFigures, n: number) => {
    const d = campusDay(new Date(e.at).getTime());
    add('analytics_days', dayId(e.merchantId, d), { merchantId: e.merchantId, day: d }, `kocs.${fieldKey(e.sharer)}.${figure}`, n);
    add('analytics_koc_days', kocDayId(e.sharer, d), { koc: e.sharer, day: d }, `merchants.${fieldKey(e.merchantId)}.${figure}`, n);
  };
  const card = (e: { code: string; sharer?: string; merchantId: string }, path: string, n: number) =>
    add('analytics_cards', e.code, { sharer: e.sharer ?? '', merchantId: e.merchantId }, path, n);
  const visitors: { id: string; code: string }[] = [];
  const seen = new Set(seenVisitors);
  const dashboard = new DashboardFold(add, inputs);
  for (const e of events) {
    dashboard.event(e);
    switch (e.type) {
      case 'share_created':
        day(e, `funnel.${e.channel}.created`, 1);
        break;
      case 'open': {
        day(e, `funnel.${e.channel}.opens`, 1);
        card(e, 'opens', 1);
        const v = visitorId(e.code, e.openid);
        if (!seen.has(v)) {
          seen.add(v);
          visitors.push({ id: v, code: e.code });
          card(e, 'visitors', 1);
        }
        break;
      }
      case 'bind':
        if (e.newCustomer !== true) break;
        day(e, `funnel.${e.channel}.binds`, 1);
        card(e, 'newCustomers', 1);
        break;
      case 'order_paid':
        if (e.code) card({ ...e, code: e.code }, 'orders', 1);
        if (e.code) card({ ...e, code: e.code }, 'paidFen', e.amountFen);
        if (e.sharer) koc({ ...e, sharer: e.sharer }, 'orders', 1);
        if (e.sharer) koc({ ...e, sharer: e.sharer }, 'paidFen', e.amountFen);
        break;
      case 'refund_succeeded':
        if (e.code) card({ ...e, code: e.code }, 'refundedFen', e.refundFen);
        if (e.sharer) koc({ ...e, sharer: e.sharer }, 'refundedFen', e.refundFen);
        break;
      default:
        break; // not counted
    }
  }
  return { ops: [...ops.values()].map(({ op, inc }) => ({ ...op, inc: [...inc] })), visitors };
}

/** A document as an op creates it: the identifying fields and the increments as nested values. */
export function initialDoc(op: CounterOp, seq: number): Record<string, unknown> {
  const doc: Record<string, unknown> = { _id: op.id, ...op.init, seq };
  for (const [path, n] of op.inc) {
    const parts = path.split('.');
    let node = doc;
    for (const p of parts.slice(0, -1)) {
      node[p] = node[p] ?? {};
      node = node[p] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = n;
  }
  return doc;
}

/** Takes an op's increments back out of a document read with them applied (see counters.ts). */
export function subtractOp(doc: Record<string, unknown>, op: CounterOp): void {
  for (const [path, n] of op.inc) {
    const parts = path.split('.');
    let node: unknown = doc;
    for (const p of parts.slice(0, -1)) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined;
    const leaf = parts[parts.length - 1];
    // A field the reader did not project is not there to correct.
    if (node && typeof node === 'object' && typeof (node as Record<string, unknown>)[leaf] === 'number') (node as Record<string, number>)[leaf] -= n;
  }
}
