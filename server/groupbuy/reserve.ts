// groupbuy.open / groupbuy.join: a seat for the caller, reserved before payment. Intent first:
// the order is written first ('reserving', under an id made from the caller, the request id and
// the target, with the one-seat-per-student key), then each step is a conditional update keyed
// by that order, safe to repeat: a unit of the student's limit, for a leader the group's stock
// and the group, the seat, and last 'created' with its event in one transaction. Retrying the
// same request finishes a half-made order; one nobody retries is cancelled by the sweep a
// minute later, which gives back whatever it took.

import type { CodeOf } from '../../core/contracts/codes';
import type { FulfilmentInput } from '../../core/contracts/fulfilment';
import { campaignIsLive, SEAT_PAYMENT_MINUTES } from '../../core/groupbuy';
import { type Fail, fail, ok } from '../../core/result';
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import { hashId } from '../db/hash-id';
import { isDuplicateKeyError } from '../db/types';
import { orderEventFields, recordEventTx } from '../events';
import { cancelOrder } from '../orders/order-end';
import { findOrder, insertOrder, liveMemberKey, type OrderDoc, orderMoves, updateOrderTx } from '../orders/orders';
import { takeLimit } from '../orders/purchase-limits';
import { type BindingDoc, bindingId } from '../sharing/share';
import { myCourseKeys } from '../timetable/classmates';
import { chooseFulfilment, findShop } from '../users/merchants';
import { type CampaignDoc, courseNameOf, type GroupDoc, takeSeat } from './groups';
import { openGroup } from './open-group';
import { releaseDeadHolds } from './reconcile';

/** Why a reservation ended, as the caller hears it (also for a retry of an ended request). */
const REFUSALS = {
  GROUP_FULL: '这个团已满或已结束，换一个团或自己开团吧',
  GROUP_CLOSED: '这个团已结束，换一个团或自己开团吧',
  SOLD_OUT: '库存不足，暂时不能开团',
  CAMPAIGN_CLOSED: '活动未开始或已结束',
  LIMIT_REACHED: '已达到每人限购数量',
  UNPAID_GROUP: '你还有一个开了没付款的团，先去付款或等它过期再开新团',
  SEAT_EXPIRED: '座位已过期，请重新参团',
} as const satisfies Partial<Record<CodeOf<'groupbuy'>, string>>;
type Refusal = keyof typeof REFUSALS;
const isRefusal = (code: string): code is Refusal => Object.hasOwn(REFUSALS, code);
const refusal = (code: string) => (isRefusal(code) ? fail(code, REFUSALS[code]) : fail('GROUP_FULL', REFUSALS.GROUP_FULL));

/** The caller's binding with this merchant, copied onto the order (who brought this sale). */
export async function bindingForOrder(ctx: Ctx, merchantId: string): Promise<OrderDoc['binding']> {
  const b = await getDoc<BindingDoc>(ctx, 'bindings', bindingId(merchantId, ctx.openid));
  if (!b || new Date(b.expiresAt).getTime() <= ctx.now()) return null;
  return { sharer: b.sharer, code: b.code, channel: b.channel, reason: b.reason };
}

function refuseReason(ctx: Ctx, campaign: CampaignDoc): Fail<Refusal> | null {
  if (!campaignIsLive({ status: campaign.status, startAt: new Date(campaign.startAt).getTime(), endAt: new Date(campaign.endAt).getTime() }, ctx.now())) {
    return refusal('CAMPAIGN_CLOSED');
  }
  return null;
}

/**
 * A course team-buy: the leader must have the course in their (consented) timetable and the
 * group becomes that class's; a joiner must have the same class (term, course, weekday, first
 * section). Answers the leader's class key, or a refusal.
 */
async function courseCheck(ctx: Ctx, campaign: CampaignDoc, group: GroupDoc | null): Promise<{ key: string | null } | Fail<'NOT_ELIGIBLE'>> {
  const name = courseNameOf(campaign);
  if (!name || !campaign.course) return { key: null };
  // A campaign made before timetables keeps its roster (the merchant's list of students).
  if ('roster' in campaign.course)
    return campaign.course.roster.includes(ctx.openid) ? { key: null } : fail('NOT_ELIGIBLE', `这是「${name}」课程专属拼团，只有名单上的同学可以参加`);
  const keys = await myCourseKeys(ctx, name);
  if (keys.length === 0) return fail('NOT_ELIGIBLE', `这是「${name}」同课拼团：在课表里有这门课的同学才能参加，先导入课表吧`);
  if (!group) return { key: keys[0] };
  if (!group.courseKey || !keys.includes(group.courseKey))
    return fail('NOT_ELIGIBLE', `这个团是另一个「${name}」上课班级的，只有同一时间上这门课的同学可以参加；你可以自己开一个同课团`);
  return { key: null };
}

export async function reserve(ctx: Ctx, input: { requestId: string; campaignId?: string; groupId?: string; shareCode?: string; fulfilment?: FulfilmentInput }) {
  // The target is part of the id: a request id reused for another group or campaign is another intent.
  const orderId = hashId(ctx.openid, input.requestId, input.groupId ? `join:${input.groupId}` : `open:${input.campaignId ?? ''}`);
  const existing = await findOrder(ctx, orderId);
  if (existing) {
    if (existing.buyer !== ctx.openid) throw new Error('order id collision');
    if (existing.status === 'cancelled') return refusal(existing.cancelReason ?? 'GROUP_FULL');
    if (existing.status !== 'reserving') return ok({ groupId: existing.groupId, orderId });
    return finish(ctx, existing);
  }
  const now = ctx.now();
  let group: GroupDoc | null = null;
  let campaign: CampaignDoc | null;
  if (input.groupId) {
    group = await getDoc<GroupDoc>(ctx, 'groups', input.groupId);
    if (!group) return fail('NOT_FOUND', '没有这个团');
    if (group.status !== 'open' || new Date(group.deadline).getTime() <= now) return refusal('GROUP_CLOSED');
    campaign = await getDoc<CampaignDoc>(ctx, 'campaigns', group.campaignId);
  } else {
    campaign = await getDoc<CampaignDoc>(ctx, 'campaigns', input.campaignId ?? '');
  }
  if (!campaign) return fail('NOT_FOUND', '没有这个拼团活动');
  const refused = refuseReason(ctx, campaign);
  if (refused) return refused;
  const course = await courseCheck(ctx, campaign, group);
  if ('ok' in course) return course;
  // How the seat's unit reaches the buyer: the shop's point or delivery, checked against the shop.
  const chosen = chooseFulfilment(await findShop(ctx, campaign.merchantId), input.fulfilment, false);
  if (!chosen.ok) return fail('NO_FULFILMENT', chosen.message);

  const groupId = group?._id ?? `g${orderId.slice(0, 31)}`;
  const order: OrderDoc = {
    _id: orderId,
    buyer: ctx.openid,
    merchantId: campaign.merchantId,
    kind: 'group',
    campaignId: campaign._id,
    groupId,
    productId: campaign.productId,
    ...(course.key ? { courseKey: course.key } : {}),
    title: campaign.title,
    image: campaign.image,
    unitPriceFen: campaign.groupPriceFen,
    quantity: 1,
    amountFen: campaign.groupPriceFen,
    totalFen: campaign.groupPriceFen,
    refundedFen: 0,
    status: 'reserving',
    money: 'unpaid',
    openRefund: null,
    memberKey: liveMemberKey(groupId, ctx.openid),
    seatExpiresAt: new Date(now + SEAT_PAYMENT_MINUTES * 60_000),
    binding: await bindingForOrder(ctx, campaign.merchantId),
    leader: !group,
    fulfilment: chosen.fulfilment,
    history: [],
    createdAt: new Date(now),
    ...(input.shareCode ? { shareCode: input.shareCode } : {}),
  };
  try {
    await insertOrder(ctx, order);
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    // The same request racing itself finishes the one order; another order in this group is a second seat.
    const again = await findOrder(ctx, orderId);
    if (again) return reserve(ctx, input);
    return fail('ALREADY_JOINED', '你已经在这个团里了');
  }
  return finish(ctx, order, campaign);
}

/** The steps after the order exists, each keyed by it and safe to repeat. */
async function finish(ctx: Ctx, order: OrderDoc, known?: CampaignDoc) {
  const campaign = known ?? (await getDoc<CampaignDoc>(ctx, 'campaigns', order.campaignId));
  if (!campaign) throw new Error(`campaign ${order.campaignId} of order ${order._id} is gone`);
  const taken = await takeLimit(ctx, campaign, order.buyer, order._id, order.leader);
  if (taken !== 'ok') return end(ctx, order, taken);
  let size = campaign.groupSize;
  if (order.leader) {
    const opened = await openGroup(ctx, campaign, order.groupId, order.buyer, order.courseKey ?? null);
    if (opened !== 'ok') return end(ctx, order, opened);
  } else {
    size = (await getDoc<GroupDoc>(ctx, 'groups', order.groupId))?.size ?? size;
  }
  if (!(await takeSeat(ctx, { _id: order.groupId, size }, order._id))) return end(ctx, order, order.leader ? 'GROUP_CLOSED' : 'GROUP_FULL');
  const made = await ctx.db.runTransaction(async (tx) => {
    const o = await txGetDoc<OrderDoc>(tx, 'orders', order._id);
    if (o?.status !== 'reserving') return o?.status ?? null;
    await updateOrderTx(tx, o._id, orderMoves(o, { status: 'created' }, new Date(ctx.now()), ctx.openid));
    await recordEventTx(tx, ctx, `order_created:${o._id}`, 'order_created', { ...orderEventFields(o), campaignId: o.campaignId });
    return 'created';
  }, 10);
  // The sweep cancelled it meanwhile (it took too long): what was taken after that goes back.
  if (made === 'cancelled') return end(ctx, order, 'GROUP_CLOSED');
  return ok({ groupId: order.groupId, orderId: order._id });
}

/** Cancels the half-made order (giving back seat and limit) and says why. */
async function end(ctx: Ctx, order: OrderDoc, code: string) {
  await cancelOrder(ctx, order._id, ['reserving'], code, '');
  // Already cancelled by someone else: a seat or unit taken after that is given back here.
  await releaseDeadHolds(ctx, order);
  const now = await findOrder(ctx, order._id);
  return refusal(now?.cancelReason ?? code);
}
