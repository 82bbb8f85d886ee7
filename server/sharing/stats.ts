// share.stats: the caller's cards with their figures. Opens and binds come from the events
// collection grouped by code in two aggregations, not by paging through events.
import type { CardStats } from '../../core/contracts/share';
import type { Ctx } from '../context';
import { describeTarget, type ShareCodeDoc } from './share';

const MAX_CARDS = 50;

export async function cardStats(ctx: Ctx): Promise<CardStats[]> {
  const _ = ctx.db.command;
  const $ = _.aggregate;
  const { data: codes } = await ctx.db
    .collection<ShareCodeDoc>('share_codes')
    .where({ sharer: ctx.openid })
    .orderBy('createdAt', 'desc')
    .limit(MAX_CARDS)
    .get();
  if (codes.length === 0) return [];
  const ids = codes.map((c) => c._id);
  const opens = await ctx.db
    .collection('events')
    .aggregate()
    .match({ sharer: ctx.openid, type: 'open', code: _.in(ids) })
    .group({ _id: '$code', opens: $.sum(1), visitors: $.addToSet('$openid') })
    .limit(MAX_CARDS)
    .end();
  const binds = await ctx.db
    .collection('events')
    .aggregate()
    .match({ sharer: ctx.openid, type: 'bind', newCustomer: true, code: _.in(ids) })
    .group({ _id: '$code', n: $.sum(1) })
    .limit(MAX_CARDS)
    .end();
  // Orders and refunds carry the card's code (copied from the binding), so they join here.
  const money = await ctx.db
    .collection('events')
    .aggregate()
    .match({ sharer: ctx.openid, type: _.in(['order_paid', 'refund_succeeded']), code: _.in(ids) })
    .group({ _id: { code: '$code', type: '$type' }, n: $.sum(1), fen: $.sum('$refundFen'), paidFen: $.sum('$amountFen') })
    .limit(MAX_CARDS * 2)
    .end();
  const moneyOf = (code: string) => {
    const rows = money.list.filter((r) => (r._id as { code: string }).code === code);
    const paid = rows.find((r) => (r._id as { type: string }).type === 'order_paid');
    const refunded = rows.find((r) => (r._id as { type: string }).type === 'refund_succeeded');
    return { orders: (paid?.n as number) ?? 0, revenueFen: ((paid?.paidFen as number) ?? 0) - ((refunded?.fen as number) ?? 0) };
  };
  const openBy = new Map(opens.list.map((r) => [r._id as string, r]));
  const bindBy = new Map(binds.list.map((r) => [r._id as string, r.n as number]));
  const titles = new Map<string, string>();
  for (const c of codes) {
    const key = `${c.targetType}:${c.targetId}`;
    if (!titles.has(key)) titles.set(key, (await describeTarget(ctx, c.targetType, c.targetId))?.title ?? '已下架的内容');
  }
  return codes.map((c) => {
    const o = openBy.get(c._id);
    return {
      code: c._id,
      channel: c.channel,
      targetType: c.targetType,
      targetId: c.targetId,
      title: titles.get(`${c.targetType}:${c.targetId}`) ?? '',
      createdAt: new Date(c.createdAt).getTime(),
      opens: (o?.opens as number) ?? 0,
      uniqueVisitors: ((o?.visitors as unknown[]) ?? []).length,
      newCustomers: bindBy.get(c._id) ?? 0,
      ...moneyOf(c._id),
    };
  });
}
