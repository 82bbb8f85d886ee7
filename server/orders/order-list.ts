// Order pages, newest first: keyset pages on (createdAt, _id) served by the buyer's and the
// shop's indexes, so a page costs the same reads however many orders came before it. Each tab
// or state is a fixed condition on the order's two axes; the page's refunds and buyers are read
// in one query each.
import type { OrderTab, OrderView } from '../../core/contracts/groupbuy';
import { wasPlaced } from '../../core/order-machine';
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';
import type { DbCommand } from '../db/types';
import type { RefundDoc } from '../payments/refunds';
import { findUsers, usersByNicknamePrefix } from '../users/users';
import { latestRefundId, toOrderView } from './order-view';
import type { OrderDoc } from './orders';

export const ORDER_PAGE = 10;

export type ShopOrderState = 'confirmed' | 'shipped' | 'ready_for_pickup' | 'completed' | 'refunding' | 'all';

/** A page's cursor: the last order's time and id. */
const encode = (o: OrderDoc) => `${new Date(o.createdAt).getTime()}.${o._id}`;
function decode(cursor: string): { at: Date; id: string } | null {
  const m = /^(\d{1,15})\.([0-9A-Za-z_-]{1,64})$/.exec(cursor);
  return m ? { at: new Date(Number(m[1])), id: m[2] } : null;
}

const AFTER_SALES_MONEY = ['refunding', 'partially_refunded', 'refunded'];

function tabWhere(_: DbCommand, buyer: string, tab: OrderTab): object {
  switch (tab) {
    case 'unpaid':
      return { buyer, status: 'created' };
    case 'grouping':
      return { buyer, status: 'awaiting_group' };
    case 'to_ship':
      return { buyer, status: 'confirmed' };
    case 'to_receive':
      return { buyer, status: _.in(['shipped', 'ready_for_pickup']) };
    case 'after_sales':
      return _.or([
        { buyer, money: _.in(AFTER_SALES_MONEY) },
        { buyer, openRefund: _.neq(null) },
      ]);
    default:
      // Every order but a half-made one; a refused 开团 (never placed) is dropped below.
      return { buyer, status: _.neq('reserving') };
  }
}

function stateWhere(_: DbCommand, merchantId: string, state: ShopOrderState): object {
  if (state === 'all') return { merchantId, status: _.nin(['reserving', 'created', 'cancelled']) };
  // Refunding is money, not fulfilment: refunds under way and requests waiting for the shop.
  if (state === 'refunding')
    return _.or([
      { merchantId, money: 'refunding' },
      { merchantId, openRefund: _.neq(null) },
    ]);
  return { merchantId, status: state };
}

type Page = { ok: true; orders: OrderDoc[]; nextCursor: string | null } | { ok: false };

async function page(ctx: Ctx, where: object, cursor: string | undefined, size: number): Promise<Page> {
  const _ = ctx.db.command;
  let query = where;
  if (cursor) {
    const c = decode(cursor);
    if (!c) return { ok: false };
    query = _.and(where, _.or([{ createdAt: _.lt(c.at) }, { createdAt: c.at, _id: _.lt(c.id) }]));
  }
  const { data } = await ctx.db.collection<OrderDoc>('orders').where(query).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(size).get();
  return { ok: true, orders: data, nextCursor: data.length === size ? encode(data[data.length - 1]) : null };
}

/** The latest refund of each order shown, in one read. */
const refundsOf = (ctx: Ctx, orders: OrderDoc[]) =>
  getDocsByIds<RefundDoc>(
    ctx,
    'refunds',
    orders.flatMap((o) => latestRefundId(o) ?? []),
  );

export type OrderPageResult = { ok: true; items: OrderView[]; nextCursor: string | null } | { ok: false };

/** The caller's orders on one tab: 2 reads (orders, their refunds). */
export async function buyerOrders(ctx: Ctx, tab: OrderTab, cursor: string | undefined): Promise<OrderPageResult> {
  const p = await page(ctx, tabWhere(ctx.db.command, ctx.openid, tab), cursor, ORDER_PAGE);
  if (!p.ok) return p;
  // The cursor moves past what was read, so a dropped row never repeats or stalls the pages.
  const shown = p.orders.filter(wasPlaced);
  const refunds = await refundsOf(ctx, shown);
  const now = ctx.now();
  const items = shown.map((o) => toOrderView(o, { viewer: 'buyer', now, refund: refunds.get(latestRefundId(o) ?? '') }));
  return { ok: true, items, nextCursor: p.nextCursor };
}

const hexPrefix = /^[0-9a-f]{4,32}$/i;

/**
 * A shop's orders in one state, optionally searched: `q` is the start of an order number or of
 * a buyer's nickname. At most 4 reads after the shop's: buyers named like q, orders, refunds, buyers shown.
 */
export async function shopOrders(
  ctx: Ctx,
  merchantId: string,
  state: ShopOrderState,
  q: string | undefined,
  cursor: string | undefined,
): Promise<OrderPageResult> {
  const _ = ctx.db.command;
  let where = stateWhere(_, merchantId, state);
  if (q) {
    const named = [...(await usersByNicknamePrefix(ctx, q)).keys()];
    const match: object[] = [];
    if (hexPrefix.test(q)) {
      const low = q.toLowerCase();
      match.push({ _id: _.gte(low).and(_.lte(`${low}${'f'.repeat(32 - low.length)}`)) });
    }
    if (named.length) match.push({ buyer: _.in(named) });
    if (!match.length) return { ok: true, items: [], nextCursor: null };
    where = _.and(where, match.length === 1 ? match[0] : _.or(match));
  }
  const p = await page(ctx, where, cursor, ORDER_PAGE);
  if (!p.ok) return p;
  const [refunds, buyers] = [await refundsOf(ctx, p.orders), await findUsers(ctx, [...new Set(p.orders.map((o) => o.buyer))])];
  const now = ctx.now();
  const items = p.orders.map((o) =>
    toOrderView(o, { viewer: 'merchant', now, refund: refunds.get(latestRefundId(o) ?? ''), buyerNickname: buyers.get(o.buyer)?.nickname ?? '同学' }),
  );
  return { ok: true, items, nextCursor: p.nextCursor };
}
