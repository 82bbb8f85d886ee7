// An order is completed once: by the buyer confirming receipt or by the auto-confirm after
// WeChat's settlement period. Completion starts the commission's after-sales window.
import type { Ctx } from '../context';
import { orderEventFields, recordEvent } from '../repos/events';
import { type OrderDoc, transition } from '../repos/orders';

export async function completeOrder(ctx: Ctx, o: OrderDoc, by: string): Promise<boolean> {
  if (o.status !== 'shipped' && o.status !== 'ready_for_pickup') return false;
  if (!(await transition(ctx, o._id, o.status, 'completed', by, { completedAt: new Date(ctx.now()) }))) return false;
  await recordEvent(ctx, 'order_completed', orderEventFields(o));
  return true;
}
