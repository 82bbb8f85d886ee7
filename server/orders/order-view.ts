import type { OrderView } from '../../core/contracts/groupbuy';
import { orderLabel } from '../../core/order-machine';
import type { OrderDoc } from './orders';

export function toOrderView(o: OrderDoc): OrderView {
  return {
    id: o._id,
    title: o.title,
    image: o.image,
    amountFen: o.totalFen,
    refundedFen: o.refundedFen,
    state: o.status,
    money: o.money,
    label: orderLabel(o.status, o.money),
    groupId: o.groupId || null,
    seatExpiresAt: o.status === 'created' ? new Date(o.seatExpiresAt).getTime() : null,
    createdAt: new Date(o.createdAt).getTime(),
    history: o.history.map((h) => ({ from: h.from, to: h.to, at: new Date(h.at).getTime() })),
  };
}
