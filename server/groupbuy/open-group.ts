// A new group sets aside groupSize units of stock, once, before the group exists. The campaign
// lists the groups holding stock right now (heldGroups: bounded by stock / groupSize, never by
// history), so a reservation and its marker are one conditional update. A finished group's
// release takes it off the list and returns what it did not sell; the group records what became
// of its units (stockState), so a release repeated after a crash, or after a late retry of the
// leader's request reserved again, returns units and never sells twice.
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
    .where({ _id: campaign._id, status: 'live', stock: _.gte(size), heldGroups: _.nin([groupId]) })
    .update({ data: { stock: _.inc(-size), heldGroups: _.push([groupId]) } });
  if (reserved.stats.updated === 0) {
    const c = (await getDoc<CampaignDoc>(ctx, 'campaigns', campaign._id)) as CampaignDoc;
    // Not held by this group: a retry of a group that already ended, or no stock or campaign left.
    if (!(c.heldGroups ?? []).includes(groupId)) {
      if (await getDoc(ctx, 'groups', groupId)) return 'GROUP_CLOSED';
      return c.status === 'live' ? 'SOLD_OUT' : 'CAMPAIGN_CLOSED';
    }
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
    if (!isDuplicateKeyError(e)) throw e;
    // Made by an earlier try of the same request; if that group has ended meanwhile (the
    // sweep gave its stock back), what this try just set aside goes back at once.
    const made = await getDoc<GroupDoc>(ctx, 'groups', groupId);
    if (made && made.status !== 'open') {
      await releaseGroupStock(ctx, made);
      return 'GROUP_CLOSED';
    }
  }
  return 'ok';
}

/**
 * Gives a finished group's stock back, once: a failed group's units all return; a succeeded
 * group's units are sold the first time (nothing returns) and return on any later release (a
 * late retry that reserved again). The group's stockState says which happened, written after
 * the campaign's conditional update and again on every later run, so a crash in between is
 * finished by the next settle.
 */
export async function releaseGroupStock(ctx: Ctx, g: Pick<GroupDoc, '_id' | 'campaignId' | 'size' | 'status'>): Promise<void> {
  const _ = ctx.db.command;
  const current = await getDoc<GroupDoc>(ctx, 'groups', g._id);
  const sells = g.status === 'succeeded' && current?.stockState !== 'sold';
  await ctx.db
    .collection('campaigns')
    .where({ _id: g.campaignId, heldGroups: g._id })
    .update({ data: { stock: _.inc(sells ? 0 : g.size), heldGroups: _.pull(g._id) } });
  if (current && current.stockState !== 'sold')
    await ctx.db
      .collection('groups')
      .where({ _id: g._id, stockState: _.neq('sold') })
      .update({ data: { stockState: g.status === 'succeeded' ? 'sold' : 'returned' } });
}
