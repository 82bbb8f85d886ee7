// A shop running an experiment on the analytics test world: helpers to design, start and read
// one, and to write the events a term would (exposures, orders, refunds, likes) directly.
import type { ExperimentResults, ExperimentView } from '../../core/contracts/experiments';
import { analyticsWorld, type Ev } from '../analytics/fixture';
import { OWNER, SHOP } from '../groupbuy/fixture';

export const DAY = 86_400_000;

export const design = (now: number, over: Record<string, unknown> = {}) => ({
  requestId: 'exp-request-1',
  name: '课表推荐对比',
  hypothesis: '课表推荐让复购更高',
  treatments: ['timetable'],
  arms: [
    { name: '对照组', weight: 50 },
    { name: '实验组', weight: 50 },
  ],
  coverage: 100,
  primaryMetric: 'repurchase',
  guardrails: ['refunds'],
  windowDays: 28,
  startAt: now - DAY,
  stopAt: now + 60 * DAY,
  surveyPercent: 0,
  ...over,
});

export async function experimentWorld(options: Parameters<typeof analyticsWorld>[0] = {}) {
  const w = await analyticsWorld(options);
  const x = async <T>(action: string, event: Record<string, unknown> = {}, who = OWNER) => {
    const r = await w.call<T>('experiments', who, { action, ...event });
    if (!r.ok) throw new Error(`${action}: ${r.code} ${r.message}`);
    return r.data;
  };
  /** Designs and starts an experiment; answers its id. */
  const running = async (over: Record<string, unknown> = {}) => {
    const { experimentId } = await x<{ experimentId: string }>('save', design(w.clock.now(), over));
    await x<ExperimentView>('start', { experimentId });
    return experimentId;
  };
  const results = (experimentId: string) => x<ExperimentResults>('results', { experimentId });
  return { ...w, x, running, results };
}

let n = 0;
const id = (p: string) => `${p}-${++n}`;

export const exposure = (experimentId: string, openid: string, arm: number, at: Date, phase = 0): Ev => ({
  _id: `exposure:${experimentId}:${openid}`,
  type: 'experiment_exposure',
  at,
  openid,
  experimentId,
  merchantId: SHOP,
  arm,
  phase,
});

export const paid = (buyer: string, orderId: string, amountFen: number, at: Date, merchantId = SHOP): Ev => ({
  _id: id('ev-paid'),
  type: 'order_paid',
  at,
  openid: '',
  buyer,
  orderId,
  groupId: 'g',
  merchantId,
  amountFen,
  code: undefined,
  sharer: undefined,
});

export const refunded = (buyer: string, orderId: string, amountFen: number, refundFen: number, at: Date): Ev => ({
  _id: id('ev-refund'),
  type: 'refund_succeeded',
  at,
  openid: '',
  buyer,
  orderId,
  groupId: 'g',
  merchantId: SHOP,
  amountFen,
  refundFen,
  code: undefined,
  sharer: undefined,
});

export const liked = (openid: string, noteId: string, at: Date): Ev => ({ _id: id('ev-like'), type: 'note_liked', at, openid, noteId, author: 'a' });
