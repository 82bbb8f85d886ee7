// The koc domain's documents and the one way an application changes state: a transaction that
// reads the application, moves it along an edge of pipelineMachine only if it is still in the
// state the caller saw, appends the history, and writes what goes with the move (the open
// marker freed, a member made) in the same commit, so a crash keeps all of it or none.
import type { ApplicationView, socialInput } from '../../core/contracts/koc';
import { DEFAULT_CRITERIA, PIPELINE_NAMES, type PipelineState, pipelineMachine, type ScreeningCriteria, type TrialGoals } from '../../core/koc-pipeline';
import { type Fail, fail } from '../../core/result';
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import type { Transaction } from '../db/types';
import { callerMerchant, type ShopDoc } from '../users/merchants';

export interface HistoryEntry {
  from: PipelineState;
  to: PipelineState;
  at: Date;
  reason?: string;
}

export interface ApplicationDoc {
  _id: string;
  merchantId: string;
  applicant: string;
  state: PipelineState;
  socials: import('zod').output<typeof socialInput>[];
  categories: { category: string; selfAssessment: string }[];
  portfolio: { links: string[]; images: string[] };
  /** profileKey of each social account (koc_profiles ids). */
  profileKeys: string[];
  slots: number[];
  pickedSlot: number | null;
  interview: { scores: Record<'understanding' | 'ideas' | 'improvisation', number>; notes: string; at: Date } | null;
  trial: { productIds: string[]; endsAt: number; goals: TrialGoals; startedAt: number } | null;
  rejectReason: string | null;
  reapplyAt: Date | null;
  history: HistoryEntry[];
  createdAt: Date;
}

/** koc_open: one per program and student; `open` while an application is open, else the cooldown. */
export interface OpenMarker {
  _id: string;
  merchantId: string;
  openid: string;
  applicationId: string;
  open: boolean;
  reapplyAt: Date | null;
  at: Date;
}

export interface MemberDoc {
  _id: string;
  merchantId: string;
  openid: string;
  since: Date;
  via: 'trial';
  applicationId: string;
}

export const markerId = (merchantId: string, openid: string) => `${merchantId}:${openid}`;
export const memberId = markerId;

export function findApplication(ctx: Ctx, id: string): Promise<ApplicationDoc | null> {
  return getDoc<ApplicationDoc>(ctx, 'koc_applications', id);
}

/** The application if the caller applied with it; NOT_FOUND otherwise (another student's is not revealed). */
export async function ownApplication(ctx: Ctx, id: string): Promise<{ app: ApplicationDoc } | { error: Fail<'NOT_FOUND'> }> {
  const app = await findApplication(ctx, id);
  if (!app || app.applicant !== ctx.openid) return { error: fail('NOT_FOUND', '没有这份申请') };
  return { app };
}

/** The application if it belongs to the shop the caller runs; FORBIDDEN for anyone else. */
export async function shopApplication(ctx: Ctx, id: string): Promise<{ app: ApplicationDoc; shop: ShopDoc } | { error: Fail<'FORBIDDEN' | 'NOT_FOUND'> }> {
  const shop = await callerMerchant(ctx);
  if (!shop) return { error: fail('FORBIDDEN', '只有商家可以处理达人申请') };
  const app = await findApplication(ctx, id);
  if (!app) return { error: fail('NOT_FOUND', '没有这份申请') };
  if (app.merchantId !== shop._id) return { error: fail('FORBIDDEN', '这份申请不是你店铺的') };
  return { app, shop };
}

/** The program's screening criteria (programs/<merchantId> field koc.criteria), else the study's defaults. */
export async function criteriaOf(ctx: Ctx, merchantId: string): Promise<ScreeningCriteria> {
  const program = await getDoc<{ koc?: { criteria?: Partial<ScreeningCriteria> } }>(ctx, 'programs', merchantId);
  const c = program?.koc?.criteria;
  return c ? { ...DEFAULT_CRITERIA, ...c, categories: c.categories ?? DEFAULT_CRITERIA.categories } : DEFAULT_CRITERIA;
}

export interface MoveOptions {
  reason?: string;
  /** More fields written with the move. */
  set?: Record<string, unknown>;
  /** More single-document writes in the same transaction (the marker, a member). */
  also?: (tx: Transaction, app: ApplicationDoc) => Promise<void>;
}

/**
 * Moves the application from `from` to `to`: 'moved' when this call did it, 'already' when it
 * is in `to` already (a repeated call), 'stale' when it is elsewhere. The table is asked first.
 */
export async function moveApplication(
  ctx: Ctx,
  id: string,
  from: PipelineState,
  to: PipelineState,
  opts: MoveOptions = {},
): Promise<'moved' | 'already' | 'stale'> {
  if (!pipelineMachine.canMove(from, to)) throw new Error(`illegal koc application transition ${from} -> ${to}`);
  return ctx.db.runTransaction(async (tx) => {
    const app = await txGetDoc<ApplicationDoc>(tx, 'koc_applications', id);
    if (!app) return 'stale';
    if (app.state === to) return 'already';
    if (app.state !== from) return 'stale';
    const entry: HistoryEntry = { from, to, at: new Date(ctx.now()), ...(opts.reason ? { reason: opts.reason } : {}) };
    await tx
      .collection('koc_applications')
      .doc(id)
      .update({ data: { ...opts.set, state: to, history: [...(app.history ?? []), entry] } });
    await opts.also?.(tx, app);
    return 'moved';
  }, 10);
}

/** Inside a move to a final state: the program's marker no longer holds an open application (a rejection sets the cooldown). */
export async function closeMarkerTx(tx: Transaction, app: ApplicationDoc, reapplyAt: Date | null): Promise<void> {
  const id = markerId(app.merchantId, app.applicant);
  const m = await txGetDoc<OpenMarker>(tx, 'koc_open', id);
  if (!m || m.applicationId !== app._id) return;
  await tx
    .collection('koc_open')
    .doc(id)
    .update({ data: { open: false, reapplyAt } });
}

const NEXT: Record<PipelineState, string> = {
  applied: '等待商家初筛',
  screened: '初筛通过，等商家给出面试时间后选一个',
  interview: '按约定时间参加面试，等待评分',
  trial: '试用中：按目标发笔记、分享卡片',
  selected: '你已是这家店的初级达人',
  rejected: '这次没有通过',
  withdrawn: '你已撤回申请',
};

export function toView(app: ApplicationDoc, merchantName: string): ApplicationView {
  let next = NEXT[app.state];
  if (app.state === 'screened' && app.slots.length > 0) next = '请从商家给的面试时间里选一个';
  if (app.state === 'interview' && app.interview) next = '面试已评分，等待商家安排试用';
  return {
    id: app._id,
    merchantId: app.merchantId,
    merchantName,
    state: app.state,
    stateName: PIPELINE_NAMES[app.state],
    next,
    rejectReason: app.rejectReason,
    reapplyAt: app.reapplyAt ? new Date(app.reapplyAt).getTime() : null,
    slots: app.slots,
    pickedSlot: app.pickedSlot,
    trial: app.trial ? { productIds: app.trial.productIds, endsAt: app.trial.endsAt, goals: app.trial.goals } : null,
    createdAt: new Date(app.createdAt).getTime(),
  };
}
