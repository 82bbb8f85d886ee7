// A new group sets aside groupSize units of stock, once, before the group exists. The campaign
// records each group that set stock aside (reservedGroups) and each whose stock went back
// (releasedGroups); a group already released can never reserve again, so a leader's request
// finished late after the sweep gave its stock back cannot take it a second time.
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import type { CampaignDoc, GroupDoc } from './groups';

export type OpenOutcome = 'ok' | 'SOLD_OUT' | 'CAMPAIGN_CLOSED' | 'GROUP_CLOSED';

export async function openGroup(ctx: Ctx, campaign: CampaignDoc, groupId: string, leader: string): Promise<OpenOutcome> {
  const _ = ctx.db.command;
  const size = campaign.groupSize;
  const reserved = await ctx.db
    .collection('campaigns')
    .where({ _id: campaign._id, status: 'live', stock: _.gte(size), reservedGroups: _.nin([groupId]), releasedGroups: _.nin([groupId]) })
    .update({ data: { stock: _.inc(-size), reservedGroups: _.push([groupId]) } });
  if (reserved.stats.updated === 0) {
    const c = (await getDoc<CampaignDoc>(ctx, 'campaigns', campaign._id)) as CampaignDoc;
    if (c.releasedGroups.includes(groupId)) return 'GROUP_CLOSED';
    if (!c.reservedGroups.includes(groupId)) return c.status === 'live' ? 'SOLD_OUT' : 'CAMPAIGN_CLOSED';
  }
  const now = ctx.now();
  const group: GroupDoc = {
    _id: groupId,
    campaignId: campaign._id,
    merchantId: campaign.merchantId,
    leader,
    size,
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
    if (!isDuplicateKeyError(e)) throw e; // made by an earlier try of the same request
  }
  return 'ok';
}

/**
 * Gives a finished group's unused stock back, once. Two ordered conditional updates: first a
 * group that never reserved is marked released (so it can never reserve later), then one that
 * reserved gets its units back. A reservation racing these lands before the first (then the
 * second returns it) or after it (then it is refused): stock is never lost or counted twice.
 */
export async function releaseGroupStock(ctx: Ctx, g: Pick<GroupDoc, '_id' | 'campaignId' | 'size' | 'status'>): Promise<void> {
  const _ = ctx.db.command;
  const campaigns = ctx.db.collection('campaigns');
  await campaigns
    .where({ _id: g.campaignId, reservedGroups: _.nin([g._id]), releasedGroups: _.nin([g._id]) })
    .update({ data: { releasedGroups: _.push([g._id]) } });
  const unsold = g.status === 'succeeded' ? 0 : g.size;
  await campaigns
    .where({ _id: g.campaignId, reservedGroups: g._id, releasedGroups: _.nin([g._id]) })
    .update({ data: { stock: _.inc(unsold), releasedGroups: _.push([g._id]) } });
}
