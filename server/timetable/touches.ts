// What reminders and precision cards did: delivered (sent, or a pick shown), opened (the page
// opened from it carries its ref) and converted (an order within 24 h of the open). Per-student
// opens (touches) are kept only for the conversion and deleted on revoke; the figures for the
// analytics issue are anonymous counters per campus day, kind, scene and segment (grade, major).
import { campusDay } from '../../core/campus-days';
import type { TimetableResults } from '../../core/contracts/timetable';
import { ok } from '../../core/result';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import { recordEvent } from '../events';
import { findUser } from '../users/users';
import type { ReminderDoc } from './reminders';

export type TouchKind = ReminderDoc['kind'] | 'pick';
export type TouchField = 'delivered' | 'opened' | 'converted';

export interface TouchKey {
  day: string;
  kind: TouchKind;
  scene: string;
  segment: { grade: string; major: string };
}

export interface TouchDoc {
  _id: string;
  openid: string;
  ref: string;
  kind: TouchKind;
  scene: string;
  segment: { grade: string; major: string };
  openedAt: Date | null;
  convertedAt: Date | null;
}

const statId = (k: TouchKey) => `${k.day}:${k.kind}:${k.scene}:${k.segment.grade}:${k.segment.major}`.slice(0, 120);

/**
 * Adds one to a counter; the first count of a day creates its document. Deliveries and opens are
 * also events, per student, for experiments (written first: a crash after it loses a count on the
 * anonymous dashboard, never a student's exposure to the treatment).
 */
export async function countTouch(ctx: Ctx, k: TouchKey, field: TouchField, student: string): Promise<void> {
  const _ = ctx.db.command;
  if (field !== 'converted')
    await recordEvent(ctx, field === 'delivered' ? 'touch_delivered' : 'touch_opened', { student, kind: k.kind, scene: k.scene, ...k.segment });
  const id = statId(k);
  const up = await ctx.db
    .collection('touch_stats')
    .where({ _id: id })
    .update({ data: { [field]: _.inc(1) } });
  if (up.stats.updated > 0) return;
  try {
    const zero = { delivered: 0, opened: 0, converted: 0 };
    await ctx.db
      .collection('touch_stats')
      .add({ data: { _id: id, day: k.day, kind: k.kind, scene: k.scene, grade: k.segment.grade, major: k.segment.major, ...zero, [field]: 1 } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    // Created by someone else since: count on it.
    await ctx.db
      .collection('touch_stats')
      .where({ _id: id })
      .update({ data: { [field]: _.inc(1) } });
  }
}

/** Pick refs: `pick.<date>.<HHmm>.<scene>`; reminder refs: `rem.<reminder id>`. */
const PICK_REF = /^pick\.(\d{4}-\d{2}-\d{2})\.(\d{4})\.([A-Z0-9_]{2,16}|none)$/;
const REMINDER_REF = /^rem\.(R[0-9a-f]{24})$/;

async function segmentOf(ctx: Ctx): Promise<TouchKey['segment']> {
  const user = await findUser(ctx, ctx.openid);
  return { grade: user?.grade ?? '未填', major: user?.major || '未填' };
}

const touchId = (openid: string, ref: string) => `${openid}:${ref}`.slice(0, 128);

/** A precision card shown for a window: counted delivered once per student and window. */
export async function recordShown(ctx: Ctx, ref: string, scene: string): Promise<void> {
  const segment = await segmentOf(ctx);
  const doc: Omit<TouchDoc, '_id'> = { openid: ctx.openid, ref, kind: 'pick', scene, segment, openedAt: null, convertedAt: null };
  try {
    await ctx.db.collection('touches').add({ data: { _id: touchId(ctx.openid, ref), ...doc } });
  } catch (e) {
    if (isDuplicateKeyError(e)) return;
    throw e;
  }
  await countTouch(ctx, { day: campusDay(ctx.now()), kind: 'pick', scene, segment }, 'delivered', ctx.openid);
}

/** Records that the student opened a page from a reminder or a pick, once per ref. */
export async function recordOpen(ctx: Ctx, ref: string) {
  const no = ok<TimetableResults['opened']>({ recorded: false });
  const id = touchId(ctx.openid, ref);
  const openedAt = new Date(ctx.now());
  let key: TouchKey;
  const rem = REMINDER_REF.exec(ref);
  const pick = PICK_REF.exec(ref);
  if (rem) {
    const r = await getDoc<ReminderDoc>(ctx, 'reminders', rem[1]);
    // Someone else's reminder link opened by this student is not their open.
    if (!r || r.openid !== ctx.openid || r.status !== 'sent') return no;
    key = { day: campusDay(ctx.now()), kind: r.kind, scene: r.scene, segment: r.segment };
    try {
      await ctx.db
        .collection('touches')
        .add({ data: { _id: id, openid: ctx.openid, ref, kind: r.kind, scene: r.scene, segment: r.segment, openedAt, convertedAt: null } });
    } catch (e) {
      if (isDuplicateKeyError(e)) return no;
      throw e;
    }
  } else if (pick) {
    // Only a pick this student was shown (picks wrote it): the first open sets openedAt, a
    // later one, or a made-up ref, changes nothing.
    const shown = await ctx.db.collection('touches').where({ _id: id, openid: ctx.openid, openedAt: null }).update({ data: { openedAt } });
    if (shown.stats.updated === 0) return no;
    key = { day: campusDay(ctx.now()), kind: 'pick', scene: pick[3], segment: await segmentOf(ctx) };
  } else return no;
  await countTouch(ctx, key, 'opened', ctx.openid);
  return ok<TimetableResults['opened']>({ recorded: true });
}
