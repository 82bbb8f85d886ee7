// A sharer's card: a share code for a target and channel, reused while it is valid so a KOC
// keeps one card per target and channel, or drawn fresh (random, retried on a collision).
import type { z } from 'zod';
import { CODE_VALID_DAYS, SHARE_PAGE, type ShareResults, type shareInput } from '../../core/contracts/share';
import { fail, ok } from '../../core/result';
import type { Ctx } from '../context';
import { isDuplicateKeyError } from '../db/types';
import { recordEvent } from '../events';
import { promotionBlock } from '../koc/training';
import { describeTarget, PLATFORM_SCOPE, type ShareCodeDoc } from './share';
import { newShareCode } from './share-code';

const DAY = 86_400_000;

export async function createShare(ctx: Ctx, { targetType, targetId, channel }: z.output<typeof shareInput.create>) {
  const target = await describeTarget(ctx, targetType, targetId);
  if (!target) return fail('NOT_FOUND', '要分享的内容不存在或暂不支持分享');
  // A KOC whose program requires a course promotes its items once they passed it.
  const blocked = target.scope === PLATFORM_SCOPE ? null : await promotionBlock(ctx, ctx.openid, target.scope);
  if (blocked) return fail('TRAINING_REQUIRED', blocked);
  const now = ctx.now();
  const reuseKey = `${ctx.openid}|${targetType}|${targetId}|${channel}`;
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<ShareCodeDoc>('share_codes')
    .where({ reuseKey, expiresAt: _.gt(new Date(now)) })
    .orderBy('expiresAt', 'desc')
    .limit(1)
    .get();
  const existing = data[0];
  if (existing)
    return ok<ShareResults['create']>({ code: existing._id, path: `/${SHARE_PAGE}?sc=${existing._id}`, expiresAt: new Date(existing.expiresAt).getTime() });
  const expiresAt = now + CODE_VALID_DAYS * DAY;
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = newShareCode();
    try {
      await ctx.db.collection('share_codes').add({
        data: {
          _id: code,
          sharer: ctx.openid,
          targetType,
          targetId,
          channel,
          scope: target.scope,
          reuseKey,
          createdAt: new Date(now),
          expiresAt: new Date(expiresAt),
        },
      });
    } catch (e) {
      if (isDuplicateKeyError(e)) continue; // a collision of random codes: draw again
      throw e;
    }
    await recordEvent(ctx, 'share_created', { code, sharer: ctx.openid, channel, targetType, targetId, merchantId: target.scope });
    return ok<ShareResults['create']>({ code, path: `/${SHARE_PAGE}?sc=${code}`, expiresAt });
  }
  throw new Error('could not draw a free share code');
}
