// A merchant's experiments: declared as a draft (arms, who it covers, dates, primary and
// guardrail metrics), started once (the design is fixed from then on: metrics chosen after
// seeing data are how experiments lie), stopped once. Weights may change while running; that
// starts a new phase, and students already assigned keep their arm.
import type { ExperimentInput, ExperimentResultsByAction, ExperimentView } from '../../core/contracts/experiments';
import { fail, ok, type Result } from '../../core/result';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { hashId } from '../db/hash-id';
import { isDuplicateKeyError } from '../db/types';
import { callerMerchant } from '../users/merchants';
import { type ExperimentDoc, toView } from './store';

const NOT_MERCHANT = fail('FORBIDDEN', '只有商家可以管理实验');
const NOT_FOUND = fail('NOT_FOUND', '实验不存在');

/** The caller's shop and one of its experiments. */
async function ownExperiment(ctx: Ctx, experimentId: string): Promise<Result<ExperimentDoc>> {
  const shop = await callerMerchant(ctx);
  if (!shop) return NOT_MERCHANT;
  const e = await getDoc<ExperimentDoc>(ctx, 'experiments', experimentId);
  if (!e || e.merchantId !== shop._id) return NOT_FOUND;
  return ok(e);
}

export async function saveExperiment(ctx: Ctx, input: ExperimentInput): Promise<Result<ExperimentResultsByAction['save'], 'BAD_STATE'>> {
  const shop = await callerMerchant(ctx);
  if (!shop) return NOT_MERCHANT;
  const { requestId, experimentId, startAt, stopAt, ...design } = input;
  const now = new Date(ctx.now());
  const dates = { startAt: new Date(startAt), stopAt: new Date(stopAt) };
  if (experimentId) {
    const res = await ctx.db
      .collection('experiments')
      .where({ _id: experimentId, merchantId: shop._id, status: 'draft' })
      .update({ data: { ...design, ...dates, updatedAt: now } });
    if (res.stats.updated === 1) return ok({ experimentId });
    const e = await getDoc<ExperimentDoc>(ctx, 'experiments', experimentId);
    if (!e || e.merchantId !== shop._id) return NOT_FOUND;
    // Saved already by this request (the same values), or no longer a draft.
    return e.status === 'draft' ? ok({ experimentId }) : fail('BAD_STATE', '实验已经开始，设计不能再改（可以调整分组比例或结束实验）');
  }
  if (stopAt <= ctx.now()) return fail('INVALID_INPUT', '结束时间要晚于现在');
  const id = `X${hashId(shop._id, requestId).slice(0, 23)}`;
  const doc: ExperimentDoc = {
    _id: id,
    merchantId: shop._id,
    ...design,
    ...dates,
    status: 'draft',
    startedAt: null,
    stoppedAt: null,
    phase: 0,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.db.collection('experiments').add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
  return ok({ experimentId: id });
}

/** Moves one experiment from a state to another; answers it as it is after. */
async function move(ctx: Ctx, experimentId: string, from: ExperimentDoc['status'], data: Record<string, unknown>, refusal: string) {
  const own = await ownExperiment(ctx, experimentId);
  if (!own.ok) return own;
  const res = await ctx.db
    .collection('experiments')
    .where({ _id: experimentId, status: from })
    .update({ data: { ...data, updatedAt: new Date(ctx.now()) } });
  const after = res.stats.updated === 1 ? await getDoc<ExperimentDoc>(ctx, 'experiments', experimentId) : own.data;
  if (!after) return NOT_FOUND;
  // A repeated request finds the state its first attempt made.
  if (res.stats.updated === 0 && after.status !== data.status) return fail('BAD_STATE', refusal);
  return ok<ExperimentView>(toView(after));
}

export function startExperiment(ctx: Ctx, experimentId: string) {
  return move(ctx, experimentId, 'draft', { status: 'running', startedAt: new Date(ctx.now()) }, '只有草稿状态的实验可以开始');
}

export function stopExperiment(ctx: Ctx, experimentId: string) {
  return move(ctx, experimentId, 'running', { status: 'stopped', stoppedAt: new Date(ctx.now()) }, '只有进行中的实验可以结束');
}

export async function setWeights(ctx: Ctx, experimentId: string, weights: number[]): Promise<Result<ExperimentView, 'BAD_STATE'>> {
  const own = await ownExperiment(ctx, experimentId);
  if (!own.ok) return own;
  const e = own.data;
  if (e.status !== 'running') return fail('BAD_STATE', '只有进行中的实验可以调整比例');
  if (weights.length !== e.arms.length) return fail('INVALID_INPUT', '比例个数要和分组一样');
  if (weights.reduce((s, w) => s + w, 0) !== 100) return fail('INVALID_INPUT', '各组比例加起来要等于 100%');
  if (weights.every((w, i) => w === e.arms[i].weight)) return ok(toView(e));
  const arms = e.arms.map((a, i) => ({ ...a, weight: weights[i] }));
  // On the phase read: of two concurrent changes one wins, and a phase is never skipped.
  const res = await ctx.db
    .collection('experiments')
    .where({ _id: e._id, status: 'running', phase: e.phase })
    .update({ data: { arms, phase: e.phase + 1, updatedAt: new Date(ctx.now()) } });
  if (res.stats.updated === 0) return fail('BAD_STATE', '实验刚被修改过，请刷新后再试');
  return ok(toView({ ...e, arms, phase: e.phase + 1 }));
}

export async function listExperiments(ctx: Ctx): Promise<Result<ExperimentView[]>> {
  const shop = await callerMerchant(ctx);
  if (!shop) return NOT_MERCHANT;
  const { data } = await ctx.db.collection<ExperimentDoc>('experiments').where({ merchantId: shop._id }).orderBy('createdAt', 'desc').limit(50).get();
  return ok((data as ExperimentDoc[]).map(toView));
}

export { ownExperiment };
