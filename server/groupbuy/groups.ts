import type { GroupState } from '../../core/groupbuy-machines';
import type { Scene } from '../../core/timetable/model';
import type { Ctx } from '../context';
import { txGetDoc } from '../db/get-doc';
import type { Transaction } from '../db/types';

export interface CampaignDoc {
  _id: string;
  merchantId: string;
  productId: string;
  title: string;
  image: string;
  description: string;
  originalPriceFen: number;
  groupPriceFen: number;
  groupSize: number;
  groupHours: number;
  startAt: Date;
  endAt: Date;
  /** Units not yet set aside: a new group sets aside groupSize units, a finished one returns the unused. */
  stock: number;
  /**
   * Every unit the merchant ever put in (creation plus later changes): stock + groupSize x
   * (heldGroups) + groupSize x (groups whose stockState is sold) always equals it.
   */
  stocked?: number;
  perStudentLimit: number;
  /** A course team-buy's course ({courseId, roster} on campaigns made before timetables). */
  course: { name: string } | { courseId: string; roster: string[] } | null;
  leaderRewardFen: number;
  /** Scenes the campaign is for (the home card's picks); absent on older campaigns. */
  scenes?: Scene[];
  status: 'live' | 'closed';
  /** Units sold by succeeded groups, and how many groups succeeded (counted as each succeeds). */
  sold?: number;
  groupsFormed?: number;
  /** Groups holding stock now: added when a group sets its units aside, removed at release. */
  heldGroups: string[];
  createdAt: Date;
}

export interface GroupDoc {
  _id: string;
  campaignId: string;
  /** The campaign's product (groups made before this field name it only through the campaign). */
  productId?: string;
  merchantId: string;
  leader: string;
  size: number;
  /** Seats held; the seat and its order change in one atomic update with seatOrders. */
  taken: number;
  seatOrders: string[];
  paid: number;
  paidOrders: string[];
  deadline: Date;
  status: GroupState;
  failedReason?: 'deadline' | 'empty';
  /** A course team-buy's group: the leader's class (server/timetable/classmates.ts); only its classmates join. */
  courseKey?: string | null;
  /** true once every order of a finished group is confirmed or refunding and stock returned. */
  settled: boolean;
  /** What became of the group's units at release: sold (a succeeded group's, once) or returned. */
  stockState?: 'sold' | 'returned';
  createdAt: Date;
}

/** The course a campaign is for; campaigns made before timetables named only an id. */
export function courseNameOf(c: Pick<CampaignDoc, 'course'>): string | null {
  if (!c.course) return null;
  return 'name' in c.course ? c.course.name : c.course.courseId;
}

/**
 * Takes a seat for an order in one conditional update: only while the group is open, before
 * its deadline and not full (a group's size never changes). Never read-then-write.
 */
export async function takeSeat(ctx: Ctx, group: Pick<GroupDoc, '_id' | 'size'>, orderId: string): Promise<boolean> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('groups')
    .where({ _id: group._id, status: 'open', deadline: _.gt(new Date(ctx.now())), taken: _.lt(group.size), seatOrders: _.nin([orderId]) })
    .update({ data: { taken: _.inc(1), seatOrders: _.push([orderId]) } });
  return res.stats.updated === 1;
}

/** Gives an order's seat back, once (only if the order still holds it). */
export async function releaseSeat(ctx: Ctx, groupId: string, orderId: string): Promise<boolean> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('groups')
    .where({ _id: groupId, seatOrders: orderId })
    .update({ data: { taken: _.inc(-1), seatOrders: _.pull(orderId) } });
  return res.stats.updated === 1;
}

/** Inside a transaction: the order gives its seat back (if it still holds one). */
export async function releaseSeatTx(tx: Transaction, o: { _id: string; groupId: string }): Promise<void> {
  const g = await txGetDoc<GroupDoc>(tx, 'groups', o.groupId);
  if (!g?.seatOrders.includes(o._id)) return;
  const seatOrders = g.seatOrders.filter((x) => x !== o._id);
  await tx
    .collection('groups')
    .doc(g._id)
    .update({ data: { taken: seatOrders.length, seatOrders } });
}

/** Inside a transaction that read `g`: the order's held seat is paid. Returns the group as counted. */
export async function countPaymentTx(tx: Transaction, g: GroupDoc, orderId: string): Promise<GroupDoc> {
  const counted = { ...g, paid: g.paid + 1, paidOrders: [...g.paidOrders, orderId] };
  await tx
    .collection('groups')
    .doc(g._id)
    .update({ data: { paid: counted.paid, paidOrders: counted.paidOrders } });
  return counted;
}
