// Random interleavings of joins, payments, duplicate callbacks, seat expiry and deadlines:
// seats and money stay exact whatever the order of events.
import fc from 'fast-check';
import { simulatePayment } from '../../local-cloud/pay-sim';
import { STUDENTS, world } from './fixture';

type Step =
  | { kind: 'open'; who: number }
  | { kind: 'join'; who: number; group: number }
  | { kind: 'pay'; order: number; repeat: number }
  | { kind: 'lateCallback'; order: number }
  | { kind: 'wait'; minutes: number }
  | { kind: 'tick' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('open' as const), who: fc.nat(5) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('join' as const), who: fc.nat(5), group: fc.nat(3) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('pay' as const), order: fc.nat(20), repeat: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lateCallback' as const), order: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.constantFrom(5, 16, 60, 25 * 60) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const) }) },
);

it('paid <= size, failed groups refunded exactly once, stock never negative, nothing both confirmed and refunded', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
      // A 3-seat, 24-hour group-buy with 60 in stock, at most 2 per student.
      const g = await world({ groupSize: 3, groupHours: 24, stock: 60, perStudentLimit: 2 });
      // Four buyers: 0 and 3 are one student, 1 and 4 another, 2 and 5 two more.
      const who = (i: number) => STUDENTS[[0, 1, 2, 0, 1, 3][i]];
      const groups: string[] = [];
      const orders: { id: string; buyer: string }[] = [];
      const moneyIn = new Set<string>();
      const check = async () => {
        for (const id of groups) {
          const gr = await g.group(id);
          expect(gr.paid).toBeLessThanOrEqual(gr.size);
          expect(gr.taken).toBeLessThanOrEqual(gr.size);
          expect(gr.taken).toBeGreaterThanOrEqual(0);
        }
        expect((await g.campaign()).stock).toBeGreaterThanOrEqual(0);
      };
      for (const s of steps) {
        if (s.kind === 'open' || s.kind === 'join') {
          const buyer = who(s.who);
          const res = s.kind === 'open' ? await g.open(buyer) : groups.length ? await g.join(buyer, groups[s.group % groups.length]) : null;
          if (res?.ok) {
            if (!groups.includes(res.data.groupId)) groups.push(res.data.groupId);
            orders.push({ id: res.data.orderId, buyer });
          }
        } else if (s.kind === 'pay' && orders.length) {
          const o = orders[s.order % orders.length];
          if ((await g.pay(o.buyer, o.id, s.repeat)).ok) moneyIn.add(o.id);
        } else if (s.kind === 'lateCallback' && orders.length) {
          const o = orders[s.order % orders.length];
          await simulatePayment(g.cloud, o.id, 'success', 1); // money that arrives whenever it arrives
          moneyIn.add(o.id);
        } else if (s.kind === 'wait') g.clock.advance(s.minutes * 60_000);
        else if (s.kind === 'tick') await g.tick();
        await check();
      }
      // Let every deadline pass and the sweep finish its work.
      g.clock.advance(48 * 3600_000);
      await g.tick();
      await g.tick();
      await check();
      for (const { id } of orders) {
        const o = await g.order(id);
        const states = o.history.map((h) => h.to);
        const gr = await g.group(o.groupId as string);
        const refunds = [...g.cloud.pay.refunds.keys()].filter((k) => k.includes(id));
        // Nothing is both confirmed and refunded; money is either kept for a confirmed order or returned, once.
        expect(states.includes('confirmed') && ['refunding', 'refunded'].includes(o.money)).toBe(false);
        expect(refunds.length).toBeLessThanOrEqual(1);
        if (moneyIn.has(id)) expect([`confirmed/paid`, `cancelled/refunded`]).toContain(`${o.status}/${o.money}`);
        else expect(refunds).toHaveLength(0);
        if (o.status === 'confirmed') expect(gr.status).toBe('succeeded');
        if (gr.status === 'failed' && states.includes('paid')) expect(o.money).toBe('refunded');
      }
    }),
    { numRuns: 300 },
  );
});
