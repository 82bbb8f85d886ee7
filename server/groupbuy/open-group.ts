// A new group sets aside groupSize units of stock, once, before the group exists. The campaign
// lists the groups holding stock right now (heldGroups: bounded by stock / groupSize, never by
// history), so a reservation and its marker are one conditional update. A finished group's
// release takes it off the list and returns what it did not sell; the group records what became
// of its units (stockState), so a release repeated after a crash, or after a late retry of the
// leader's request reserved again, returns units and never sells twice.
import type { Ctx } from '../context';
import { getDoc, getDocsByIds, txGetDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import { type RunBudget, walkOn } from '../run-budget';
import type { CampaignDoc, GroupDoc } from './groups';

export type OpenOutcome = 'ok' | 'SOLD_OUT' | 'CAMPAIGN_CLOSED' | 'GROUP_CLOSED';

export async function openGroup(ctx: Ctx, campaign: CampaignDoc, groupId: string, leader: string, courseKey: string | null = null): Promise<OpenOutcome> {
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
    productId: campaign.productId,
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
    ...(courseKey ? { courseKey } : {}),
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
 * late retry that reserved again). One transaction reads the group and the campaign and writes
 * both, so whether the units are sold is decided on what is true at commit: a retry reserving
 * in between makes the transaction read it (or conflict and run again), never sell twice.
 */
export async function releaseGroupStock(ctx: Ctx, g: Pick<GroupDoc, '_id' | 'campaignId'>): Promise<void> {
  const _ = ctx.db.command;
  await ctx.db.runTransaction(async (tx) => {
    const group = await txGetDoc<GroupDoc>(tx, 'groups', g._id);
    const campaign = await txGetDoc<CampaignDoc>(tx, 'campaigns', g.campaignId);
    if (!group || !campaign || group.status === 'open') return;
    const held = (campaign.heldGroups ?? []).includes(group._id);
    const sells = group.status === 'succeeded' && group.stockState !== 'sold';
    if (held)
      await tx
        .collection('campaigns')
        .doc(campaign._id)
        .update({ data: { stock: _.inc(sells ? 0 : group.size), heldGroups: _.pull(group._id) } });
    // Not held and never released: it never reserved (a tombstone) or an older release left it.
    const state = group.stockState === 'sold' || sells ? 'sold' : 'returned';
    if (group.stockState !== state)
      await tx
        .collection('groups')
        .doc(group._id)
        .update({ data: { stockState: state } });
  }, 10);
}

/**
 * Reconciler: stock held by a group that has ended and settled (a late retry that died after
 * reserving again) goes back. Walks campaigns a page at a time from where the last run stopped;
 * per page one read of the held groups. Also moves a campaign of the older shape (lists of every
 * group ever reserved and released) to heldGroups, once.
 */
export async function reconcileHeldStock(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  let released = 0;
  await walkOn(
    budget,
    (await getDoc<{ id: string }>(ctx, 'sweep_state', 'held_stock'))?.id ?? '',
    async (size, after) => {
      const { data } = await ctx.db
        .collection<CampaignDoc & { reservedGroups?: string[]; releasedGroups?: string[] }>('campaigns')
        .where({ _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(size)
        .get();
      for (const c of data) if (c.reservedGroups) await migrate(ctx, c);
      const held = data.flatMap((c) => c.heldGroups ?? []);
      const groups = await getDocsByIds<GroupDoc>(ctx, 'groups', held);
      for (const g of groups.values())
        if (g.settled) {
          await releaseGroupStock(ctx, g);
          released++;
        }
      return { last: data.at(-1)?._id ?? null, n: data.length };
    },
    async (id) => {
      await ctx.db.collection('sweep_state').doc('held_stock').set({ data: { id } });
    },
  );
  return released;
}

/** heldGroups from the older lists (reserved and not released), and the old lists removed. */
async function migrate(ctx: Ctx, c: CampaignDoc & { reservedGroups?: string[]; releasedGroups?: string[] }): Promise<void> {
  const _ = ctx.db.command;
  const released = new Set(c.releasedGroups ?? []);
  const held = [...new Set([...(c.heldGroups ?? []), ...(c.reservedGroups ?? []).filter((id) => !released.has(id))])];
  // Only if nothing changed the lists since they were read (an open pushing meanwhile waits a run).
  await ctx.db
    .collection('campaigns')
    .where({ _id: c._id, reservedGroups: _.size((c.reservedGroups ?? []).length), heldGroups: c.heldGroups ? _.size(c.heldGroups.length) : _.exists(false) })
    .update({ data: { heldGroups: held, reservedGroups: _.remove(), releasedGroups: _.remove() } });
}
