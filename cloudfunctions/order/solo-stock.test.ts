// Random runs of buys (some retried with the same request id, some at once), payments,
// duplicate and late callbacks, expiries and sweeps: the product's own stock is conserved at
// every step (free + held by unpaid orders + sold = stocked, never below zero), and once the
// timers settle nothing is held by an order that is not waiting for payment.
import fc from 'fast-check';
import { simulatePayment } from '../../local-cloud/pay-sim';
import { STUDENTS, world } from '../groupbuy/fixture';
import { orderInvariants } from '../groupbuy/invariants';

type Step =
  | { kind: 'buy'; who: number; quantity: number; retry: boolean }
  | { kind: 'rush'; quantity: number }
  | { kind: 'pay'; order: number; repeat: number }
  | { kind: 'lateCallback'; order: number }
  | { kind: 'wait'; minutes: number }
  | { kind: 'tick' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('buy' as const), who: fc.nat(3), quantity: fc.integer({ min: 1, max: 4 }), retry: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rush' as const), quantity: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pay' as const), order: fc.nat(20), repeat: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lateCallback' as const), order: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.constantFrom(1, 5, 16) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const) }) },
);

it('solo stock is conserved under random buys, cancels by expiry, payments and sweeps', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
      const w = await world({ productStock: 8, latencyMs: [0, 2], random: () => 0.5 });
      await w.shopFulfilment();
      const orders: { id: string; buyer: string; requestId: string; quantity: number }[] = [];
      const conserved = async () => {
        const p = await w.product();
        expect(p.stock).toBeGreaterThanOrEqual(0);
        expect(p.stock + (p.heldUnits ?? 0) + (p.soloSold ?? 0)).toBe(8);
      };
      for (const s of steps) {
        if (s.kind === 'buy') {
          const buyer = STUDENTS[s.who];
          const prior = s.retry ? orders.find((o) => o.buyer === buyer) : undefined;
          const requestId = prior?.requestId ?? w.rid();
          const res = await w.buy(buyer, prior?.quantity ?? s.quantity, undefined, requestId);
          if (res.ok && !orders.some((o) => o.id === res.data.orderId)) orders.push({ id: res.data.orderId, buyer, requestId, quantity: s.quantity });
          if (!res.ok) expect(res.code).toBe('SOLD_OUT');
        } else if (s.kind === 'rush') {
          // Three students at once for the last units.
          const answers = await Promise.all(
            STUDENTS.slice(3, 6).map((who) => {
              const requestId = w.rid();
              return w.buy(who, s.quantity, undefined, requestId).then((r) => ({ r, who, requestId }));
            }),
          );
          for (const { r, who, requestId } of answers) if (r.ok) orders.push({ id: r.data.orderId, buyer: who, requestId, quantity: s.quantity });
        } else if (s.kind === 'pay' && orders.length) {
          const o = orders[s.order % orders.length];
          await w.pay(o.buyer, o.id, s.repeat);
        } else if (s.kind === 'lateCallback' && orders.length) {
          await simulatePayment(w.cloud, orders[s.order % orders.length].id, 'success', 1);
        } else if (s.kind === 'wait') w.clock.advance(s.minutes * 60_000);
        else if (s.kind === 'tick') await w.tick();
        await conserved();
      }
      w.clock.advance(20 * 60_000);
      await w.settle();
      await conserved();
      expect(await orderInvariants(w, true)).toEqual([]);
      const p = await w.product();
      expect(p.heldOrders ?? []).toEqual([]);
      w.dispose();
    }),
    { numRuns: 25 },
  );
});
