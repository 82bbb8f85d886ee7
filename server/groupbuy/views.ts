// What students see of campaigns and groups: real seats and real members only (no virtual
// fill, no invented counts), nicknames and avatars but never openids.

import type { CampaignCard, CampaignDetail, GroupView } from '../../core/contracts/groupbuy';
import { seatsLeft } from '../../core/groupbuy';
import { MEMBER_STATES, PAID_MONEY } from '../../core/order-machine';
import type { ProductDoc } from '../catalog/products';
import type { Ctx } from '../context';
import type { OrderDoc } from '../orders/orders';
import { classmatesCount } from '../timetable/classmates';
import { merchantName, merchantsById } from '../users/merchants';
import { findUsers } from '../users/users';
import { type CampaignDoc, courseNameOf, type GroupDoc } from './groups';

export function toCampaignCard(c: CampaignDoc, merchantName: string): CampaignCard {
  return {
    id: c._id,
    productId: c.productId,
    title: c.title,
    image: c.image,
    groupPriceFen: c.groupPriceFen,
    originalPriceFen: c.originalPriceFen,
    groupSize: c.groupSize,
    groupHours: c.groupHours,
    endAt: new Date(c.endAt).getTime(),
    stock: c.stock,
    merchantName,
    courseName: courseNameOf(c),
  };
}

/** Campaigns as cards: the shops they name are read in one query, not one per card. */
export async function toCampaignCards(ctx: Ctx, campaigns: CampaignDoc[]): Promise<CampaignCard[]> {
  const merchants = await merchantsById(
    ctx,
    campaigns.map((c) => c.merchantId),
  );
  return campaigns.map((c) => toCampaignCard(c, merchants.get(c.merchantId)?.name ?? ''));
}

export async function campaignDetail(ctx: Ctx, c: CampaignDoc): Promise<CampaignDetail> {
  const _ = ctx.db.command;
  const { data: groups } = await ctx.db
    .collection<GroupDoc>('groups')
    .where({ campaignId: c._id, status: 'open', deadline: _.gt(new Date(ctx.now())) })
    .orderBy('deadline', 'asc')
    .limit(20)
    .get();
  const withSeats = groups.filter((x) => seatsLeft(x) > 0);
  const leaders = await findUsers(
    ctx,
    withSeats.map((g) => g.leader),
  );
  const open = withSeats.map((g) => ({
    id: g._id,
    leaderNickname: leaders.get(g.leader)?.nickname ?? '同学',
    seatsLeft: seatsLeft(g),
    size: g.size,
    deadline: new Date(g.deadline).getTime(),
  }));
  const product = (await ctx.db.collection<ProductDoc>('products').where({ _id: c.productId }).limit(1).get()).data[0];
  return {
    ...toCampaignCard(c, await merchantName(ctx, c.merchantId)),
    description: product?.description ?? '',
    perStudentLimit: c.perStudentLimit,
    openGroups: open,
  };
}

export async function groupView(ctx: Ctx, g: GroupDoc, c: CampaignDoc): Promise<GroupView> {
  const _ = ctx.db.command;
  const { data: orders } = await ctx.db
    .collection<OrderDoc>('orders')
    .where(_.and({ groupId: g._id }, _.or({ status: _.in([...MEMBER_STATES]) }, { money: _.in([...PAID_MONEY]) })))
    .orderBy('createdAt', 'asc')
    .limit(10)
    .get();
  const users = await findUsers(
    ctx,
    orders.map((o) => o.buyer),
  );
  const members: GroupView['members'] = orders.map((o) => {
    const u = users.get(o.buyer);
    const paid = g.paidOrders.includes(o._id);
    const money = o.money === 'refunded' || o.money === 'refunding' ? o.money : o.money === 'unpaid' ? 'unpaid' : 'paid';
    return { nickname: u?.nickname ?? '同学', avatarUrl: u?.avatarUrl ?? '', paid, leader: o.leader, money };
  });
  const mine = orders.find((o) => o.buyer === ctx.openid) ?? null;
  return {
    id: g._id,
    campaignId: c._id,
    title: c.title,
    image: c.image,
    groupPriceFen: c.groupPriceFen,
    size: g.size,
    taken: g.taken,
    paid: g.paid,
    seatsLeft: seatsLeft(g),
    deadline: new Date(g.deadline).getTime(),
    state: g.status,
    members,
    myOrderId: mine?._id ?? null,
    myOrderState: mine?.status ?? null,
    myOrderMoney: mine?.money ?? null,
    course: g.courseKey ? { name: courseNameOf(c) ?? '', classmates: await classmatesCount(ctx, g.courseKey) } : null,
    serverNow: ctx.now(),
  };
}
