// What a page of events adds to the experiment counters, computed without touching the database
// (the rollup, ./rollup.ts, reads the page's members first and writes the ops exactly once):
//   exp_members, one per experiment and student (`${experimentId}:${openid}`): their arm and
//     their figures inside their window (core/metrics.ts has the definitions);
//   exp_arms, one per experiment and arm (`${experimentId}:${arm}`): for each figure the sum and
//     the sum of squares over the arm's students, the buyers with one and with two net orders,
//     the survey's per-dimension and per-item sums. A results page reads these few documents,
//     whatever the number of events; means, variances, t-tests and Cronbach's alpha follow from
//     n, Σx and Σx² (core/experiments/analysis.ts).
// A student's figure moving from a to b moves the arm's Σx by b − a and Σx² by b² − a², so the
// arm documents stay exact under increments only.

import { DIMENSIONS } from '../../core/experiments/survey';
import type { SproutEvent } from '../events';
import type { CounterOp } from './fold';
import { fieldKey } from './fold';

const DAY_MS = 86_400_000;

/** The per-student figures an arm sums (core/metrics.ts defines what they mean). */
export const MEMBER_FIGURES = ['orders', 'spend', 'likes', 'comments', 'shares', 'refunds'] as const;
export type MemberFigure = (typeof MEMBER_FIGURES)[number];

export interface MemberDoc {
  _id: string;
  experimentId: string;
  openid: string;
  arm: number;
  phase: number;
  /** ms: the window starts here. */
  exposedAt: number;
  seq: number;
  orders?: number;
  spend?: number;
  likes?: number;
  comments?: number;
  shares?: number;
  refunds?: number;
  /** Per order counted (by fieldKey of its id): its amount and what was refunded of it. */
  paid?: Record<string, number>;
  refunded?: Record<string, number>;
}

export interface SumPair {
  s?: number;
  ss?: number;
}

export interface ArmDoc {
  _id: string;
  experimentId: string;
  arm: number;
  seq: number;
  exposed?: number;
  /** Students exposed per phase (the weights they were assigned with). */
  phases?: Record<string, number>;
  /** Students with at least one / at least two net orders in their window. */
  buyers?: number;
  repeaters?: number;
  figures?: Partial<Record<MemberFigure, SumPair>>;
  /** Per dimension: answers n, per item and per respondent's total the raw sums (for the score and alpha). */
  survey?: Partial<Record<string, { n?: number; items?: Record<string, SumPair>; total?: SumPair }>>;
}

/** What the fold needs to know of an experiment. */
export interface ExperimentWindow {
  merchantId: string;
  windowDays: number;
  /** ms: nothing after this counts. */
  end: number;
}

export const memberId = (experimentId: string, openid: string) => `${experimentId}:${openid}`;
export const armId = (experimentId: string, arm: number) => `${experimentId}:${arm}`;

/** The student an event is about (a paid order's buyer: WeChat Pay's notice has no caller). */
export function studentOf(e: SproutEvent): string | null {
  switch (e.type) {
    case 'order_paid':
    case 'refund_succeeded':
      return e.buyer || e.openid || null;
    case 'note_liked':
    case 'note_commented':
    case 'share_created':
    case 'experiment_exposure':
      return e.openid || null;
    default:
      return null;
  }
}

/** Which experiments a student is in, by openid: the members read before the fold, and those the page exposes. */
type Members = Map<string, MemberDoc[]>;

const num = (x: number | undefined) => x ?? 0;

export function foldExperiments(events: readonly SproutEvent[], known: readonly MemberDoc[], experiments: ReadonlyMap<string, ExperimentWindow>): CounterOp[] {
  const before = new Map(known.map((m) => [m._id, m]));
  // Working copies: the page's events applied in order.
  const now = new Map<string, MemberDoc>(known.map((m) => [m._id, { ...m, paid: { ...m.paid }, refunded: { ...m.refunded } }]));
  const byStudent: Members = new Map();
  for (const m of now.values()) byStudent.set(m.openid, [...(byStudent.get(m.openid) ?? []), m]);
  const ops: CounterOp[] = [];
  const armOps = new Map<string, { op: CounterOp; inc: Map<string, number> }>();
  const armInc = (experimentId: string, arm: number, path: string, n: number) => {
    if (n === 0) return;
    const id = armId(experimentId, arm);
    const entry = armOps.get(id) ?? { op: { c: 'exp_arms', id, init: { experimentId, arm }, inc: [] }, inc: new Map<string, number>() };
    armOps.set(id, entry);
    entry.inc.set(path, (entry.inc.get(path) ?? 0) + n);
  };
  const inWindow = (m: MemberDoc, at: number) => {
    const x = experiments.get(m.experimentId);
    return x !== undefined && at >= m.exposedAt && at < Math.min(m.exposedAt + x.windowDays * DAY_MS, x.end);
  };

  for (const e of events) {
    const at = new Date(e.at).getTime();
    if (e.type === 'experiment_exposure') {
      const id = memberId(e.experimentId, e.openid);
      if (now.has(id) || !experiments.has(e.experimentId)) continue;
      const m: MemberDoc = {
        _id: id,
        experimentId: e.experimentId,
        openid: e.openid,
        arm: e.arm,
        phase: e.phase,
        exposedAt: at,
        seq: 0,
        paid: {},
        refunded: {},
      };
      now.set(id, m);
      byStudent.set(e.openid, [...(byStudent.get(e.openid) ?? []), m]);
      armInc(e.experimentId, e.arm, 'exposed', 1);
      armInc(e.experimentId, e.arm, `phases.${e.phase}`, 1);
      continue;
    }
    if (e.type === 'survey_answered') {
      foldSurvey(e, armInc);
      continue;
    }
    const student = studentOf(e);
    if (!student) continue;
    for (const m of byStudent.get(student) ?? []) {
      const x = experiments.get(m.experimentId);
      if (!x) continue;
      switch (e.type) {
        case 'order_paid': {
          const key = fieldKey(e.orderId);
          if (e.merchantId !== x.merchantId || !inWindow(m, at) || m.paid?.[key] !== undefined) break;
          m.paid = { ...m.paid, [key]: e.amountFen };
          m.orders = num(m.orders) + 1;
          m.spend = num(m.spend) + e.amountFen;
          break;
        }
        case 'refund_succeeded': {
          // Refunds of an order the window counted, whenever they come.
          const key = fieldKey(e.orderId);
          const amount = m.paid?.[key];
          if (amount === undefined) break;
          const was = num(m.refunded?.[key]);
          const after = was + e.refundFen;
          m.refunded = { ...m.refunded, [key]: after };
          m.spend = num(m.spend) - e.refundFen;
          if (was === 0) m.refunds = num(m.refunds) + 1;
          // Fully refunded: no longer a paid order for frequency and repurchase.
          if (was < amount && after >= amount) m.orders = num(m.orders) - 1;
          break;
        }
        case 'note_liked':
          if (inWindow(m, at)) m.likes = num(m.likes) + 1;
          break;
        case 'note_commented':
          if (inWindow(m, at)) m.comments = num(m.comments) + 1;
          break;
        case 'share_created':
          if (inWindow(m, at)) m.shares = num(m.shares) + 1;
          break;
        default:
          break;
      }
    }
  }

  for (const m of now.values()) {
    const old = before.get(m._id);
    const inc: [string, number][] = [];
    for (const f of MEMBER_FIGURES) {
      const a = num(old?.[f]);
      const b = num(m[f]);
      if (a === b) continue;
      inc.push([f, b - a]);
      armInc(m.experimentId, m.arm, `figures.${f}.s`, b - a);
      armInc(m.experimentId, m.arm, `figures.${f}.ss`, b * b - a * a);
    }
    for (const [k, v] of Object.entries(m.paid ?? {})) if (old?.paid?.[k] === undefined) inc.push([`paid.${k}`, v]);
    for (const [k, v] of Object.entries(m.refunded ?? {})) if (v !== num(old?.refunded?.[k])) inc.push([`refunded.${k}`, v - num(old?.refunded?.[k])]);
    const [a, b] = [num(old?.orders), num(m.orders)];
    armInc(m.experimentId, m.arm, 'buyers', Number(b >= 1) - Number(a >= 1));
    armInc(m.experimentId, m.arm, 'repeaters', Number(b >= 2) - Number(a >= 2));
    if (old && inc.length === 0) continue;
    const init: Record<string, string | number> = { experimentId: m.experimentId, openid: m.openid, arm: m.arm, phase: m.phase, exposedAt: m.exposedAt };
    ops.push({ c: 'exp_members', id: m._id, init, inc });
  }
  return [...ops, ...[...armOps.values()].map(({ op, inc }) => ({ ...op, inc: [...inc] }))];
}

type Survey = Extract<SproutEvent, { type: 'survey_answered' }>;

/**
 * One answer sheet into its arm's sums: per dimension each item and the raw total (1-7 answers).
 * The dimension's 100-point score is linear in the total, so its mean and variance follow from
 * these (server/experiments/results.ts), and the rollup needs no statistics library.
 */
function foldSurvey(e: Survey, armInc: (experimentId: string, arm: number, path: string, n: number) => void) {
  for (const d of DIMENSIONS) {
    const items = e.answers[d];
    if (!items?.length) continue;
    const total = items.reduce((s, x) => s + x, 0);
    const inc = (path: string, n: number) => armInc(e.experimentId, e.arm, `survey.${d}.${path}`, n);
    inc('n', 1);
    inc('total.s', total);
    inc('total.ss', total * total);
    items.forEach((x, i) => {
      inc(`items.i${i}.s`, x);
      inc(`items.i${i}.ss`, x * x);
    });
  }
}
