// Units a product has sold, kept on the product so the merchant's list shows them without
// reading orders. Counted inside the transaction that makes the sale final (a group succeeding
// moves once through its state table), so a repeated or crashed run never counts twice.
import type { Ctx } from '../context';
import type { Transaction } from '../db/types';

/** Inside the transaction that makes the sale: `units` more of the product sold. */
export async function countSoldTx(tx: Transaction, ctx: Ctx, productId: string, units: number): Promise<void> {
  await tx
    .collection('products')
    .doc(productId)
    .update({ data: { sold: ctx.db.command.inc(units) } });
}
