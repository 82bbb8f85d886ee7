// Reconciler for the products' own stock (orders bought alone): units held by an order that
// is no longer unpaid go back. A buy whose order the sweep cancelled while its step still ran,
// or a crash between two writes, can leave such a hold; the order's own state says it is dead.
// Walks the products holding units (an index on heldUnits), a page a query, from where the last
// run stopped; every fix is a transaction that re-reads the order and the product.
import { UNPAID_STATES } from '../../core/order-machine';
import { releaseIfNotUnpaid, type StockedProduct } from '../catalog/stock';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import type { OrderDoc } from '../orders/orders';
import { type RunBudget, walkOn } from '../run-budget';

export async function reconcileStockHolds(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  let released = 0;
  await walkOn(
    budget,
    (await getDoc<{ id: string }>(ctx, 'sweep_state', 'stock_holds'))?.id ?? '',
    async (size, after) => {
      const { data } = await ctx.db
        .collection<StockedProduct>('products')
        .where({ heldUnits: _.gt(0), _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(size)
        .get();
      const holders = await getDocsByIds<OrderDoc>(
        ctx,
        'orders',
        data.flatMap((p) => p.heldOrders ?? []),
      );
      for (const p of data)
        for (const id of p.heldOrders ?? []) {
          const o = holders.get(id);
          if (o && UNPAID_STATES.includes(o.status)) continue;
          if (await releaseIfNotUnpaid(ctx, p._id, id)) released++;
        }
      return { last: data.at(-1)?._id ?? null, n: data.length };
    },
    async (id) => {
      await ctx.db.collection('sweep_state').doc('stock_holds').set({ data: { id } });
    },
  );
  return released;
}
