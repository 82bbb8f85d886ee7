// The shop hands an order over: shipped with its tracking, or ready at its pickup point with a
// pickup code the buyer shows at handover (completion goes through completion.ts, so the
// commission's after-sales window starts). Each move is one conditional transition: repeating
// it answers what the first did. An order keeps how it was to reach the buyer, so a pickup
// order is never shipped and a delivery order never waits at a point (older orders, made
// before checkout asked, allow both).
import { randomInt } from 'node:crypto';
import type { Ctx } from '../context';
import { completeOrder } from './completion';
import { findOrder, type OrderDoc, transition } from './orders';

export type FulfilOutcome = { ok: true; order: OrderDoc } | { ok: false; code: 'BAD_STATE' | 'INVALID_INPUT' | 'WRONG_CODE'; message: string };

const NOT_TO_SHIP = { ok: false, code: 'BAD_STATE', message: '只有待发货的订单可以发货或通知自提' } as const;
/** An approved refund is on its way back to the buyer: the goods stay until it ends. */
const REFUNDING = { ok: false, code: 'BAD_STATE', message: '这笔订单正在退款，先别发货' } as const;

/** The write's condition: money that is not on its way back (approval moves it in a transaction). */
const notRefunding = (ctx: Ctx) => ({ money: ctx.db.command.neq('refunding') });

export async function shipOrder(ctx: Ctx, o: OrderDoc, carrier: string, trackingNo: string): Promise<FulfilOutcome> {
  if (o.fulfilment?.type === 'pickup') return { ok: false, code: 'BAD_STATE', message: '这是到店自提的订单，不能发货，请用“通知自提”' };
  if (!trackingNo && carrier !== '商家配送') return { ok: false, code: 'INVALID_INPUT', message: '请填写运单号（商家自己配送可不填）' };
  if (o.status === 'shipped') return { ok: true, order: o };
  if (o.status !== 'confirmed') return NOT_TO_SHIP;
  if (o.money === 'refunding') return REFUNDING;
  const tracking = { carrier, trackingNo };
  if (await transition(ctx, o._id, 'confirmed', 'shipped', ctx.openid, { shippedAt: new Date(ctx.now()), tracking }, notRefunding(ctx)))
    return { ok: true, order: { ...o, status: 'shipped', tracking } };
  const now = await findOrder(ctx, o._id);
  if (now?.status === 'shipped') return { ok: true, order: now };
  return now?.status === 'confirmed' && now.money === 'refunding' ? REFUNDING : NOT_TO_SHIP;
}

/** A 6-digit code from a cryptographic source: guessing one takes a million tries. */
const newPickupCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export async function markReady(ctx: Ctx, o: OrderDoc): Promise<FulfilOutcome> {
  if (o.fulfilment?.type === 'delivery') return { ok: false, code: 'BAD_STATE', message: '这是送货上门的订单，请填写配送方式后发货' };
  // Repeated: the code made the first time stands (the buyer may already have it).
  if (o.status === 'ready_for_pickup') return { ok: true, order: o };
  if (o.status !== 'confirmed') return NOT_TO_SHIP;
  if (o.money === 'refunding') return REFUNDING;
  const pickupCode = newPickupCode();
  if (await transition(ctx, o._id, 'confirmed', 'ready_for_pickup', ctx.openid, { readyAt: new Date(ctx.now()), pickupCode }, notRefunding(ctx)))
    return { ok: true, order: { ...o, status: 'ready_for_pickup', pickupCode } };
  const now = await findOrder(ctx, o._id);
  if (now?.status === 'ready_for_pickup') return { ok: true, order: now };
  return now?.status === 'confirmed' && now.money === 'refunding' ? REFUNDING : NOT_TO_SHIP;
}

/** Codes an order may be tried with: 5 guesses of a million, then the platform steps in. */
export const PICKUP_TRIES = 5;
const TOO_MANY_TRIES = { ok: false, code: 'BAD_STATE', message: '取货码错误次数过多，已暂停核销，请联系平台客服处理' } as const;

/**
 * The buyer shows the code at the point: it must be this order's. Each try first claims one of
 * the order's PICKUP_TRIES (a conditional increment), so guesses sent at once are counted too;
 * a wrong code writes only its try, and once all are spent the order is not verified by code.
 */
export async function verifyPickup(ctx: Ctx, o: OrderDoc, code: string): Promise<FulfilOutcome> {
  const matches = Boolean(o.pickupCode) && o.pickupCode === code;
  if (o.status === 'completed' && matches) return { ok: true, order: o };
  if (o.status !== 'ready_for_pickup') return { ok: false, code: 'BAD_STATE', message: '这个订单不在待自提状态' };
  if ((o.pickupTries ?? 0) >= PICKUP_TRIES) return TOO_MANY_TRIES;
  const _ = ctx.db.command;
  const claimed = await ctx.db
    .collection('orders')
    .where({ _id: o._id, status: 'ready_for_pickup', pickupTries: _.exists(false).or(_.lt(PICKUP_TRIES)) })
    .update({ data: { pickupTries: _.inc(1) } });
  if (claimed.stats.updated !== 1) {
    const now = await findOrder(ctx, o._id);
    if (now?.status === 'completed' && matches) return { ok: true, order: now };
    if (now?.status !== 'ready_for_pickup') return { ok: false, code: 'BAD_STATE', message: '这个订单不在待自提状态' };
    return TOO_MANY_TRIES;
  }
  if (!matches) {
    const left = PICKUP_TRIES - (o.pickupTries ?? 0) - 1;
    return { ok: false, code: 'WRONG_CODE', message: `取货码不对，请让买家打开订单再核对一下${left > 0 ? `（还可以再试 ${left} 次）` : ''}` };
  }
  await completeOrder(ctx, o._id, ctx.openid);
  return { ok: true, order: (await findOrder(ctx, o._id)) as OrderDoc };
}
