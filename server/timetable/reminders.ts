// The reminders a student asked for by a tap WeChat accepted: one message per grant, placed
// where it does not interrupt a class. A reminder is an outbox document: the timer claims it
// with a conditional update before sending (outbox.ts), so overlapping runs never send twice.
import { createHash } from 'node:crypto';
import type * as z from 'zod';
import type { ReminderKind, ReminderView, TimetableResults, timetableInput } from '../../core/contracts/timetable';
import { fail, ok } from '../../core/result';
import type { Scene } from '../../core/timetable/model';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import { findUser } from '../users/users';
import { campusTimetable } from './campus';
import { campusInstant, dayOf } from './days';
import { groupResultData } from './group-result';
import { placeClassReminder, placeInWindows } from './placement';
import { getTimetable } from './store';
import { templatesFrom } from './templates';

export type ReminderStatus = 'waiting' | 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface ReminderDoc {
  _id: string;
  openid: string;
  kind: ReminderKind;
  /** What it is about: `${courseId}@${date}`, an order id or a group id. */
  about: string;
  title: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  /** waiting: for a group's result; pending: due at sendAt; sending: claimed by a timer run. */
  status: ReminderStatus;
  sendAt: Date;
  /** For a class reminder: when the class starts (a reminder that would arrive later is dropped). */
  classStartsAt: Date | null;
  attempts: number;
  claimedAt: Date | null;
  sentAt: Date | null;
  errcode: number | null;
  msgid: string | null;
  scene: Scene | 'none';
  segment: { grade: string; major: string };
  createdAt: Date;
}

type RemindInput = z.output<(typeof timetableInput)['remind']>;

/** Minutes before a class its reminder goes out. */
export const CLASS_LEAD_MINUTES = 10;

const reminderId = (openid: string, kind: ReminderKind, about: string) =>
  `R${createHash('sha256').update(`${openid}|${kind}|${about}`).digest('hex').slice(0, 24)}`;

const thing = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);

export async function remind(ctx: Ctx, input: RemindInput) {
  const templates = templatesFrom(process.env);
  const user = await findUser(ctx, ctx.openid);
  const segment = { grade: user?.grade ?? '未填', major: user?.major || '未填' };
  const now = ctx.now();
  let draft: Pick<ReminderDoc, 'about' | 'title' | 'page' | 'data' | 'status' | 'sendAt' | 'classStartsAt' | 'scene'>;
  if (input.kind === 'class') {
    const t = await getTimetable(ctx, ctx.openid);
    if (!t) return fail('NO_TIMETABLE', '还没有课表，先导入课表吧');
    const campus = await campusTimetable(ctx, t.campusId);
    const day = dayOf(t, campus, input.date);
    const slot = day.classes.find((c) => c.courseId === input.courseId);
    if (!slot) return fail('NOT_FOUND', '这一天没有这节课');
    const startsAt = campusInstant(input.date, slot.start);
    if (startsAt <= now) return fail('BAD_STATE', '这节课已经开始了');
    const sendAt = Math.max(now, placeClassReminder(input.date, slot.start, day.classes, CLASS_LEAD_MINUTES));
    // Classes back to back up to this one: no moment before it is free of class.
    if (sendAt >= startsAt) return fail('BAD_STATE', '这节课之前一直有课，没有不打扰你上课的时间提醒；可以把它加到手机日历');
    draft = {
      about: `${input.courseId}@${input.date}`,
      title: slot.name,
      page: 'packages/timetable/week/index',
      data: {
        thing1: { value: thing(slot.name) },
        time2: { value: `${input.date} ${slot.start}` },
        thing3: { value: thing(slot.room || '见课表') },
        thing4: { value: `${CLASS_LEAD_MINUTES} 分钟后上课` },
      },
      status: 'pending',
      sendAt: new Date(sendAt),
      classStartsAt: new Date(startsAt),
      scene: slot.scenes[0] ?? 'none',
    };
  } else if (input.kind === 'pickup') {
    const order = await getDoc<{
      buyer: string;
      title: string;
      status: string;
      fulfilment?: { type: string; point?: { name: string; place: string; hours: string } } | null;
    }>(ctx, 'orders', input.orderId);
    if (!order || order.buyer !== ctx.openid) return fail('NOT_FOUND', '没有这笔订单');
    if (order.status !== 'ready_for_pickup' || order.fulfilment?.type !== 'pickup' || !order.fulfilment.point)
      return fail('BAD_STATE', '订单备好货后才能提醒自提');
    const point = order.fulfilment.point;
    draft = {
      about: input.orderId,
      title: order.title,
      page: `packages/order/detail/index?id=${input.orderId}`,
      data: { thing1: { value: thing(order.title) }, thing2: { value: thing(`${point.name} ${point.place}`) }, thing3: { value: thing(point.hours) } },
      status: 'pending',
      sendAt: new Date(await nextFreeMoment(ctx, now)),
      classStartsAt: null,
      scene: 'none',
    };
  } else {
    const group = await getDoc<{ seatOrders: string[]; status: string; campaignId: string; deadline: Date }>(ctx, 'groups', input.groupId);
    if (!group) return fail('NOT_FOUND', '没有这个团');
    const mine = await ctx.db.collection<{ title: string }>('orders').where({ groupId: input.groupId, buyer: ctx.openid }).limit(1).get();
    if (mine.data.length === 0) return fail('NOT_FOUND', '你不在这个团里');
    draft = {
      about: input.groupId,
      title: mine.data[0].title,
      page: `pages/group/index?id=${input.groupId}`,
      // A group with a result already says it now; an open one is filled in when it ends.
      data: group.status === 'open' ? {} : await groupResultData(ctx, ctx.openid, input.groupId, group.status),
      // Sent once the group has a result (outbox.ts wakes it); by its deadline at the latest.
      status: group.status === 'open' ? 'waiting' : 'pending',
      sendAt: group.status === 'open' ? new Date(group.deadline) : new Date(now),
      classStartsAt: null,
      scene: 'none',
    };
  }
  const id = reminderId(ctx.openid, input.kind, draft.about);
  const doc: Omit<ReminderDoc, '_id'> = {
    openid: ctx.openid,
    kind: input.kind,
    templateId: templates[input.kind],
    ...draft,
    attempts: 0,
    claimedAt: null,
    sentAt: null,
    errcode: null,
    msgid: null,
    segment,
    createdAt: new Date(now),
  };
  // One reminder per class, order or group: a second tap re-plans a cancelled one and otherwise
  // keeps the first (a sent reminder stays sent).
  let existing = await getDoc<ReminderDoc>(ctx, 'reminders', id);
  if (!existing) {
    try {
      await ctx.db.collection('reminders').add({ data: { _id: id, ...doc } });
    } catch (e) {
      // Two taps at once: the other made it.
      if (!isDuplicateKeyError(e)) throw e;
      existing = await getDoc<ReminderDoc>(ctx, 'reminders', id);
    }
  } else if (existing.status === 'cancelled' || existing.status === 'failed') {
    const _ = ctx.db.command;
    await ctx.db
      .collection('reminders')
      .where({ _id: id, status: _.in(['cancelled', 'failed']) })
      .update({ data: { ...doc, createdAt: existing.createdAt } });
  }
  // WeChat keeps one grant per accepted tap, per template (the local stand-in counts them too).
  ctx.messages.noteGrant?.(ctx.openid, doc.templateId);
  const stored = existing && existing.status !== 'cancelled' && existing.status !== 'failed' ? existing : doc;
  return ok<TimetableResults['remind']>({ reminderId: id, sendAt: stored.sendAt.getTime() });
}

/** Now, or the start of the next free window today when now is in a class; now without a timetable. */
async function nextFreeMoment(ctx: Ctx, now: number): Promise<number> {
  const t = await getTimetable(ctx, ctx.openid);
  if (!t) return now;
  const campus = await campusTimetable(ctx, t.campusId);
  const day = dayOf(t, campus, campusNowDate(now));
  return placeInWindows(now, day.date, day.windows);
}

const campusNowDate = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

export function toView(r: ReminderDoc): ReminderView {
  const state =
    r.status === 'sent' ? 'sent' : r.status === 'failed' ? 'failed' : r.status === 'cancelled' ? 'cancelled' : r.status === 'waiting' ? 'waiting' : 'planned';
  return { id: r._id, kind: r.kind, title: r.title, sendAt: new Date(r.sendAt).getTime(), state };
}

export async function listReminders(ctx: Ctx) {
  const { data } = await ctx.db.collection<ReminderDoc>('reminders').where({ openid: ctx.openid }).orderBy('sendAt', 'desc').limit(50).get();
  return ok<TimetableResults['reminders']>({ reminders: data.map(toView) });
}

export async function cancelReminder(ctx: Ctx, reminderId: string) {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('reminders')
    .where({ _id: reminderId, openid: ctx.openid, status: _.in(['waiting', 'pending']) })
    .update({ data: { status: 'cancelled' } });
  if (res.stats.updated === 0) {
    const r = await getDoc<ReminderDoc>(ctx, 'reminders', reminderId);
    if (!r || r.openid !== ctx.openid) return fail('NOT_FOUND', '没有这条提醒');
    if (r.status !== 'cancelled') return fail('BAD_STATE', r.status === 'sent' ? '这条提醒已经发出了' : '这条提醒正在发送');
  }
  return ok<TimetableResults['cancelReminder']>({ reminderId });
}
