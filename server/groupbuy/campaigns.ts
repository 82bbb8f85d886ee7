// A merchant's campaigns: made once per request id, changed (price and end for new groups,
// stock conditionally) and closed. The merchant function checks the caller runs the shop.

import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { MerchantCampaignRow, merchantInput } from '../../core/contracts/groupbuy';
import type { MerchantDoc, ProductDoc } from '../catalog/products';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import type { CampaignDoc } from './groups';
import { courseNameOf } from './groups';

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
    scenes: fields.scenes,
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

/** What a merchant may change on a running campaign (merchant.updateCampaign). */
export interface CampaignChanges {
  groupPriceFen?: number;
  endAt?: number;
  stock?: number;
  perStudentLimit?: number;
}

/** Why a change cannot be made to this campaign, in the merchant's words; null when it can. */
export function refuseChanges(c: CampaignDoc, changes: CampaignChanges, now: number): string | null {
  if (changes.groupPriceFen !== undefined && changes.groupPriceFen >= c.originalPriceFen) return '拼团价要低于原价';
  if (changes.endAt !== undefined && changes.endAt <= new Date(c.startAt).getTime()) return '结束时间要晚于开始时间';
  if (changes.endAt !== undefined && changes.endAt <= now) return '结束时间要晚于现在，要提前结束请点“结束活动”';
  return null;
}

/**
 * New groups get the new price, end and limit (orders keep their price; a student already
 * holding more than a lowered limit keeps those); the stock changes as in setStock. The
 * campaign page reads the campaign itself, so students see the change at once. False when the
 * stock kept changing under us.
 */
export async function updateCampaign(ctx: Ctx, campaignId: string, changes: CampaignChanges): Promise<boolean> {
  const data: Record<string, unknown> = {};
  if (changes.groupPriceFen !== undefined) data.groupPriceFen = changes.groupPriceFen; // new groups only: orders keep their price
  if (changes.endAt !== undefined) data.endAt = new Date(changes.endAt);
  if (changes.perStudentLimit !== undefined) data.perStudentLimit = changes.perStudentLimit;
  if (Object.keys(data).length) await ctx.db.collection('campaigns').doc(campaignId).update({ data });
  return changes.stock === undefined || (await setStock(ctx, campaignId, changes.stock));
}

/** A row of the merchant's campaign list: its counters are kept on the campaign, no scan of groups. */
export function toMerchantCampaignRow(c: CampaignDoc): MerchantCampaignRow {
  return {
    id: c._id,
    productId: c.productId,
    title: c.title,
    image: c.image,
    groupPriceFen: c.groupPriceFen,
    groupSize: c.groupSize,
    groupHours: c.groupHours,
    perStudentLimit: c.perStudentLimit,
    stock: c.stock,
    status: c.status,
    startAt: new Date(c.startAt).getTime(),
    endAt: new Date(c.endAt).getTime(),
    sold: c.sold ?? 0,
    groupsFormed: c.groupsFormed ?? 0,
    courseName: courseNameOf(c),
  };
}

/** Most campaigns the merchant's list shows (newest first); the list has no pages. */
export const MERCHANT_CAMPAIGNS_MAX = 50;

export async function merchantCampaigns(ctx: Ctx, merchantId: string): Promise<MerchantCampaignRow[]> {
  const { data } = await ctx.db.collection<CampaignDoc>('campaigns').where({ merchantId }).orderBy('createdAt', 'desc').limit(MERCHANT_CAMPAIGNS_MAX).get();
  return data.map(toMerchantCampaignRow);
}

/**
 * A product's edited title and cover on its live campaigns (the campaign page and cards show the
 * campaign's copy; orders keep what they copied). One update of however many campaigns; safe to repeat.
 */
export async function followProduct(ctx: Ctx, productId: string, p: { title: string; image: string }): Promise<void> {
  await ctx.db
    .collection('campaigns')
    .where({ productId, status: 'live' })
    .update({ data: { title: p.title, image: p.image } });
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
