// Refunds: recorded first (one document per refund number, so asking twice pays once), paid
// by the sweep through the pay port and retried until WeChat says it succeeded.
import type { OrderState } from '../../core/order-machine';
import type { Ctx } from '../context';
import { isDuplicateKeyError } from '../db/types';
import { orderEventFields, recordEvent } from '../repos/events';
import { type OrderDoc, transition } from '../repos/orders';

export interface RefundDoc {
  _id: string; // the outRefundNo
  orderId: string;
  buyer: string;
  merchantId: string;
  totalFen: number;
  refundFen: number;
  reason: string;
  status: 'requested' | 'pending' | 'succeeded';
  attempts: number;
  lastError?: string;
  createdAt: Date;
  succeededAt?: Date;
}

/** Moves the order to refunding and records the refund to pay. Safe to call again. */
export async function startRefund(ctx: Ctx, order: OrderDoc, from: OrderState, reason: string, refundFen = order.totalFen - order.refundedFen): Promise<void> {
  await transition(ctx, order._id, from, 'refunding', 'system', { refundReason: reason });
  await addRefund(ctx, order, `R${order._id}${order.refundedFen > 0 ? `_${order.refundedFen}` : ''}`, reason, refundFen, 'pending');
}

export async function addRefund(ctx: Ctx, order: OrderDoc, id: string, reason: string, refundFen: number, status: RefundDoc['status']): Promise<void> {
  const doc: RefundDoc = {
    _id: id,
    orderId: order._id,
    buyer: order.buyer,
    merchantId: order.merchantId,
    totalFen: order.totalFen,
    refundFen,
    reason,
    status,
    attempts: 0,
    createdAt: new Date(ctx.now()),
  };
  try {
    await ctx.db.collection('refunds').add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e; // recorded by an earlier run
  }
}

/** Pays pending refunds, a page at a time; a failure stays pending for the next run. */
export async function payPendingRefunds(ctx: Ctx, limit = 100): Promise<{ paid: number; failed: number }> {
  const _ = ctx.db.command;
  const { data } = await ctx.db.collection<RefundDoc>('refunds').where({ status: 'pending' }).orderBy('createdAt', 'asc').limit(limit).get();
  let paid = 0;
  let failed = 0;
  for (const r of data) {
    const res = await ctx.pay.refund({ outTradeNo: r.orderId, outRefundNo: r._id, totalFen: r.totalFen, refundFen: r.refundFen });
    if (!res.ok) {
      failed++;
      await ctx.db
        .collection('refunds')
        .doc(r._id)
        .update({ data: { attempts: _.inc(1), lastError: res.detail ?? 'refund failed' } });
      continue;
    }
    const done = await ctx.db
      .collection('refunds')
      .where({ _id: r._id, status: 'pending' })
      .update({ data: { status: 'succeeded', succeededAt: new Date(ctx.now()), attempts: _.inc(1) } });
    if (done.stats.updated === 0) continue; // another run finished it
    const order = (await ctx.db.collection<OrderDoc>('orders').doc(r.orderId).get()).data;
    const refundedFen = order.refundedFen + r.refundFen;
    await transition(ctx, order._id, 'refunding', refundedFen >= order.totalFen ? 'refunded' : 'partially_refunded', 'system', { refundedFen });
    await recordEvent(ctx, 'refund_succeeded', { ...orderEventFields(order), refundFen: r.refundFen });
    paid++;
  }
  return { paid, failed };
}
