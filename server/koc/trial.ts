// The trial: time-bound, its goals and products fixed when it starts (a second start with other
// goals is refused and changes nothing; the same start repeated finishes what a first try left),
// each product issued to the applicant as a ¥0 order through the orders domain, and measured
// from Sprout's own events (opens and orders through the applicant's share cards for this shop)
// plus the notes behind TrialNoteMetrics.
import type { KocResults, kocInput } from '../../core/contracts/koc';
import { type TrialFigures, trialScore } from '../../core/koc-pipeline';
import { fail, ok } from '../../core/result';
import type { StockedProduct } from '../catalog/stock';
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';
import { issueTrialOrder } from '../orders/trial-orders';
import { callerMerchant } from '../users/merchants';
import { notesAbout } from './note-metrics';
import { type ApplicationDoc, findApplication, moveApplication, shopApplication } from './store';

type StartInput = import('zod').output<typeof kocInput.startTrial>;

/** A trial runs at least a day and at most 60 days. */
const MIN_TRIAL_MS = 86_400_000;
const MAX_TRIAL_MS = 60 * 86_400_000;

const sameTrial = (t: NonNullable<ApplicationDoc['trial']>, input: StartInput) =>
  t.endsAt === input.endsAt &&
  t.goals.notes === input.goals.notes &&
  t.goals.orders === input.goals.orders &&
  t.productIds.length === new Set(input.productIds).size &&
  input.productIds.every((p) => t.productIds.includes(p));

export async function startTrial(ctx: Ctx, input: StartInput) {
  const found = await shopApplication(ctx, input.applicationId);
  if ('error' in found) return found.error;
  const { app, shop } = found;
  if (app.state === 'trial' && app.trial) {
    if (!sameTrial(app.trial, input)) return fail('BAD_STATE', '试用已经开始，目标、商品和结束时间都不能再改');
    return issueAll(ctx, app, app.trial.productIds);
  }
  if (app.state !== 'interview') return fail('BAD_STATE', '只有面试后的申请可以开始试用');
  if (!app.interview) return fail('BAD_STATE', '请先给面试打分，再开始试用');
  const now = ctx.now();
  if (input.endsAt < now + MIN_TRIAL_MS) return fail('INVALID_INPUT', '试用结束时间至少要在一天以后');
  if (input.endsAt > now + MAX_TRIAL_MS) return fail('INVALID_INPUT', '试用最长 60 天');
  const productIds = [...new Set(input.productIds)];
  const products = await getDocsByIds<StockedProduct>(ctx, 'products', productIds);
  for (const id of productIds) {
    const p = products.get(id);
    if (!p || p.merchantId !== shop._id || p.status !== 'on_sale') return fail('INVALID_INPUT', '试用商品要是本店在售的商品');
    if (p.stock < 1) return fail('BAD_STATE', `“${p.title}”没有库存了，补货后再开始试用`);
  }
  const trial = { productIds, endsAt: input.endsAt, goals: input.goals, startedAt: now };
  const moved = await moveApplication(ctx, app._id, 'interview', 'trial', { set: { trial } });
  if (moved !== 'moved') {
    // Another start got there first: the same trial is this call repeated, any other is refused.
    const again = await findApplication(ctx, app._id);
    if (again?.state === 'trial' && again.trial && sameTrial(again.trial, input)) return issueAll(ctx, again, again.trial.productIds);
    return fail('BAD_STATE', again?.state === 'trial' ? '试用已经开始，目标、商品和结束时间都不能再改' : '申请状态刚刚变了，请刷新');
  }
  return issueAll(ctx, app, productIds);
}

/** Issues each trial product's ¥0 order (each idempotent); a product out of stock is retried by starting again. */
async function issueAll(ctx: Ctx, app: ApplicationDoc, productIds: string[]) {
  const orderIds: string[] = [];
  for (const productId of productIds) {
    const r = await issueTrialOrder(ctx, { applicationId: app._id, productId, buyer: app.applicant, merchantId: app.merchantId });
    if (!r.ok) return fail('BAD_STATE', r.reason === 'SOLD_OUT' ? '试用已开始，但有商品没有库存了：补货后再点一次开始试用' : '试用商品已下架');
    orderIds.push(r.orderId);
  }
  return ok<KocResults['startTrial']>({ applicationId: app._id, orderIds });
}

const METRIC_TYPES = ['open', 'order_paid', 'refund_succeeded'];

/** The trial's figures so far (the merchant's or the applicant's view). */
export async function trialMetrics(ctx: Ctx, applicationId: string) {
  const app = await findApplication(ctx, applicationId);
  if (!app) return fail('NOT_FOUND', '没有这份申请');
  if (app.applicant !== ctx.openid) {
    const shop = await callerMerchant(ctx);
    if (!shop || shop._id !== app.merchantId) return fail('FORBIDDEN', '只能查看自己店铺的试用');
  }
  if (!app.trial) return fail('BAD_STATE', '试用还没有开始');
  const { startedAt, endsAt, goals, productIds } = app.trial;
  const to = Math.min(ctx.now(), endsAt);
  const _ = ctx.db.command;
  const $ = _.aggregate;
  // One aggregate over the applicant's card events for this shop in the window (index sharer_type).
  const { list } = await ctx.db
    .collection('events')
    .aggregate()
    .match({
      sharer: app.applicant,
      type: _.in(METRIC_TYPES),
      merchantId: app.merchantId,
      at: _.gte(new Date(startedAt)).and(_.lte(new Date(to))),
    })
    .group({ _id: '$type', n: $.sum(1), visitors: $.addToSet('$openid') })
    .limit(METRIC_TYPES.length)
    .end();
  const byType = new Map(list.map((r) => [r._id as string, r as { n: number; visitors: string[] }]));
  const notes = await notesAbout(ctx, app.applicant, productIds, startedAt, to);
  const figures: TrialFigures = {
    cardViews: byType.get('open')?.n ?? 0,
    uniqueVisitors: (byType.get('open')?.visitors ?? []).filter((v) => v && v !== app.applicant).length,
    orders: byType.get('order_paid')?.n ?? 0,
    refunds: byType.get('refund_succeeded')?.n ?? 0,
    notes: notes.notes,
    likes: notes.likes,
    comments: notes.comments,
    collects: notes.collects,
    shares: notes.shares,
  };
  return ok<KocResults['trialMetrics']>({ figures, goals, score: trialScore(goals, figures), notesCounted: notes.counted });
}
