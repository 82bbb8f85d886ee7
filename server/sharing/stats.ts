// share.stats: the caller's cards with their figures, from the analytics counters (one document
// per card) and the events the rollup has not reached yet, never by reading every event.
import type { CardStats } from '../../core/contracts/share';
import { cardFigures } from '../analytics/cards';
import type { Ctx } from '../context';
import { describeTarget, type ShareCodeDoc } from './share';

const MAX_CARDS = 50;

export async function cardStats(ctx: Ctx): Promise<CardStats[]> {
  const { data: codes } = await ctx.db
    .collection<ShareCodeDoc>('share_codes')
    .where({ sharer: ctx.openid })
    .orderBy('createdAt', 'desc')
    .limit(MAX_CARDS)
    .get();
  if (codes.length === 0) return [];
  const figures = await cardFigures(
    ctx,
    ctx.openid,
    codes.map((c) => c._id),
  );
  const titles = new Map<string, string>();
  for (const c of codes) {
    const key = `${c.targetType}:${c.targetId}`;
    if (!titles.has(key)) titles.set(key, (await describeTarget(ctx, c.targetType, c.targetId))?.title ?? '已下架的内容');
  }
  return codes.map((c) => {
    const f = figures.get(c._id);
    return {
      code: c._id,
      channel: c.channel,
      targetType: c.targetType,
      targetId: c.targetId,
      title: titles.get(`${c.targetType}:${c.targetId}`) ?? '',
      createdAt: new Date(c.createdAt).getTime(),
      opens: f?.opens ?? 0,
      uniqueVisitors: f?.uniqueVisitors ?? 0,
      newCustomers: f?.newCustomers ?? 0,
      orders: f?.orders ?? 0,
      revenueFen: f?.revenueFen ?? 0,
    };
  });
}
