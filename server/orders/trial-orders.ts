// A KOC trial's product, issued to the applicant as a ¥0 order (kind 'trial'): paid and
// confirmed at once, fulfilled like any order (the shop's first pickup point), with no binding,
// so it earns nobody commission. Its unit leaves the product's own stock as a solo order's does:
// the order is written 'reserving' first (the intent), the unit is held under the order's id (a
// retry never takes twice), then one transaction sells it and moves the order to confirmed and
// paid, so stock + heldUnits + soloSold = stocked holds at every step. A try that dies halfway is
// finished by the next try, or swept like a half-made buy (cancelled, its unit back); the next
// try then issues under the next id. Idempotent by application and product: the ids are made
// from them, and the first one not cancelled is the trial's order.
import { releaseIfNotUnpaid, type StockedProduct, sellStockTx, takeStock } from '../catalog/stock';
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import { hashId } from '../db/hash-id';
import { isDuplicateKeyError } from '../db/types';
import { findShop, shopFulfilment } from '../users/merchants';
import { cancelOrder } from './order-end';
import { findOrder, insertOrder, type OrderDoc, orderMoves, soloMemberKey, updateOrderTx } from './orders';

/** A trial product's order id, try n (a try the sweep cancelled is followed by the next). */
export const trialOrderId = (applicationId: string, productId: string, n = 0) => hashId('trial', applicationId, productId, String(n));

/** Tries per product: each one ends only by a crash and a sweep, so a few are plenty. */
const MAX_TRIES = 5;

export type TrialOrderOutcome = { ok: true; orderId: string } | { ok: false; reason: 'SOLD_OUT' | 'NOT_FOUND' };

interface TrialOrder {
  applicationId: string;
  productId: string;
  buyer: string;
  merchantId: string;
}

export async function issueTrialOrder(ctx: Ctx, t: TrialOrder): Promise<TrialOrderOutcome> {
  for (let n = 0; n < MAX_TRIES; n++) {
    const orderId = trialOrderId(t.applicationId, t.productId, n);
    const existing = await findOrder(ctx, orderId);
    if (existing?.status === 'cancelled') continue;
    if (existing && existing.status !== 'reserving') return { ok: true, orderId };
    if (!existing) {
      const made = await intent(ctx, t, orderId);
      if (made) return made;
    }
    const done = await finish(ctx, orderId, t.productId);
    if (done === 'confirmed') return { ok: true, orderId };
    if (done === 'SOLD_OUT') return { ok: false, reason: 'SOLD_OUT' };
    // Cancelled by the sweep meanwhile: its unit went back with it; the next id tries again.
  }
  throw new Error(`trial order for ${t.applicationId}/${t.productId}: ${MAX_TRIES} tries cancelled`);
}

/** Writes the order 'reserving'; answers a refusal when the product cannot be issued (nothing written). */
async function intent(ctx: Ctx, t: TrialOrder, orderId: string): Promise<TrialOrderOutcome | null> {
  const product = await getDoc<StockedProduct>(ctx, 'products', t.productId);
  if (!product || product.merchantId !== t.merchantId || product.status !== 'on_sale') return { ok: false, reason: 'NOT_FOUND' };
  if (product.stock < 1) return { ok: false, reason: 'SOLD_OUT' };
  const first = shopFulfilment(await findShop(ctx, t.merchantId)).pickupPoints[0];
  const at = new Date(ctx.now());
  const order: OrderDoc = {
    _id: orderId,
    buyer: t.buyer,
    merchantId: t.merchantId,
    kind: 'trial',
    campaignId: '',
    groupId: '',
    productId: product._id,
    title: product.title,
    image: product.images?.[0] ?? '',
    unitPriceFen: 0,
    quantity: 1,
    amountFen: 0,
    totalFen: 0,
    refundedFen: 0,
    status: 'reserving',
    money: 'unpaid',
    openRefund: null,
    memberKey: soloMemberKey(orderId),
    seatExpiresAt: at,
    binding: null,
    leader: false,
    fulfilment: first ? { type: 'pickup', point: first } : null,
    history: [],
    createdAt: at,
  };
  try {
    await insertOrder(ctx, order);
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e; // the same try racing itself: one order
  }
  return null;
}

/** Takes the unit (once) and, in one transaction, sells it and confirms the order as paid. */
async function finish(ctx: Ctx, orderId: string, productId: string): Promise<'confirmed' | 'cancelled' | 'SOLD_OUT'> {
  const holder = { _id: orderId, productId, quantity: 1 };
  if ((await takeStock(ctx, holder)) !== 'ok') {
    await cancelOrder(ctx, orderId, ['reserving'], 'SOLD_OUT', '');
    await releaseIfNotUnpaid(ctx, productId, orderId);
    return 'SOLD_OUT';
  }
  const state = await ctx.db.runTransaction(async (tx) => {
    const o = await txGetDoc<OrderDoc>(tx, 'orders', orderId);
    if (!o) throw new Error(`trial order ${orderId} vanished`);
    if (o.status !== 'reserving') return o.status;
    if (!(await sellStockTx(tx, o))) return 'reserving';
    const at = new Date(ctx.now());
    const created = { ...o, ...orderMoves(o, { status: 'created' }, at, 'koc_trial') };
    await updateOrderTx(tx, orderId, {
      ...orderMoves(created, { status: 'confirmed', money: ['paid'] }, at, 'koc_trial'),
      paidAt: at,
      confirmedAt: at,
    });
    return 'confirmed';
  }, 10);
  if (state === 'cancelled') {
    await releaseIfNotUnpaid(ctx, productId, orderId);
    return 'cancelled';
  }
  if (state === 'reserving') throw new Error(`trial order ${orderId}: its unit is not held`);
  return 'confirmed';
}
