// An order is completed once: by the buyer confirming receipt or by the auto-confirm after
// WeChat's settlement period, whatever its money did meanwhile (a partial refund does not stop
// it). Completion starts the commission's after-sales window, so order_completed is written in
// the same transaction as the move: a crash cannot complete an order without its event.
import { RECEIVABLE_STATES } from '../../core/order-machine';
import type { Ctx } from '../context';
import { txGetDoc } from '../db/get-doc';
import { orderEventFields, recordEventTx } from '../events';
import { type OrderDoc, orderMoves } from './orders';

export async function completeOrder(ctx: Ctx, orderId: string, by: string): Promise<boolean> {
  return ctx.db.runTransaction(async (tx) => {
    const o = await txGetDoc<OrderDoc>(tx, 'orders', orderId);
    if (!o || !RECEIVABLE_STATES.includes(o.status)) return false;
    const at = new Date(ctx.now());
    await tx
      .collection('orders')
      .doc(o._id)
      .update({ data: { ...orderMoves(o, { status: 'completed' }, at, by), completedAt: at } });
    await recordEventTx(tx, ctx, `order_completed:${o._id}`, 'order_completed', orderEventFields(o));
    return true;
  }, 10);
}
