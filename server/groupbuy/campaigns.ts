// A merchant's campaigns: made once per request id, changed (price and end for new groups,
// stock conditionally) and closed. The merchant function checks the caller runs the shop.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { merchantInput } from '../../core/contracts/groupbuy';
import type { MerchantDoc, ProductDoc } from '../catalog/products';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import type { CampaignDoc } from './groups';

/** Makes the campaign for this request (the same request again finds it made); returns its id. */
export async function createCampaign(
  ctx: Ctx,
  merchant: MerchantDoc,
  product: ProductDoc,
  input: z.output<typeof merchantInput.createCampaign>,
): Promise<string> {
  const { requestId, ...fields } = input;
  const id = `c${createHash('sha256').update(`${merchant._id}|${requestId}`).digest('hex').slice(0, 23)}`;
  const doc: CampaignDoc = {
    _id: id,
    merchantId: merchant._id,
    productId: product._id,
    title: product.title,
    image: product.images[0] ?? '',
    description: product.description,
    originalPriceFen: product.priceFen,
    groupPriceFen: fields.groupPriceFen,
    groupSize: fields.groupSize,
    groupHours: fields.groupHours,
    startAt: new Date(fields.startAt),
    endAt: new Date(fields.endAt),
    stock: fields.stock,
    stocked: fields.stock,
    perStudentLimit: fields.perStudentLimit,
    course: fields.course,
    leaderRewardFen: fields.leaderRewardFen,
    status: 'live',
    heldGroups: [],
    createdAt: new Date(ctx.now()),
  };
  try {
    await ctx.db.collection('campaigns').add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e; // the same request again: already created
  }
  return id;
}

/**
 * New groups get the new price and end (orders keep their price); the stock changes as in
 * setStock. False when the stock kept changing under us.
 */
export async function updateCampaign(ctx: Ctx, campaignId: string, changes: { groupPriceFen?: number; endAt?: number; stock?: number }): Promise<boolean> {
  const data: Record<string, unknown> = {};
  if (changes.groupPriceFen !== undefined) data.groupPriceFen = changes.groupPriceFen; // new groups only: orders keep their price
  if (changes.endAt !== undefined) data.endAt = new Date(changes.endAt);
  if (Object.keys(data).length) await ctx.db.collection('campaigns').doc(campaignId).update({ data });
  return changes.stock === undefined || (await setStock(ctx, campaignId, changes.stock));
}

/** Open groups run to their deadline: members who paid are not cut short. */
export async function closeCampaign(ctx: Ctx, campaignId: string): Promise<void> {
  await ctx.db
    .collection('campaigns')
    .doc(campaignId)
    .update({ data: { status: 'closed' } });
}

/**
 * The merchant sets the units free now; groups may take some at the same moment, so the change
 * is conditional on the stock read, and what was stocked moves by the same amount (stock is
 * conserved: free + set aside + sold = stocked).
 */
async function setStock(ctx: Ctx, campaignId: string, stock: number): Promise<boolean> {
  const _ = ctx.db.command;
  for (let attempt = 0; attempt < 3; attempt++) {
    const c = (await getDoc<CampaignDoc>(ctx, 'campaigns', campaignId)) as CampaignDoc;
    const res = await ctx.db
      .collection('campaigns')
      .where({ _id: campaignId, stock: c.stock })
      .update({ data: { stock, stocked: _.inc(stock - c.stock) } });
    if (res.stats.updated === 1) return true;
  }
  return false;
}
