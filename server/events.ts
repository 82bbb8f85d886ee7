// The one list of events Sprout writes, each with its fields. The events collection is
// append-only and written only here (server/db/ownership.ts): analytics, card stats, tiers and
// the commission timer read these shapes, so a new event or field is declared below first and
// tsc refuses a write that does not match.
import type { DecisionCode, ShareChannel } from '../core/attribution';
import type { TargetType } from '../core/contracts/share';
import type { Ctx } from './context';
import { isDuplicateKeyError, type Transaction } from './db/types';

/**
 * What every order event carries. Commissions, card stats and tiers join on these fields
 * (the card's code and sharer come from the binding copied onto the order).
 */
export interface OrderEventFields {
  orderId: string;
  groupId: string;
  merchantId: string;
  amountFen: number;
  code: string | undefined;
  sharer: string | undefined;
  /** Who bought: an event written by a notice (payCallback) has no caller, so openid is ''. Absent on older events. */
  buyer?: string;
  /** The channel of the card the order was bound through (the dashboard's funnel by channel). Absent on older events. */
  channel?: string;
}

/** Share, open and bind events carry the card's code, sharer and merchant, like orders do. */
interface CardFields {
  code: string;
  sharer: string;
  channel: ShareChannel;
  targetType: TargetType;
  targetId: string;
  merchantId: string;
}

interface OpenFields extends CardFields {
  scene: number;
}

interface GroupFields {
  groupId: string;
  campaignId: string;
  merchantId: string;
  size: number;
}

/** Each event type and the fields it is written with (besides type, at and openid). */
export interface EventFieldsByType {
  share_created: CardFields;
  open: OpenFields & { opengid?: string };
  open_failed: { code: string; scene: number; reason: 'expired' | 'unknown' };
  bind: OpenFields & { bound: boolean; decision: DecisionCode; reason: string; newCustomer: boolean };
  order_created: OrderEventFields & { campaignId: string };
  order_paid: OrderEventFields;
  group_succeeded: GroupFields;
  group_failed: GroupFields & { paid: number };
  refund_succeeded: OrderEventFields & { refundFen: number };
  order_completed: OrderEventFields;
  payment_mismatch: { orderId: string; expectedFen: number; receivedFen: number; transactionId: string };
  /** A note read by someone other than its author; firstRead on their first time. */
  note_viewed: { noteId: string; author: string; firstRead: boolean };
  /** A product card in a note tapped. */
  note_product_click: { noteId: string; author: string; productId: string; merchantId: string };
  /** Engagement, written in the transaction of the mark, comment or follow (each once per person and note). */
  note_liked: { noteId: string; author: string };
  note_collected: { noteId: string; author: string };
  note_commented: { noteId: string; author: string; commentId: string };
  user_followed: { followee: string };
  /** A reminder sent or a precision card shown (delivered), and the page opened from it (opened). */
  touch_delivered: TouchEventFields;
  touch_opened: TouchEventFields;
  /** The first time a student met an experiment's arm (once per experiment and student). */
  experiment_exposure: { experimentId: string; merchantId: string; arm: number; phase: number };
  /** A satisfaction survey answered (once per survey and student): item scores 1-7 by dimension. */
  survey_answered: { surveyId: string; experimentId: string; merchantId: string; arm: number; answers: Record<string, number[]> };
}

/** Reminders and precision cards: what kind, for which scene, and the student's segment. */
export interface TouchEventFields {
  /** The student (a reminder is sent by a timer, whose openid is ''). */
  student: string;
  kind: string;
  scene: string;
  grade: string;
  major: string;
}

export type EventType = keyof EventFieldsByType;

/** An event as stored: the discriminated union of every type with its fields. */
export type SproutEvent = { [T in EventType]: { _id: string; type: T; at: Date; openid: string } & EventFieldsByType[T] }[EventType];

/**
 * Appends an event. Events are never edited: analytics and experiments read them. Share,
 * open and bind events carry `code`, `sharer` and `merchantId`, the fields orders carry too,
 * so figures per card join orders in one query.
 */
export async function recordEvent<T extends EventType>(ctx: Ctx, type: T, fields: EventFieldsByType[T]): Promise<void> {
  await ctx.db.collection('events').add({ data: { type, at: new Date(ctx.now()), openid: ctx.openid, ...fields } });
}

/**
 * Appends an event inside a transaction, with the state change it reports: a crash keeps both
 * or neither, so no order_paid or order_completed is lost. The id names the change (one event
 * per order and type, say), so even a replayed transaction writes it once. Same fields as
 * recordEvent.
 */
export async function recordEventTx<T extends EventType>(tx: Transaction, ctx: Ctx, id: string, type: T, fields: EventFieldsByType[T]): Promise<void> {
  await tx.collection('events').add({ data: { _id: id, type, at: new Date(ctx.now()), openid: ctx.openid, ...fields } });
}

/**
 * Appends an event that happens once (its id names it: a student's exposure to an experiment, a
 * survey answered): false when it was written before, by this request's earlier attempt or a
 * concurrent one.
 */
export async function recordEventOnce<T extends EventType>(ctx: Ctx, id: string, type: T, fields: EventFieldsByType[T]): Promise<boolean> {
  try {
    await ctx.db.collection('events').add({ data: { _id: id, type, at: new Date(ctx.now()), openid: ctx.openid, ...fields } });
    return true;
  } catch (e) {
    if (isDuplicateKeyError(e)) return false;
    throw e;
  }
}

/** The fields of an order's events, written in this one place. */
export function orderEventFields(o: {
  _id: string;
  buyer: string;
  groupId: string;
  merchantId: string;
  totalFen: number;
  binding: { code: string; sharer: string; channel?: string } | null;
}): OrderEventFields {
  return {
    orderId: o._id,
    groupId: o.groupId,
    merchantId: o.merchantId,
    amountFen: o.totalFen,
    code: o.binding?.code,
    sharer: o.binding?.sharer,
    channel: o.binding?.channel,
    buyer: o.buyer,
  };
}
