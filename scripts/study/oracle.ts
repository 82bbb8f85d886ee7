// A brute-force count over the raw events, written from the metric definitions
// (core/metrics.ts) without the rollup's code: every exposure, order, refund, like,
// comment, share and survey answer read back from the events collection, each student's
// figures counted inside their window, and the tests run on the raw per-student values. The
// study checks that the results page (rollups → experiments.results) says exactly this.
import { DIMENSIONS, type Dimension } from '../../core/experiments/survey';
import { likertTo100 } from '../../core/stats';
import type { LocalCloud } from '../../local-cloud/host';

const DAY = 86_400_000;

interface RawEvent {
  _id: string;
  type: string;
  at: Date;
  openid: string;
  [k: string]: unknown;
}

/** The per-student values of one arm: one entry per exposed student (survey: per respondent). */
export interface OracleArm {
  exposed: number;
  orders: number[];
  likes: number[];
  comments: number[];
  shares: number[];
  /** Students with at least one / at least two counted orders. */
  buyers: number;
  repeaters: number;
  satisfaction: Record<Dimension, number[]>;
}

export interface ExperimentFacts {
  id: string;
  merchantId: string;
  windowDays: number;
  /** ms: nothing after this counts (the planned stop). */
  stopAt: number;
  arms: number;
}

const TYPES = ['experiment_exposure', 'order_paid', 'refund_succeeded', 'note_liked', 'note_commented', 'share_created', 'survey_answered'];

/** Every event of the types the study counts, a page at a time by _id. */
export async function readEvents(cloud: LocalCloud): Promise<RawEvent[]> {
  const _ = cloud.db.command;
  const out: RawEvent[] = [];
  for (const type of TYPES) {
    let last = '';
    for (;;) {
      const { data } = await cloud.db
        .collection<RawEvent>('events')
        .where({ type, _id: _.gt(last) })
        .orderBy('_id', 'asc')
        .limit(1000)
        .get();
      out.push(...(data as RawEvent[]));
      if (data.length < 1000) break;
      last = (data[data.length - 1] as RawEvent)._id;
    }
  }
  return out;
}

export interface Figures {
  orders: number;
  likes: number;
  comments: number;
  shares: number;
}

/** Per arm, and per exposed student (openid → figures in their window). */
export function countByBruteForce(events: readonly RawEvent[], x: ExperimentFacts): { arms: OracleArm[]; students: Map<string, Figures> } {
  const at = (e: RawEvent) => new Date(e.at).getTime();
  const exposure = new Map<string, { arm: number; from: number; to: number }>();
  for (const e of events)
    if (e.type === 'experiment_exposure' && e.experimentId === x.id && !exposure.has(e.openid)) {
      exposure.set(e.openid, { arm: e.arm as number, from: at(e), to: Math.min(at(e) + x.windowDays * DAY, x.stopAt) });
    }
  const inWindow = (student: string, e: RawEvent) => {
    const w = exposure.get(student);
    return w !== undefined && at(e) >= w.from && at(e) < w.to;
  };
  // Orders: paid with the shop inside the buyer's window, once each; fully refunded ones (whenever) drop out.
  const paid = new Map<string, { buyer: string; fen: number }>();
  const refunded = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'order_paid') {
      const buyer = (e.buyer as string) || e.openid;
      if (e.merchantId === x.merchantId && inWindow(buyer, e) && !paid.has(e.orderId as string))
        paid.set(e.orderId as string, { buyer, fen: e.amountFen as number });
    }
    if (e.type === 'refund_succeeded') refunded.set(e.orderId as string, (refunded.get(e.orderId as string) ?? 0) + (e.refundFen as number));
  }
  const perStudent = new Map<string, Figures>();
  for (const s of exposure.keys()) perStudent.set(s, { orders: 0, likes: 0, comments: 0, shares: 0 });
  for (const [orderId, o] of paid) if ((refunded.get(orderId) ?? 0) < o.fen) (perStudent.get(o.buyer) as Figures).orders++;
  const figure = { note_liked: 'likes', note_commented: 'comments', share_created: 'shares' } as const;
  for (const e of events) {
    const f = figure[e.type as keyof typeof figure];
    if (f && inWindow(e.openid, e)) (perStudent.get(e.openid) as Figures)[f]++;
  }

  const arms: OracleArm[] = Array.from({ length: x.arms }, () => ({
    exposed: 0,
    orders: [],
    likes: [],
    comments: [],
    shares: [],
    buyers: 0,
    repeaters: 0,
    satisfaction: Object.fromEntries(DIMENSIONS.map((d) => [d, []])) as unknown as Record<Dimension, number[]>,
  }));
  for (const [s, w] of exposure) {
    const a = arms[w.arm];
    const f = perStudent.get(s) as Figures;
    a.exposed++;
    a.orders.push(f.orders);
    a.likes.push(f.likes);
    a.comments.push(f.comments);
    a.shares.push(f.shares);
    if (f.orders >= 1) a.buyers++;
    if (f.orders >= 2) a.repeaters++;
  }
  // The survey: one sheet per student, in the arm they were exposed in; a dimension's score is the mean of its items on 100.
  const answered = new Set<string>();
  for (const e of events) {
    if (e.type !== 'survey_answered' || e.experimentId !== x.id || answered.has(e.openid)) continue;
    const w = exposure.get(e.openid);
    if (!w) continue;
    answered.add(e.openid);
    const sheet = e.answers as Record<Dimension, number[]>;
    for (const d of DIMENSIONS) arms[w.arm].satisfaction[d].push(sheet[d].reduce((s, v) => s + likertTo100(v), 0) / sheet[d].length);
  }
  return { arms, students: perStudent };
}
