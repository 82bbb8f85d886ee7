// What a batch shipment (merchant.shipMany) did: each order answers for itself, so some may
// ship and others not (a refund approved meanwhile, an order already handed over, ...).
import type { ShipManyResult } from '@core/contracts/groupbuy';

export interface BatchOutcome {
  shipped: number;
  /** The orders that did not ship, with the server's reason, in the order sent. */
  failed: { orderId: string; message: string }[];
  /** One line for the toast / the sheet. */
  summary: string;
}

export function batchOutcome(r: ShipManyResult): BatchOutcome {
  const failed = r.results.flatMap((x) => (x.ok ? [] : [{ orderId: x.orderId, message: x.message }]));
  const summary =
    failed.length === 0 ? `已发货 ${r.shipped} 单` : r.shipped > 0 ? `已发货 ${r.shipped} 单，${failed.length} 单没有发出` : `${failed.length} 单都没有发出`;
  return { shipped: r.shipped, failed, summary };
}
