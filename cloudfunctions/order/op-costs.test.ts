// What the buyer's order actions cost in database round trips: buying alone is a fixed number
// of reads and writes whatever the stock or the shop, and an order page costs the same reads
// however many orders it shows or came before it.
import { STUDENTS, world } from '../groupbuy/fixture';

const [A] = STUDENTS;

describe("the buyer's order actions cost the same whatever the data", () => {
  it('order.buy: 5 reads and 6 writes, whatever came before', async () => {
    const cost = async (before: number) => {
      const w = await world({ productStock: 50 });
      await w.shopFulfilment();
      for (let i = 0; i < before; i++) await w.buy(A, 1);
      const m = await w.callMetered<{ orderId: string }>('order', A, {
        action: 'buy',
        productId: 'fx-product',
        quantity: 2,
        fulfilment: { type: 'delivery', address: { building: '竹园 3 号楼', room: '502', name: '学生一', phone: '13800000001' } },
        requestId: 'fx-cost-buy',
      });
      w.dispose();
      return m;
    };
    const [first, later] = [await cost(0), await cost(8)];
    expect(first.result.ok && later.result.ok).toBe(true);
    // Reads: the order id (a retry?), the product, the shop, the caller's binding, the transaction's read of the order.
    // Writes: the order, the stock, and a transaction (start, the order's move, order_created, commit).
    expect([first.ops.reads, later.ops.reads]).toEqual([5, 5]);
    expect([first.ops.writes, later.ops.writes]).toEqual([6, 6]);
  });

  it('order.list: 1 read for a page of 2 and of 10, and on the second page (plus 1 for the refunds when a shown order has one)', async () => {
    const page = async (n: number) => {
      const w = await world({ productStock: 50 });
      await w.shopFulfilment();
      for (let i = 0; i < n; i++) {
        const b = await w.buy(A, 1);
        if (b.ok && i % 2 === 0) await w.pay(A, b.data.orderId);
        w.clock.advance(1000);
      }
      const m = await w.callMetered<{ items: unknown[]; nextCursor: string | null }>('order', A, { action: 'list', tab: 'all' });
      const next =
        m.result.ok && m.result.data.nextCursor ? await w.callMetered('order', A, { action: 'list', tab: 'all', cursor: m.result.data.nextCursor }) : null;
      w.dispose();
      return { ...m, next };
    };
    const [small, large] = [await page(2), await page(14)];
    expect([small.result.ok && small.result.data.items.length, large.result.ok && large.result.data.items.length]).toEqual([2, 10]);
    expect([small.ops.reads, large.ops.reads, large.next?.ops.reads]).toEqual([1, 1, 1]);
    expect([small.ops.writes, large.ops.writes]).toEqual([0, 0]);
  });
});
