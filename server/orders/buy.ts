// order.buy: bought alone, at the product's price, `quantity` units of the product's own stock.
// Intent first, as for a seat: the order is written 'reserving' under an id made from the
// caller, the request id and the product; then the stock is taken by a conditional update keyed
// by the order (the product lists the orders holding units, so a retry never takes twice); then
// 'created' with its event in one transaction, and the buyer has the seat's payment window to
// pay. Retrying the same request finishes a half-made order; one nobody retries is cancelled by
// the sweep a minute later, which gives its units back in the same transaction.
import type { CodeOf } from '../../core/contracts/codes';
import type { Checkout, orderInput } from '../../core/contracts/groupbuy';
import { MAX_ORDER_QUANTITY } from '../../core/contracts/groupbuy';
import { SEAT_PAYMENT_MINUTES } from '../../core/groupbuy';
import { fail, ok } from '../../core/result';
import { releaseIfNotUnpaid, type StockedProduct, takeStock } from '../catalog/stock';
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import { hashId } from '../db/hash-id';
import { isDuplicateKeyError } from '../db/types';
import { orderEventFields, recordEventTx } from '../events';
import { bindingForOrder } from '../groupbuy/reserve';
import { chooseFulfilment, findShop, shopFulfilment } from '../users/merchants';
import { cancelOrder } from './order-end';
import { findOrder, insertOrder, type OrderDoc, orderMoves, soloMemberKey, updateOrderTx } from './orders';

type BuyInput = import('zod').output<typeof orderInput.buy>;

const REFUSALS = {
  SOLD_OUT: '库存不足，请减少数量或看看别的商品',
  NOT_FOUND: '这个商品已下架',
} as const satisfies Partial<Record<CodeOf<'order'>, string>>;
/** A half-made order the sweep gave up on (RESERVING_ABANDONED): the buyer starts again. */
const TIMED_OUT = () => fail('BAD_STATE', '下单超时了，请重新下单');
/** What a half-made order that ended says, by its cancel reason (SOLD_OUT, NOT_FOUND or RESERVING_ABANDONED). */
function refusal(code: string | undefined) {
  if (code === 'NOT_FOUND') return fail('NOT_FOUND', REFUSALS.NOT_FOUND);
  if (code === 'RESERVING_ABANDONED') return TIMED_OUT();
  return fail('SOLD_OUT', REFUSALS.SOLD_OUT);
}

export async function buy(ctx: Ctx, input: BuyInput) {
  const orderId = hashId(ctx.openid, input.requestId, `buy:${input.productId}`);
  const existing = await findOrder(ctx, orderId);
  if (existing) {
    if (existing.buyer !== ctx.openid) throw new Error('order id collision');
    if (existing.status === 'cancelled' && existing.money === 'unpaid' && !existing.history.some((h) => h.to === 'created'))
      return refusal(existing.cancelReason);
    if (existing.status !== 'reserving') return ok({ orderId });
    return finish(ctx, existing);
  }
  const product = await getDoc<StockedProduct>(ctx, 'products', input.productId);
  if (product?.status !== 'on_sale') return refusal('NOT_FOUND');
  // Plainly not enough: refused before anything is written (the take below decides the rest).
  if (product.stock < input.quantity) return fail('SOLD_OUT', product.stock > 0 ? `库存只剩 ${product.stock} 件，请减少数量` : '已售罄');
  const chosen = chooseFulfilment(await findShop(ctx, product.merchantId), input.fulfilment, true);
  if (!chosen.ok) return fail('NO_FULFILMENT', chosen.message);
  const now = ctx.now();
  const order: OrderDoc = {
    _id: orderId,
    buyer: ctx.openid,
    merchantId: product.merchantId,
    kind: 'solo',
    campaignId: '',
    groupId: '',
    productId: product._id,
    title: product.title,
    image: product.images[0] ?? '',
    unitPriceFen: product.priceFen,
    quantity: input.quantity,
    amountFen: product.priceFen * input.quantity,
    totalFen: product.priceFen * input.quantity,
    refundedFen: 0,
    status: 'reserving',
    money: 'unpaid',
    openRefund: null,
    memberKey: soloMemberKey(orderId),
    seatExpiresAt: new Date(now + SEAT_PAYMENT_MINUTES * 60_000),
    binding: await bindingForOrder(ctx, product.merchantId),
    leader: false,
    fulfilment: chosen.fulfilment,
    history: [],
    createdAt: new Date(now),
  };
  try {
    await insertOrder(ctx, order);
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    // The same request racing itself: one order, finished by whichever gets there.
    return buy(ctx, input);
  }
  return finish(ctx, order);
}

/** The steps after the order exists, each keyed by it and safe to repeat. */
async function finish(ctx: Ctx, order: OrderDoc) {
  if ((await takeStock(ctx, order)) !== 'ok') return end(ctx, order, 'SOLD_OUT');
  const made = await ctx.db.runTransaction(async (tx) => {
    const o = await txGetDoc<OrderDoc>(tx, 'orders', order._id);
    if (o?.status !== 'reserving') return o?.status ?? null;
    await updateOrderTx(tx, o._id, orderMoves(o, { status: 'created' }, new Date(ctx.now()), ctx.openid));
    await recordEventTx(tx, ctx, `order_created:${o._id}`, 'order_created', { ...orderEventFields(o), campaignId: '' });
    return 'created';
  }, 10);
  // The sweep cancelled it meanwhile (it took too long): units taken after that go back.
  if (made === 'cancelled') return end(ctx, order, 'RESERVING_ABANDONED');
  return ok({ orderId: order._id });
}

/** Cancels the half-made order (its units back in the same commit) and says why. */
async function end(ctx: Ctx, order: OrderDoc, code: string) {
  await cancelOrder(ctx, order._id, ['reserving'], code, '');
  // Cancelled by someone else before this try took its units: they go back here.
  await releaseIfNotUnpaid(ctx, order.productId, order._id);
  return code === 'SOLD_OUT' ? refusal(code) : TIMED_OUT();
}

/** The product page's checkout: the shop's pickup points and delivery, the price, and how many may be bought. */
export async function checkout(ctx: Ctx, productId: string) {
  const product = await getDoc<StockedProduct>(ctx, 'products', productId);
  if (product?.status !== 'on_sale') return refusal('NOT_FOUND');
  const shop = await findShop(ctx, product.merchantId);
  const stock = Math.max(0, product.stock);
  return ok<Checkout>({ shop: shopFulfilment(shop), maxQuantity: Math.min(stock, MAX_ORDER_QUANTITY), priceFen: product.priceFen, stock });
}
