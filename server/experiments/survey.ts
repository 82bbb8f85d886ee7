// The satisfaction survey: asked once per experiment (a term) of a sample of each arm, after the
// student has had a week with it; answering is one event, written once, and earns nothing.
import type { Answers, SurveyView } from '../../core/contracts/experiments';
import { gbHash } from '../../core/experiments/assign';
import { DIMENSION_NAMES, DIMENSIONS, ITEMS } from '../../core/experiments/survey';
import { fail, ok, type Result } from '../../core/result';
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';
import { recordEventOnce, type SproutEvent } from '../events';
import { merchantName } from '../users/merchants';
import { type ExperimentDoc, exposureId, isLive, surveyAnswerId } from './store';

/** A student is asked after a week in the experiment, when they have something to judge. */
export const SURVEY_AFTER_MS = 7 * 86_400_000;

type Exposure = Extract<SproutEvent, { type: 'experiment_exposure' }>;

/** Whether the student is in the experiment's survey sample: a hash of its own, independent of the arm's. */
export const sampled = (e: Pick<ExperimentDoc, '_id' | 'surveyPercent'>, openid: string) => gbHash(`${e._id}:survey:`, openid) < e.surveyPercent / 100;

/** The experiments asking this student now, with their exposure: live, sampled, a week in, not answered. */
async function asking(ctx: Ctx): Promise<{ e: ExperimentDoc; exposure: Exposure }[]> {
  const { data } = await ctx.db
    .collection<ExperimentDoc>('experiments')
    .where({ status: 'running', surveyPercent: ctx.db.command.gt(0) })
    .limit(20)
    .get();
  const live = (data as ExperimentDoc[]).filter((e) => isLive(e, ctx.now()) && sampled(e, ctx.openid));
  if (!live.length) return [];
  const ids = live.flatMap((e) => [exposureId(e._id, ctx.openid), surveyAnswerId(e._id, ctx.openid)]);
  const found = await getDocsByIds<SproutEvent>(ctx, 'events', ids);
  return live.flatMap((e) => {
    const exposure = found.get(exposureId(e._id, ctx.openid)) as Exposure | undefined;
    if (!exposure || found.has(surveyAnswerId(e._id, ctx.openid))) return [];
    return ctx.now() - new Date(exposure.at).getTime() >= SURVEY_AFTER_MS ? [{ e, exposure }] : [];
  });
}

export async function pendingSurvey(ctx: Ctx): Promise<Result<{ survey: SurveyView | null }>> {
  const first = (await asking(ctx))[0];
  if (!first) return ok({ survey: null });
  return ok({
    survey: {
      experimentId: first.e._id,
      merchantName: await merchantName(ctx, first.e.merchantId),
      items: DIMENSIONS.map((d) => ({ dimension: d, name: DIMENSION_NAMES[d], questions: ITEMS[d] })),
    },
  });
}

export async function answerSurvey(ctx: Ctx, experimentId: string, answers: Answers): Promise<Result<{ recorded: boolean }>> {
  const match = (await asking(ctx)).find((a) => a.e._id === experimentId);
  if (!match) {
    // Answered already (a repeated request) or never asked: only the first counts.
    const done = await getDocsByIds(ctx, 'events', [surveyAnswerId(experimentId, ctx.openid)]);
    return done.size ? ok({ recorded: false }) : fail('NOT_FOUND', '这份问卷现在不需要你填写');
  }
  const recorded = await recordEventOnce(ctx, surveyAnswerId(experimentId, ctx.openid), 'survey_answered', {
    surveyId: experimentId,
    experimentId,
    merchantId: match.e.merchantId,
    arm: match.exposure.arm,
    answers,
  });
  return ok({ recorded });
}
