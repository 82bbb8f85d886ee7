// Refunds: recorded first (one document per refund number, so asking twice pays once), sent to
// WeChat by the sweep, and completed only when WeChat says the money reached the buyer: its
// refund notice, or the sweep's query. WeChat accepting a request is not that (issue 9).
//   requested (buyer asked; the merchant decides) -> pending (to send) -> processing (WeChat
//   accepted) -> succeeded, or closed (WeChat gave up: a person must look).
import type { OrderState } from '../../core/order-machine';
import type { Ctx } from '../context';
import { isDuplicateKeyError } from '../db/types';
import type { OrderDoc } from '../repos/orders';
import { transition } from '../repos/orders';

export interface RefundDoc {
  _id: string; // the outRefundNo
  orderId: string;
  buyer: string;
  merchantId: string;
  totalFen: number;
  refundFen: number;
  reason: string;
  status: 'requested' | 'pending' | 'processing' | 'succeeded' | 'closed';
  /** Requests sent to WeChat (a failed one stays pending and is sent again, same number). */
  attempts: number;
  lastError?: string;
  createdAt: Date;
  /** When WeChat accepted the request. */
  acceptedAt?: Date;
  /** When the sweep next asks WeChat where a processing refund stands, and how often it has asked. */
  nextQueryAt?: Date;
  queries?: number;
  /** The last state WeChat reported (ABNORMAL stays processing: the merchant fixes it on WeChat's side). */
  wxState?: string;
  succeededAt?: Date;
  confirmedBy?: 'notice' | 'query';
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

/**
 * Sends pending refunds to WeChat, a page at a time. Accepted ones become processing and are
 * asked about right away; a refusal or a fault stays pending and is sent again next run with
 * the same number, which WeChat pays at most once.
 */
export async function submitPendingRefunds(ctx: Ctx, limit = 100): Promise<{ accepted: number; failed: number }> {
  const _ = ctx.db.command;
  const { data } = await ctx.db.collection<RefundDoc>('refunds').where({ status: 'pending' }).orderBy('createdAt', 'asc').limit(limit).get();
  let accepted = 0;
  let failed = 0;
  for (const r of data) {
    let res: Awaited<ReturnType<Ctx['pay']['refund']>>;
    try {
      res = await ctx.pay.refund({ outTradeNo: r.orderId, outRefundNo: r._id, totalFen: r.totalFen, refundFen: r.refundFen, reason: r.reason });
    } catch (e) {
      // Unclear whether WeChat got it: asking again with the same number is safe.
      res = { accepted: false, detail: e instanceof Error ? e.message.slice(0, 200) : 'refund request failed' };
    }
    if (!res.accepted) {
      failed++;
      await ctx.db
        .collection('refunds')
        .where({ _id: r._id, status: 'pending' })
        .update({ data: { attempts: _.inc(1), lastError: res.detail } });
      continue;
    }
    const at = new Date(ctx.now());
    // A notice may already have completed it (it raced this call): then this moves nothing.
    const moved = await ctx.db
      .collection('refunds')
      .where({ _id: r._id, status: 'pending' })
      .update({ data: { status: 'processing', acceptedAt: at, nextQueryAt: at, queries: 0, attempts: _.inc(1) } });
    accepted += moved.stats.updated;
  }
  return { accepted, failed };
}
