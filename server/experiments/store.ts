// The experiments collection (owned by this domain): one document per experiment, its design
// fixed once it runs. Survey answers and exposures are events (server/events.ts): written once,
// by id, and folded into per-arm counters by the analytics rollup.
import type { ExperimentInput, ExperimentStatus, ExperimentView } from '../../core/contracts/experiments';
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';

export interface ExperimentDoc extends Omit<ExperimentInput, 'requestId' | 'experimentId' | 'startAt' | 'stopAt'> {
  _id: string;
  merchantId: string;
  startAt: Date;
  stopAt: Date;
  status: ExperimentStatus;
  startedAt: Date | null;
  stoppedAt: Date | null;
  /** Bumped by each change of weights while running: the sample-ratio check compares a phase's students with its weights. */
  phase: number;
  createdAt: Date;
  updatedAt: Date;
}

export const toView = (e: ExperimentDoc): ExperimentView => ({
  id: e._id,
  name: e.name,
  hypothesis: e.hypothesis,
  treatments: e.treatments,
  arms: e.arms,
  coverage: e.coverage,
  grades: e.grades,
  campusId: e.campusId,
  primaryMetric: e.primaryMetric,
  guardrails: e.guardrails,
  windowDays: e.windowDays,
  startAt: new Date(e.startAt).getTime(),
  stopAt: new Date(e.stopAt).getTime(),
  surveyPercent: e.surveyPercent,
  status: e.status,
  startedAt: e.startedAt ? new Date(e.startedAt).getTime() : null,
  stoppedAt: e.stoppedAt ? new Date(e.stoppedAt).getTime() : null,
  phase: e.phase,
});

/** When an experiment stops counting: its planned stop, or when the merchant stopped it. */
export const endOf = (e: Pick<ExperimentDoc, 'stopAt' | 'stoppedAt'>) =>
  Math.min(new Date(e.stopAt).getTime(), e.stoppedAt ? new Date(e.stoppedAt).getTime() : Number.POSITIVE_INFINITY);

/** Whether students meet the experiment now: started by the merchant, inside its dates. */
export const isLive = (e: ExperimentDoc, now: number) => e.status === 'running' && now >= new Date(e.startAt).getTime() && now < endOf(e);

export function experimentsByIds(ctx: Ctx, ids: readonly string[]) {
  return getDocsByIds<ExperimentDoc>(ctx, 'experiments', ids);
}

/** Running experiments that switch a feature (a handful per campus: one page). */
export async function runningWith(ctx: Ctx, treatment: ExperimentDoc['treatments'][number]): Promise<ExperimentDoc[]> {
  const { data } = await ctx.db.collection<ExperimentDoc>('experiments').where({ status: 'running', treatments: treatment }).limit(20).get();
  return (data as ExperimentDoc[]).filter((e) => isLive(e, ctx.now()));
}

/** Whether any experiment has ever started (the rollup skips experiment bookkeeping until one has). */
export async function anyStarted(ctx: Ctx): Promise<boolean> {
  const { data } = await ctx.db
    .collection('experiments')
    .where({ status: ctx.db.command.in(['running', 'stopped']) })
    .field({ _id: true })
    .limit(1)
    .get();
  return data.length > 0;
}

export const exposureId = (experimentId: string, openid: string) => `exposure:${experimentId}:${openid}`;
export const surveyAnswerId = (experimentId: string, openid: string) => `survey:${experimentId}:${openid}`;
