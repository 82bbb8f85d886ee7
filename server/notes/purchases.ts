// The notes timer's purchase step: paid orders (order_paid events, read after a stored cursor in
// (at, _id) order) add their product's category to the buyer's feed interests. An interest is
// soft, but it is still counted once: each interests document remembers the orders it took
// (addPurchase), so reading an event again after a crash changes nothing.
import type { ProductDoc } from '../catalog/products';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { pageAfterKey } from '../db/keyset';
import type { SproutEvent } from '../events';
import type { RunBudget } from '../run-budget';
import { addPurchase } from './interests';

const CURSOR_ID = 'purchases';

interface CursorDoc {
  _id: string;
  at: Date;
  id: string;
}

type PaidEvent = Extract<SproutEvent, { type: 'order_paid' }>;

export async function foldPurchases(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  const stored = await getDoc<CursorDoc>(ctx, 'notes_state', CURSOR_ID);
  let cursor = stored ? { at: new Date(stored.at), id: stored.id } : { at: new Date(0), id: '' };
  return budget.drain(async (size) => {
    const events = await pageAfterKey<PaidEvent>({
      _,
      base: { type: 'order_paid' },
      field: 'at',
      dir: 'asc',
      after: { value: cursor.at, id: cursor.id },
      size,
      read: async (where, limit) =>
        (await ctx.db.collection<PaidEvent>('events').where(where).orderBy('at', 'asc').orderBy('_id', 'asc').limit(limit).get()).data as PaidEvent[],
    });
    if (events.length === 0) return 0;
    const orders = await getDocsByIds<{ productId: string; buyer: string }>(
      ctx,
      'orders',
      events.map((e) => e.orderId),
    );
    const products = await getDocsByIds<ProductDoc>(ctx, 'products', [...new Set([...orders.values()].map((o) => o.productId))]);
    for (const e of events) {
      const o = orders.get(e.orderId);
      const category = o ? products.get(o.productId)?.category : undefined;
      if (o?.buyer && category) await addPurchase(ctx, o.buyer, e.orderId, [category]);
    }
    const last = events[events.length - 1];
    cursor = { at: new Date(last.at), id: last._id };
    await ctx.db
      .collection('notes_state')
      .doc(CURSOR_ID)
      .set({ data: { at: cursor.at, id: cursor.id } });
    return events.length;
  });
}
