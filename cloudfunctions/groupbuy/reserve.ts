// groupbuy.open / groupbuy.join: a seat for the caller, reserved before payment. The order is
// written first (it carries the request id and the one-seat-per-student key), then the seat
// is taken with a conditional atomic update; a crash in between leaves a 'reserving' order
// that the sweep cancels a minute later.
import { createHash } from 'node:crypto';
import { campaignIsLive, eligibleForCourse, SEAT_PAYMENT_MINUTES } from '../../core/groupbuy';
import { fail, ok } from '../../core/result';
import type { Ctx } from '../../server/context';
import { getDoc } from '../../server/db/get-doc';
import { isDuplicateKeyError } from '../../server/db/types';
import { orderEventFields, recordEvent } from '../../server/repos/events';
import { type CampaignDoc, type GroupDoc, takeSeat } from '../../server/repos/groupbuy';
import { endedMemberKey, findOrder, liveMemberKey, type OrderDoc, transition } from '../../server/repos/orders';
import { type BindingDoc, bindingId } from '../../server/repos/share';

const LIVE_STATES = ['reserving', 'created', 'paid', 'awaiting_group', 'confirmed', 'shipped', 'ready_for_pickup', 'completed', 'partially_refunded'];

const hashId = (...parts: string[]) => createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 32);

/** The caller's binding with this merchant, copied onto the order (who brought this sale). */
async function bindingForOrder(ctx: Ctx, merchantId: string): Promise<OrderDoc['binding']> {
  const b = await getDoc<BindingDoc>(ctx, 'bindings', bindingId(merchantId, ctx.openid));
  if (!b || new Date(b.expiresAt).getTime() <= ctx.now()) return null;
  return { sharer: b.sharer, code: b.code, channel: b.channel, reason: b.reason };
}

async function refuseReason(ctx: Ctx, campaign: CampaignDoc): Promise<ReturnType<typeof fail> | null> {
  const now = ctx.now();
  if (!campaignIsLive({ status: campaign.status, startAt: new Date(campaign.startAt).getTime(), endAt: new Date(campaign.endAt).getTime() }, now)) {
    return fail('CAMPAIGN_CLOSED', '活动未开始或已结束');
  }
  if (!eligibleForCourse(campaign.course, ctx.openid)) return fail('NOT_ELIGIBLE', '这是课程专属拼团，只有选了这门课的同学可以参加');
  const _ = ctx.db.command;
  const mine = await ctx.db
    .collection('orders')
    .where({ buyer: ctx.openid, campaignId: campaign._id, status: _.in(LIVE_STATES) })
    .count();
  if (mine.total >= campaign.perStudentLimit) return fail('LIMIT_REACHED', `每人限购 ${campaign.perStudentLimit} 件`);
  return null;
}

export async function reserve(ctx: Ctx, input: { requestId: string; campaignId?: string; groupId?: string; shareCode?: string }) {
  const orderId = hashId(ctx.openid, input.requestId);
  const existing = await findOrder(ctx, orderId);
  if (existing) {
    if (existing.buyer !== ctx.openid) throw new Error('order id collision');
    if (existing.status === 'cancelled') return fail('GROUP_FULL', '这个团已满或已结束，换一个团或自己开团吧');
    return ok({ groupId: existing.groupId, orderId });
  }
  const now = ctx.now();
  let group: GroupDoc | null = null;
  let campaign: CampaignDoc | null;
  if (input.groupId) {
    group = await getDoc<GroupDoc>(ctx, 'groups', input.groupId);
    if (!group) return fail('NOT_FOUND', '没有这个团');
    if (group.status !== 'open' || new Date(group.deadline).getTime() <= now) return fail('GROUP_CLOSED', '这个团已结束');
    campaign = await getDoc<CampaignDoc>(ctx, 'campaigns', group.campaignId);
  } else {
    campaign = await getDoc<CampaignDoc>(ctx, 'campaigns', input.campaignId ?? '');
  }
  if (!campaign) return fail('NOT_FOUND', '没有这个拼团活动');
  const refused = await refuseReason(ctx, campaign);
  if (refused) return refused;

  const groupId = group?._id ?? `g${orderId.slice(0, 31)}`;
  const order: OrderDoc = {
    _id: orderId,
    buyer: ctx.openid,
    merchantId: campaign.merchantId,
    campaignId: campaign._id,
    groupId,
    productId: campaign.productId,
    title: campaign.title,
    image: campaign.image,
    unitPriceFen: campaign.groupPriceFen,
    quantity: 1,
    amountFen: campaign.groupPriceFen,
    totalFen: campaign.groupPriceFen,
    refundedFen: 0,
    status: 'reserving',
    memberKey: liveMemberKey(groupId, ctx.openid),
    seatExpiresAt: new Date(now + SEAT_PAYMENT_MINUTES * 60_000),
    binding: await bindingForOrder(ctx, campaign.merchantId),
    leader: !group,
    history: [],
    createdAt: new Date(now),
    ...(input.shareCode ? { shareCode: input.shareCode } : {}),
  };
  try {
    await ctx.db.collection('orders').add({ data: order });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    const again = await findOrder(ctx, orderId);
    if (again) return ok({ groupId: again.groupId, orderId });
    return fail('ALREADY_JOINED', '你已经在这个团里了');
  }

  if (!group) {
    const opened = await openGroup(ctx, campaign, groupId, now);
    if (!opened) {
      await transition(ctx, orderId, 'reserving', 'cancelled', 'system', { memberKey: endedMemberKey(orderId), cancelReason: 'SOLD_OUT' });
      return fail('SOLD_OUT', '库存不足，暂时不能开团');
    }
    group = opened;
  }
  if (!(await takeSeat(ctx, group, orderId))) {
    await transition(ctx, orderId, 'reserving', 'cancelled', 'system', { memberKey: endedMemberKey(orderId), cancelReason: 'GROUP_FULL' });
    return fail('GROUP_FULL', '这个团已满或已结束，换一个团或自己开团吧');
  }
  await transition(ctx, orderId, 'reserving', 'created', ctx.openid);
  await recordEvent(ctx, 'order_created', { ...orderEventFields(order), campaignId: campaign._id });
  return ok({ groupId, orderId });
}

/**
 * Sets aside groupSize units of stock for a new group (once per group: the campaign records
 * it), then creates the group. Both steps are safe to repeat with the same group id.
 */
async function openGroup(ctx: Ctx, campaign: CampaignDoc, groupId: string, now: number): Promise<GroupDoc | null> {
  const _ = ctx.db.command;
  const reserved = await ctx.db
    .collection('campaigns')
    .where({ _id: campaign._id, stock: _.gte(campaign.groupSize), reservedGroups: _.nin([groupId]) })
    .update({ data: { stock: _.inc(-campaign.groupSize), reservedGroups: _.push([groupId]) } });
  if (reserved.stats.updated === 0) {
    const already = await ctx.db.collection('campaigns').where({ _id: campaign._id, reservedGroups: groupId }).count();
    if (already.total === 0) return null;
  }
  const group: GroupDoc = {
    _id: groupId,
    campaignId: campaign._id,
    merchantId: campaign.merchantId,
    leader: ctx.openid,
    size: campaign.groupSize,
    taken: 0,
    seatOrders: [],
    paid: 0,
    paidOrders: [],
    deadline: new Date(now + campaign.groupHours * 3_600_000),
    status: 'open',
    settled: false,
    createdAt: new Date(now),
  };
  try {
    await ctx.db.collection('groups').add({ data: group });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
  return group;
}
