// A group moves along its table in a transaction that reads it, so the guard (every seat paid,
// nobody left, past the deadline) and the move are one decision, and its event is written in
// the same commit: group_succeeded pays the leader's reward, so it must never be lost.
import { type GroupState, groupMachine } from '../../core/groupbuy-machines';
import { countSoldTx } from '../catalog/sales';
import type { Ctx } from '../context';
import { txGetDoc } from '../db/get-doc';
import type { Transaction } from '../db/types';
import { recordEventTx } from '../events';
import type { CampaignDoc, GroupDoc } from './groups';

/** Inside a transaction that read `g`: moves it and writes its event. */
export async function moveGroupTx(tx: Transaction, ctx: Ctx, g: GroupDoc, to: Exclude<GroupState, 'open'>, extra: Record<string, unknown> = {}): Promise<void> {
  groupMachine.assertMove(g.status, to);
  const at = new Date(ctx.now());
  await tx
    .collection('groups')
    .doc(g._id)
    .update({ data: { ...extra, status: to, [to === 'succeeded' ? 'succeededAt' : 'failedAt']: at } });
  const base = { groupId: g._id, campaignId: g.campaignId, merchantId: g.merchantId, size: g.size };
  if (to === 'succeeded') {
    await recordEventTx(tx, ctx, `group_succeeded:${g._id}`, 'group_succeeded', base);
    // The merchant's lists count sales here, where a group succeeds exactly once.
    await countGroupSoldTx(tx, ctx, g);
  } else await recordEventTx(tx, ctx, `group_failed:${g._id}`, 'group_failed', { ...base, paid: g.paid });
}

/** Moves a group if it can still take that edge and `when` holds for what the transaction read. */
export async function moveGroup(
  ctx: Ctx,
  groupId: string,
  to: Exclude<GroupState, 'open'>,
  when: (g: GroupDoc) => boolean,
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  return ctx.db.runTransaction(async (tx) => {
    const g = await txGetDoc<GroupDoc>(tx, 'groups', groupId);
    if (!g || !groupMachine.canMove(g.status, to) || !when(g)) return false;
    await moveGroupTx(tx, ctx, g, to, extra);
    return true;
  }, 10);
}

/** Every seat paid. */
export const isFull = (g: GroupDoc) => g.paid >= g.size;

/** A succeeded group's units sold, on its campaign (with the groups formed) and its product. */
async function countGroupSoldTx(tx: Transaction, ctx: Ctx, g: GroupDoc): Promise<void> {
  const _ = ctx.db.command;
  // Groups made before they carried their product name it through their campaign.
  const productId = g.productId ?? (await txGetDoc<CampaignDoc>(tx, 'campaigns', g.campaignId))?.productId;
  await tx
    .collection('campaigns')
    .doc(g.campaignId)
    .update({ data: { sold: _.inc(g.size), groupsFormed: _.inc(1) } });
  if (productId) await countSoldTx(tx, ctx, productId, g.size);
}
