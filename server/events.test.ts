// The event writer takes only the declared shapes (tsc checks the @ts-expect-error lines) and
// stores type, time and caller beside the fields.
import type { Ctx } from './context';
import { orderEventFields, recordEvent } from './events';

function capture() {
  const added: unknown[] = [];
  const db = { collection: (name: string) => ({ add: async ({ data }: { data: unknown }) => void added.push({ name, data }) }) };
  const ctx = { db, now: () => Date.UTC(2026, 0, 2), openid: 'o-1' } as unknown as Ctx;
  return { ctx, added };
}

const order = { _id: 'ord-1', buyer: 'o-1', groupId: 'g-1', merchantId: 'm-1', totalFen: 1990, binding: { code: 'C1', sharer: 'koc-1' } };

describe('recordEvent', () => {
  it('stores the declared fields with type, time and caller', async () => {
    const { ctx, added } = capture();
    await recordEvent(ctx, 'order_paid', orderEventFields(order));
    expect(added).toEqual([
      {
        name: 'events',
        data: {
          type: 'order_paid',
          at: new Date(Date.UTC(2026, 0, 2)),
          openid: 'o-1',
          orderId: 'ord-1',
          groupId: 'g-1',
          merchantId: 'm-1',
          amountFen: 1990,
          code: 'C1',
          sharer: 'koc-1',
          buyer: 'o-1',
        },
      },
    ]);
  });

  it('refuses undeclared types and missing fields at compile time', async () => {
    const { ctx, added } = capture();
    // @ts-expect-error: not an event Sprout declares
    await recordEvent(ctx, 'order_teleported', orderEventFields(order));
    // @ts-expect-error: refund_succeeded needs refundFen
    await recordEvent(ctx, 'refund_succeeded', orderEventFields(order));
    // @ts-expect-error: open_failed's reason is 'expired' or 'unknown'
    await recordEvent(ctx, 'open_failed', { code: 'X', scene: 1001, reason: 'lost' });
    expect(added).toHaveLength(3);
  });
});
