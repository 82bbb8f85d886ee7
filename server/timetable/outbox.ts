// The reminder timer (every minute): sends what is due, at least once and never twice from
// overlapping runs. Each reminder is claimed by a conditional update (pending → sending) before
// WeChat is asked; a run that dies after the claim leaves it `sending`, and a later run takes it
// back after CLAIM_MS. Sending again after such a crash may reach WeChat twice for one grant:
// WeChat then answers 43101 (no grant left), which on a retried claim means it was sent.
import { campusDay } from '../../core/campus-days';
import { toMinutes } from '../../core/timetable/model';
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';
import { keysetAfter } from '../db/keyset';
import { eachPage, type RunBudget } from '../run-budget';
import { campusTimetable } from './campus';
import { runConversions } from './conversions';
import { campusInstant, campusNow, dayOf } from './days';
import { placeInWindows } from './placement';
import type { ReminderDoc } from './reminders';
import { getTimetable } from './store';
import { purge } from './timetable';
import { countTouch } from './touches';

/** A claim older than this belongs to a run that died: the reminder is sent again. */
export const CLAIM_MS = 2 * 60_000;
/** Errors worth another try (WeChat busy); anything else (43101 no grant, 40003 bad openid) is final. */
const RETRYABLE = new Set([-1, 45009, 45011]);
const MAX_ATTEMPTS = 3;

export async function runOutbox(ctx: Ctx, budget: RunBudget): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  done.purged = await finishPurges(ctx, budget.share(0.1));
  done.woken = await wakeGroupReminders(ctx, budget.share(0.15));
  done.reclaimed = await reclaimStale(ctx, budget.share(0.1));
  done.sent = await sendDue(ctx, budget.share(0.8));
  done.converted = await runConversions(ctx, budget);
  return done;
}

/** A revoke that died halfway: finish deleting what was derived from the timetable. */
async function finishPurges(ctx: Ctx, budget: RunBudget): Promise<number> {
  return eachPage<{ _id: string }>(
    budget,
    async (size, last) => {
      const _ = ctx.db.command;
      const where = last ? { purgePending: true, _id: _.gt(last._id) } : { purgePending: true };
      return (await ctx.db.collection<{ _id: string }>('timetable_consents').where(where).orderBy('_id', 'asc').limit(size).get()).data;
    },
    async (c) => {
      await purge(ctx, c._id);
    },
  );
}

/** Group-result reminders wait for the group to finish, then go out in the next free moment. */
async function wakeGroupReminders(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  let woken = 0;
  await eachPage<ReminderDoc>(
    budget,
    async (size, last) =>
      (
        await ctx.db
          .collection<ReminderDoc>('reminders')
          .where(keysetAfter(_, { status: 'waiting' }, 'sendAt', undefined, last))
          .orderBy('sendAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(size)
          .get()
      ).data,
    async (r) => {
      const group = (await getDocsByIds<{ status: string }>(ctx, 'groups', [r.about])).get(r.about);
      if (group && group.status === 'open') return;
      const result = group?.status === 'succeeded' ? '拼团成功' : '拼团未成功';
      const note = group?.status === 'succeeded' ? '等待商家发货或备货' : '已付款项将原路退回';
      await ctx.db
        .collection('reminders')
        .where({ _id: r._id, status: 'waiting' })
        .update({ data: { status: 'pending', sendAt: new Date(ctx.now()), data: { phrase1: { value: result }, thing2: { value: note } } } });
      woken++;
    },
  );
  return woken;
}

async function reclaimStale(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  const stale = new Date(ctx.now() - CLAIM_MS);
  let n = 0;
  await eachPage<ReminderDoc>(
    budget,
    async (size) =>
      (
        await ctx.db
          .collection<ReminderDoc>('reminders')
          .where({ status: 'sending', claimedAt: _.lt(stale) })
          .orderBy('sendAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(size)
          .get()
      ).data,
    async (r) => {
      const res = await ctx.db
        .collection('reminders')
        .where({ _id: r._id, status: 'sending', claimedAt: _.lt(stale) })
        .update({ data: { status: 'pending' } });
      n += res.stats.updated;
    },
  );
  return n;
}

async function sendDue(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  const now = new Date(ctx.now());
  let sent = 0;
  await eachPage<ReminderDoc>(
    budget,
    async (size, last) =>
      (
        await ctx.db
          .collection<ReminderDoc>('reminders')
          .where(keysetAfter(_, { status: 'pending' }, 'sendAt', _.lte(now), last))
          .orderBy('sendAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(size)
          .get()
      ).data,
    async (r) => {
      if (await sendOne(ctx, r)) sent++;
    },
  );
  return sent;
}

/** Claims one reminder and sends it; true when WeChat took it. */
export async function sendOne(ctx: Ctx, r: ReminderDoc): Promise<boolean> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const claim = await ctx.db
    .collection('reminders')
    .where({ _id: r._id, status: 'pending', sendAt: _.lte(new Date(now)) })
    .update({ data: { status: 'sending', claimedAt: new Date(now), attempts: _.inc(1) } });
  if (claim.stats.updated === 0) return false; // another run has it
  const attempt = r.attempts + 1;

  // Never during a class: the timetable may have changed since the reminder was planned.
  const hold = await holdFor(ctx, r, now);
  if (hold) {
    await ctx.db
      .collection('reminders')
      .where({ _id: r._id, status: 'sending' })
      .update({
        data: hold === 'drop' ? { status: 'cancelled', claimedAt: null } : { status: 'pending', sendAt: new Date(hold), claimedAt: null, attempts: r.attempts },
      });
    return false;
  }

  const res = await ctx.messages.send({ touser: r.openid, templateId: r.templateId, page: withRef(r.page, r._id), data: r.data });
  const delivered = res.ok || (attempt > 1 && res.errcode === 43101);
  if (delivered) {
    const up = await ctx.db
      .collection('reminders')
      .where({ _id: r._id, status: 'sending' })
      .update({ data: { status: 'sent', sentAt: new Date(ctx.now()), msgid: res.ok ? res.msgid : null, errcode: res.ok ? null : res.errcode } });
    if (up.stats.updated === 1) await countTouch(ctx, { day: campusDay(ctx.now()), kind: r.kind, scene: r.scene, segment: r.segment }, 'delivered');
    return true;
  }
  const retry = RETRYABLE.has(res.errcode) && attempt < MAX_ATTEMPTS;
  await ctx.db
    .collection('reminders')
    .where({ _id: r._id, status: 'sending' })
    .update({
      data: retry ? { status: 'pending', sendAt: new Date(ctx.now() + 60_000 * attempt), errcode: res.errcode } : { status: 'failed', errcode: res.errcode },
    });
  ctx.log.info('reminder not sent', { reminderId: r._id, errcode: res.errcode, retry });
  return false;
}

/**
 * Whether a due reminder must wait: the instant to send instead (the end of the class under
 * way), 'drop' for a class reminder whose class has started or gone, or null to send now.
 */
async function holdFor(ctx: Ctx, r: ReminderDoc, now: number): Promise<number | 'drop' | null> {
  if (r.classStartsAt && new Date(r.classStartsAt).getTime() <= now) return 'drop';
  const t = await getTimetable(ctx, r.openid);
  if (!t) return r.kind === 'class' ? 'drop' : null;
  const campus = await campusTimetable(ctx, t.campusId);
  const { date, time } = campusNow(now);
  const day = dayOf(t, campus, date);
  if (r.kind === 'class') {
    const [courseId, classDate] = r.about.split('@');
    const target =
      date === classDate ? day.classes.find((c) => c.courseId === courseId) : dayOf(t, campus, classDate).classes.find((c) => c.courseId === courseId);
    if (!target) return 'drop';
  }
  const current = day.classes.find((c) => toMinutes(c.start) <= toMinutes(time) && toMinutes(time) < toMinutes(c.end));
  if (!current) return null;
  // In a class now: the next free moment (the class's end, or a later window).
  return Math.max(campusInstant(date, current.end), placeInWindows(now, date, day.windows));
}

/** The page a reminder opens carries its id, so the open is recorded (touches.ts). */
export function withRef(page: string, id: string): string {
  return `${page}${page.includes('?') ? '&' : '?'}ref=rem.${id}`;
}
