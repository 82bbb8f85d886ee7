// The reminder timer (every minute): sends what is due, at least once and never twice from
// overlapping runs. Each reminder is claimed by a conditional update (pending → sending) before
// WeChat is asked; a run that dies after the claim leaves it `sending`, and a later run takes it
// back after CLAIM_MS. A retry that meets 43101 (no grant left) counts as sent. Delivery is at
// least once: grants are kept per student and template, so when the student holds a second
// grant of the template, a retry after a send whose record was lost uses it (README).
import { campusDay } from '../../core/campus-days';
import { toMinutes } from '../../core/timetable/model';
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';
import { keysetAfter } from '../db/keyset';
import { eachPage, type RunBudget } from '../run-budget';
import { campusTimetable } from './campus';
import { runConversions } from './conversions';
import { campusInstant, campusNow, dayOf } from './days';
import { groupResultData } from './group-result';
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
/** Recorded when tries ran out without an answer from WeChat (the runs died or threw). */
const UNKNOWN_ERROR = -2;

/**
 * One item's failure (a network fault, a bad document) is logged and left for a later run;
 * it must not stop the rest of the run. A claimed reminder stays `sending` and is reclaimed.
 */
async function safely<T>(ctx: Ctx, step: string, id: string, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (error) {
    ctx.log.error('reminder step failed', { step, id, error });
    return null;
  }
}

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
      await safely(ctx, 'purge', c._id, () => purge(ctx, c._id));
    },
  );
}

/**
 * Group-result reminders wait for the group to finish, then go out at once. A page of waiting
 * reminders and their groups is two reads; the text is the student's own outcome.
 */
async function wakeGroupReminders(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  let woken = 0;
  let last: ReminderDoc | null = null;
  await budget.drain(async (size) => {
    const { data: page } = await ctx.db
      .collection<ReminderDoc>('reminders')
      .where(keysetAfter(_, { status: 'waiting' }, 'sendAt', undefined, last))
      .orderBy('sendAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(size)
      .get();
    const groups = await getDocsByIds<{ status: string }>(
      ctx,
      'groups',
      page.map((r) => r.about),
    );
    for (const r of page) {
      const status = groups.get(r.about)?.status ?? 'failed';
      if (status === 'open') continue;
      const data = await safely(ctx, 'group result', r._id, () => groupResultData(ctx, r.openid, r.about, status));
      if (!data) continue;
      const res = await ctx.db
        .collection('reminders')
        .where({ _id: r._id, status: 'waiting' })
        .update({ data: { status: 'pending', sendAt: new Date(ctx.now()), data } });
      woken += res.stats.updated;
    }
    if (page.length) last = page[page.length - 1];
    return page.length;
  });
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
      // Runs that died with it (or threw) used up its tries: it fails rather than loop for ever.
      const data = r.attempts >= MAX_ATTEMPTS ? { status: 'failed', errcode: UNKNOWN_ERROR } : { status: 'pending' };
      const res = await ctx.db
        .collection('reminders')
        .where({ _id: r._id, status: 'sending', claimedAt: _.lt(stale) })
        .update({ data });
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
      if (await safely(ctx, 'send', r._id, () => sendOne(ctx, r))) sent++;
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
    if (up.stats.updated === 1) await countTouch(ctx, { day: campusDay(ctx.now()), kind: r.kind, scene: r.scene, segment: r.segment }, 'delivered', r.openid);
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
