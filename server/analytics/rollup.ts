// The analytics rollup: a timer folds the events collection into daily counters so that the
// share funnel, card stats and tier results read a few counter documents instead of every event.
//
// Why this shape (the house rule: safe to repeat, safe to die halfway):
// - Only this timer writes counters. The hot paths (a viral card's opens) write nothing but
//   their event; a page of 100 opens of one card becomes one increment on one document, so no
//   request ever contends on a counter, in a transaction or out of one.
// - It reads events in (at, _id) order after a stored cursor, and only events older than
//   SETTLE_MS: an event is stamped before its write commits (a transaction, a 60 s function),
//   so anything younger may still appear behind a cursor that had passed it. Readers count the
//   unsettled rest from the events themselves (counters.ts), so figures are exact at once.
// - Exactly once without a transaction: a page is first written down, with every increment it
//   makes, as the cursor document's `plan` (a conditional update on the page number `seq`, so
//   of two runs only one plans a page). Each counter document then takes its increments with
//   `where({_id, seq: lt(page)}).update({inc..., seq: page})` (or is added; a duplicate means it
//   was added for this page already), and the cursor moves past the page, dropping the plan. A
//   run that dies anywhere leaves a plan the next run finishes: documents already at the page's
//   seq are skipped. Writing the plan first matters: a page chosen again after a crash could
//   end elsewhere (more events have settled, the page size follows the time left), and marks
//   compared with a page end would then count the overlap twice.
// - Readers see a consistent cut: a counter document whose seq is the pending plan's has the
//   plan's increments taken back out, one newer than the cursor makes the reader read again.
// - Unique visitors need one document per card and visitor (analytics_visitors), added once;
//   whether a visitor is new is decided when the page is planned, when every earlier page is
//   fully written.
// Cost: per page one read of events, one of visitors, and one write per counter document
// touched, per new visitor, plus two for the cursor; pages are sized by the time left.
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import type { SproutEvent } from '../events';
import { anyStarted, endOf, experimentsByIds } from '../experiments/store';
import { RunBudget } from '../run-budget';
import { dashboardInputs } from './dashboard-inputs';
import { type ExperimentWindow, foldExperiments, type MemberDoc, studentOf } from './experiments-fold';
import { type CounterOp, fold, initialDoc } from './fold';

/** How old an event must be before the rollup counts it (longer than any function runs). */
export const SETTLE_MS = 120_000;
export const STATE_ID = 'rollup';

export interface EventKey {
  at: Date;
  id: string;
}

/** A page written down before its increments are applied. */
export interface Plan {
  seq: number;
  end: EventKey;
  ops: CounterOp[];
  visitors: { id: string; code: string }[];
}

/** analytics_state/rollup: events up to (at, id) are in the counters, once `plan` (if any) is done. */
export interface RollupState {
  _id: string;
  seq: number;
  at: Date;
  id: string;
  plan?: Plan;
}

export const EMPTY_STATE: RollupState = { _id: STATE_ID, seq: 0, at: new Date(0), id: '' };

export async function readState(ctx: Ctx): Promise<RollupState> {
  return (await getDoc<RollupState>(ctx, 'analytics_state', STATE_ID)) ?? EMPTY_STATE;
}

/** The next settled events after the cursor, oldest first. */
async function nextEvents(ctx: Ctx, s: RollupState, size: number): Promise<SproutEvent[]> {
  const _ = ctx.db.command;
  const settled = new Date(ctx.now() - SETTLE_MS);
  const { data } = await ctx.db
    .collection<SproutEvent>('events')
    // Each range on `at` alone, so the database walks the `at` index from the cursor.
    .where(_.and([{ at: _.gte(s.at) }, { at: _.lt(settled) }, _.or([{ at: _.gt(s.at) }, { _id: _.gt(s.id) }])]))
    .orderBy('at', 'asc')
    .orderBy('_id', 'asc')
    .limit(size)
    .get();
  return data as SproutEvent[];
}

/** Which of a page's card visitors opened the card in an earlier page. */
async function knownVisitors(ctx: Ctx, events: SproutEvent[]): Promise<Set<string>> {
  const ids = [...new Set(events.flatMap((e) => (e.type === 'open' ? [`${e.code}:${e.openid}`] : [])))];
  if (!ids.length) return new Set();
  const { data } = await ctx.db
    .collection('analytics_visitors')
    .where({ _id: ctx.db.command.in(ids) })
    .field({ _id: true })
    .limit(ids.length)
    .get();
  return new Set(data.map((d) => d._id));
}

/** Students asked about at once: with a few experiments each, their members fit one get. */
const STUDENTS_PER_QUERY = 20;

/** The experiment members of the page's students, and the windows of their experiments. */
async function experimentContext(ctx: Ctx, events: SproutEvent[]): Promise<{ members: MemberDoc[]; windows: Map<string, ExperimentWindow> }> {
  const students = [...new Set(events.map(studentOf).filter((s): s is string => s !== null))];
  const members: MemberDoc[] = [];
  // A campus with no experiment ever started pays one read a page, not one per 20 students.
  if (!students.length || !(await anyStarted(ctx))) return { members, windows: new Map() };
  for (let i = 0; i < students.length; i += STUDENTS_PER_QUERY) {
    const chunk = students.slice(i, i + STUDENTS_PER_QUERY);
    for (let skip = 0; ; skip += 100) {
      const { data } = await ctx.db
        .collection<MemberDoc>('exp_members')
        .where({ openid: ctx.db.command.in(chunk) })
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(100)
        .get();
      members.push(...(data as MemberDoc[]));
      if (data.length < 100) break;
    }
  }
  const ids = [...members.map((m) => m.experimentId), ...events.flatMap((e) => (e.type === 'experiment_exposure' ? [e.experimentId] : []))];
  const windows = new Map<string, ExperimentWindow>();
  if (ids.length)
    for (const [id, x] of await experimentsByIds(ctx, ids)) windows.set(id, { merchantId: x.merchantId, windowDays: x.windowDays, end: endOf(x) });
  return { members, windows };
}

async function applyOp(ctx: Ctx, seq: number, op: CounterOp): Promise<void> {
  const _ = ctx.db.command;
  const data: Record<string, unknown> = { seq };
  for (const [path, n] of op.inc) data[path] = _.inc(n);
  const where = { _id: op.id, seq: _.lt(seq) };
  // Each collection by name, so the ownership scan sees who writes it.
  const res =
    op.c === 'analytics_days'
      ? await ctx.db.collection('analytics_days').where(where).update({ data })
      : op.c === 'analytics_koc_days'
        ? await ctx.db.collection('analytics_koc_days').where(where).update({ data })
        : op.c === 'exp_members'
          ? await ctx.db.collection('exp_members').where(where).update({ data })
          : op.c === 'exp_arms'
            ? await ctx.db.collection('exp_arms').where(where).update({ data })
            : op.c === 'analytics_campus_days'
              ? await ctx.db.collection('analytics_campus_days').where(where).update({ data })
              : op.c === 'analytics_marks'
                ? await ctx.db.collection('analytics_marks').where(where).update({ data })
                : await ctx.db.collection('analytics_cards').where(where).update({ data });
  if (res.stats.updated > 0) return;
  // Missing, or already at this page: adding tells which (a duplicate means it has the page).
  try {
    const doc = { data: initialDoc(op, seq) };
    if (op.c === 'analytics_days') await ctx.db.collection('analytics_days').add(doc);
    else if (op.c === 'analytics_koc_days') await ctx.db.collection('analytics_koc_days').add(doc);
    else if (op.c === 'exp_members') await ctx.db.collection('exp_members').add(doc);
    else if (op.c === 'exp_arms') await ctx.db.collection('exp_arms').add(doc);
    else if (op.c === 'analytics_campus_days') await ctx.db.collection('analytics_campus_days').add(doc);
    else if (op.c === 'analytics_marks') await ctx.db.collection('analytics_marks').add(doc);
    else await ctx.db.collection('analytics_cards').add(doc);
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
}

async function addVisitor(ctx: Ctx, seq: number, v: { id: string; code: string }): Promise<void> {
  try {
    await ctx.db.collection('analytics_visitors').add({ data: { _id: v.id, code: v.code, seq } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
}

/** Writes of one page in flight at once: they touch different documents, so order does not matter. */
const PARALLEL = 20;

/** Applies a written-down page (again, after a crash: done parts are skipped) and moves the cursor past it. */
async function finish(ctx: Ctx, plan: Plan): Promise<void> {
  const writes = [...plan.ops.map((op) => () => applyOp(ctx, plan.seq, op)), ...plan.visitors.map((v) => () => addVisitor(ctx, plan.seq, v))];
  for (let i = 0; i < writes.length; i += PARALLEL) await Promise.all(writes.slice(i, i + PARALLEL).map((write) => write()));
  await ctx.db
    .collection('analytics_state')
    .where({ _id: STATE_ID, seq: plan.seq })
    .update({ data: { at: plan.end.at, id: plan.end.id, plan: ctx.db.command.remove() } });
}

/** Moves the cursor from `s` by one page: true when it did, false when another run moved it first. */
async function claim(ctx: Ctx, s: RollupState, next: Omit<RollupState, '_id'>): Promise<boolean> {
  const _ = ctx.db.command;
  const data = next.plan ? { seq: next.seq, plan: _.set(next.plan) } : { seq: next.seq, at: next.at, id: next.id };
  const res = await ctx.db
    .collection('analytics_state')
    .where({ _id: STATE_ID, seq: s.seq, plan: _.exists(false) })
    .update({ data });
  return res.stats.updated === 1;
}

type Step = { events: number; state: RollupState; more: boolean };

/** One page: finish a pending plan, or plan the next events and apply them. */
async function step(ctx: Ctx, s: RollupState, size: number): Promise<Step> {
  if (s.plan) {
    await finish(ctx, s.plan);
    return { events: 0, state: { _id: STATE_ID, seq: s.plan.seq, at: s.plan.end.at, id: s.plan.end.id }, more: true };
  }
  const events = await nextEvents(ctx, s, size);
  const last = events.at(-1);
  if (!last) return { events: 0, state: s, more: false };
  const end = { at: new Date(last.at), id: last._id };
  const [known, exp, dashboard] = await Promise.all([knownVisitors(ctx, events), experimentContext(ctx, events), dashboardInputs(ctx, events)]);
  const counted = fold(events, known, dashboard);
  const ops = [...counted.ops, ...foldExperiments(events, exp.members, exp.windows)];
  const { visitors } = counted;
  const seq = s.seq + 1;
  // A page nothing counts (other event types) only moves the cursor.
  const plan = ops.length || visitors.length ? { seq, end, ops, visitors } : undefined;
  if (!(await claim(ctx, s, { seq, ...end, plan }))) return { events: 0, state: await readState(ctx), more: true };
  if (plan) await finish(ctx, plan);
  return { events: events.length, state: { _id: STATE_ID, seq, ...end }, more: events.length === size };
}

/** The cursor document, created at the first run. */
async function loadState(ctx: Ctx): Promise<RollupState> {
  const s = await getDoc<RollupState>(ctx, 'analytics_state', STATE_ID);
  if (s) return s;
  try {
    await ctx.db.collection('analytics_state').add({ data: EMPTY_STATE });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
  return readState(ctx);
}

/** The timer: pages through settled events while time is left. Safe to run twice, and at once. */
export async function runRollup(ctx: Ctx): Promise<{ events: number; pages: number; caughtUp: boolean }> {
  const budget = new RunBudget(() => ctx.timeLeft());
  let s = await loadState(ctx);
  let events = 0;
  let pages = 0;
  for (;;) {
    const size = budget.pageSize();
    if (size === 0) return { events, pages, caughtUp: false };
    let r: Step = { events: 0, state: s, more: false };
    await budget.page(async () => {
      r = await step(ctx, s, size);
      return Math.max(r.events, 1);
    });
    s = r.state;
    events += r.events;
    if (r.events) pages++;
    if (!r.more) return { events, pages, caughtUp: true };
  }
}
