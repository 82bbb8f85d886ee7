// What the buyer's order pages and the merchant's order pages show of an order. Actions are
// derived from the order's two axes here, once, so the page shows the buttons the server would
// accept and no others.
import type { OrderAction, OrderView, RefundView, RefundViewState } from '../../core/contracts/groupbuy';
import { orderLabel, RECEIVABLE_STATES, REFUNDABLE_MONEY, REFUNDABLE_STATES } from '../../core/order-machine';
import type { RefundDoc } from '../payments/refunds';
import { isSolo, type OrderDoc } from './orders';

export interface ViewOptions {
  /** The buyer sees their pickup code; the merchant never does (the buyer tells it at handover). */
  viewer: 'buyer' | 'merchant';
  now: number;
  /** The order's latest refund (lastRefund, or openRefund on older orders), if read. */
  refund?: RefundDoc | null;
  buyerNickname?: string;
}

const REFUND_VIEW_STATE: Record<RefundDoc['status'], RefundViewState> = {
  requested: 'requested',
  rejected: 'rejected',
  pending: 'refunding',
  processing: 'refunding',
  succeeded: 'succeeded',
  closed: 'closed',
};

export function toRefundView(r: RefundDoc): RefundView {
  return {
    id: r._id,
    amountFen: r.refundFen,
    reason: r.reason,
    note: r.note ?? '',
    photos: r.photos ?? [],
    state: REFUND_VIEW_STATE[r.status],
    rejectReason: r.rejectReason ?? null,
    createdAt: new Date(r.createdAt).getTime(),
  };
}

/** The id of the refund an order's page shows: its latest. */
export const latestRefundId = (o: OrderDoc) => o.lastRefund ?? o.openRefund ?? null;

/** Money the buyer can still ask back: once the sale stands, what was not refunded yet. */
export function refundableFen(o: OrderDoc): number {
  return REFUNDABLE_STATES.includes(o.status) && REFUNDABLE_MONEY.includes(o.money) ? o.totalFen - o.refundedFen : 0;
}

export function orderActions(o: OrderDoc, now: number): OrderAction[] {
  const actions: OrderAction[] = [];
  if (o.status === 'created' && new Date(o.seatExpiresAt).getTime() > now) actions.push('pay');
  if (RECEIVABLE_STATES.includes(o.status)) actions.push('confirmReceipt');
  if (refundableFen(o) > 0 && !o.openRefund) actions.push('requestRefund');
  if (!isSolo(o) && o.status === 'cancelled' && o.cancelReason === 'GROUP_FAILED') actions.push('regroup');
  return actions;
}

export function toOrderView(o: OrderDoc, opts: ViewOptions): OrderView {
  const kind = isSolo(o) ? 'solo' : 'group';
  const refund = opts.refund && opts.refund._id === latestRefundId(o) ? opts.refund : null;
  return {
    id: o._id,
    title: o.title,
    image: o.image,
    amountFen: o.totalFen,
    refundedFen: o.refundedFen,
    state: o.status,
    money: o.money,
    label: orderLabel(o.status, o.money, kind),
    groupId: o.groupId || null,
    seatExpiresAt: o.status === 'created' ? new Date(o.seatExpiresAt).getTime() : null,
    createdAt: new Date(o.createdAt).getTime(),
    history: o.history.map((h) => ({ from: h.from, to: h.to, at: new Date(h.at).getTime() })),
    ...(opts.buyerNickname !== undefined ? { buyerNickname: opts.buyerNickname } : {}),
    ...(opts.viewer === 'merchant'
      ? {
          refundRequest:
            refund?.status === 'requested'
              ? { id: refund._id, amountFen: refund.refundFen, reason: refund.reason, note: refund.note ?? '', photos: refund.photos ?? [] }
              : null,
        }
      : {}),
    kind,
    quantity: o.quantity,
    unitPriceFen: o.unitPriceFen,
    paidAt: o.paidAt ? new Date(o.paidAt).getTime() : null,
    fulfilment: o.fulfilment ?? null,
    tracking: o.tracking ?? null,
    pickupCode: opts.viewer === 'buyer' && o.status === 'ready_for_pickup' ? (o.pickupCode ?? null) : null,
    refund: refund ? toRefundView(refund) : null,
    refundableFen: refundableFen(o),
    actions: orderActions(o, opts.now),
  };
}
