// Crash-point enumeration for the money actions: for k = 1, 2, ... the process dies right after
// the k-th committed write of the action, restarts on the same data, WeChat delivers what it
// would deliver again, the timers run until nothing changes, and the invariants hold: each
// payment taken once, refunds within payments, failed groups refunded once, no group
// over-filled, stock conserved, nothing stuck. k stops once the action finishes without dying.
import { simulatePayment } from '../../local-cloud/pay-sim';
import { OWNER, paidGroup, STUDENTS, type World, world } from './fixture';
import { orderInvariants } from './invariants';

const [A, B, C] = STUDENTS;
const MAX_WRITES = 30;

interface Scenario {
  name: string;
  groupSize?: number;
  /** The world before the action. */
  setup(w: World): Promise<Record<string, string>>;
  /** The action that is killed; `again` is the same request after a restart (a client or WeChat retrying). */
  act(w: World, s: Record<string, string>): Promise<unknown>;
  again?(w: World, s: Record<string, string>): Promise<unknown>;
  /** What must be true after settling, beyond the invariants. */
  expect?(w: World, s: Record<string, string>): Promise<void>;
}

const scenarios: Scenario[] = [
  {
    name: 'open (leader opens a group; the client retries the same request)',
    setup: async () => ({}),
    act: (w) => w.open(A, 'fx-crash-open-1'),
    again: async (w) => {
      const res = await w.open(A, 'fx-crash-open-1');
      // A retry that answers ok names a group that exists and holds the seat.
      if (res.ok) expect((await w.group(res.data.groupId))?.seatOrders).toContain(res.data.orderId);
      return res;
    },
  },
  {
    name: 'join (a student joins, then retries)',
    setup: async (w) => {
      const lead = await w.open(A);
      if (!lead.ok) throw new Error(lead.message);
      await w.pay(A, lead.data.orderId);
      return { groupId: lead.data.groupId };
    },
    act: (w, s) => w.join(B, s.groupId, 'fx-crash-join-1'),
    again: (w, s) => w.join(B, s.groupId, 'fx-crash-join-1'),
  },
  {
    name: 'pay callback (the last seat is paid; WeChat delivers again)',
    setup: async (w) => {
      const lead = await w.open(A);
      if (!lead.ok) throw new Error(lead.message);
      const mate = await w.join(B, lead.data.groupId);
      if (!mate.ok) throw new Error(mate.message);
      await w.pay(A, lead.data.orderId);
      await w.call('order', B, { action: 'pay', orderId: mate.data.orderId });
      return { groupId: lead.data.groupId, mate: mate.data.orderId };
    },
    act: (w, s) => simulatePayment(w.cloud, s.mate, 'success', 1),
    again: (w, s) => simulatePayment(w.cloud, s.mate, 'success', 1),
    expect: async (w, s) => {
      expect(await w.group(s.groupId)).toMatchObject({ status: 'succeeded', paid: 2 });
      expect((await w.events('order_paid')).length).toBe(2);
      expect((await w.events('group_succeeded')).length).toBe(1);
      expect(await w.order(s.mate)).toMatchObject({ status: 'confirmed', money: 'paid' });
    },
  },
  {
    name: 'requestRefund (after shipping, part of the money)',
    setup: async (w) => {
      const g = await paidGroup(w);
      await w.call('merchant', OWNER, { action: 'ship', orderId: g.mate, carrier: '商家配送' });
      return g;
    },
    act: (w, s) => w.call('order', B, { action: 'requestRefund', orderId: s.mate, amountFen: 700, reason: '收到时已损坏' }),
    again: (w, s) => w.call('order', B, { action: 'requestRefund', orderId: s.mate, amountFen: 700, reason: '收到时已损坏' }),
  },
  {
    name: 'approveRefund (the merchant approves; the sweep pays it)',
    setup: async (w) => {
      const g = await paidGroup(w);
      await w.call('merchant', OWNER, { action: 'ship', orderId: g.mate, carrier: '商家配送' });
      const asked = await w.call<{ refundId: string }>('order', B, { action: 'requestRefund', orderId: g.mate, amountFen: 700, reason: '收到时已损坏' });
      if (!asked.ok) throw new Error(asked.message);
      return { ...g, refundId: asked.data.refundId };
    },
    act: (w, s) => w.call('merchant', OWNER, { action: 'approveRefund', orderId: s.mate, refundId: s.refundId }),
    again: (w, s) => w.call('merchant', OWNER, { action: 'approveRefund', orderId: s.mate, refundId: s.refundId }),
    expect: async (w, s) => {
      expect((await w.events('refund_succeeded')).length).toBe(1);
      expect(await w.order(s.mate)).toMatchObject({ refundedFen: 700 });
      expect(await w.order(s.mate)).toMatchObject({ status: 'shipped', money: 'partially_refunded' });
    },
  },
  {
    name: 'sweep (a 3-seat group with two paid and one unpaid fails at its deadline)',
    groupSize: 3,
    setup: async (w) => {
      const lead = await w.open(A);
      if (!lead.ok) throw new Error(lead.message);
      const b = await w.join(B, lead.data.groupId);
      const c = await w.join(C, lead.data.groupId);
      if (!b.ok || !c.ok) throw new Error('join failed');
      await w.pay(A, lead.data.orderId);
      await w.pay(B, b.data.orderId);
      w.clock.advance(25 * 3600_000);
      return { groupId: lead.data.groupId };
    },
    act: (w) => w.tick(),
    expect: async (w, s) => {
      expect(await w.group(s.groupId)).toMatchObject({ status: 'failed', settled: true });
      expect(w.cloud.pay.refunds.size).toBe(2);
    },
  },
  {
    name: 'sweep (an unpaid leader seat expires: the group ends, its stock returns)',
    setup: async (w) => {
      const lead = await w.open(A);
      if (!lead.ok) throw new Error(lead.message);
      w.clock.advance(16 * 60_000);
      return { groupId: lead.data.groupId };
    },
    act: (w) => w.tick(),
    expect: async (w, s) => {
      expect(await w.group(s.groupId)).toMatchObject({ status: 'failed', settled: true });
      expect((await w.campaign()).stock).toBe(10);
    },
  },
  {
    name: 'sweep (a succeeded group is settled and a shipped order auto-confirmed)',
    setup: async (w) => {
      const g = await paidGroup(w);
      await w.call('merchant', OWNER, { action: 'ship', orderId: g.mate, carrier: '商家配送' });
      w.clock.advance(11 * 86_400_000);
      return g;
    },
    act: (w) => w.tick(),
    expect: async (w, s) => {
      expect(await w.order(s.mate)).toMatchObject({ status: 'completed' });
      expect((await w.events('order_completed')).map((e) => e.orderId)).toEqual([s.mate]);
    },
  },
  {
    name: 'buy alone (2 units for delivery; the client retries the same request)',
    setup: async (w) => {
      await w.shopFulfilment();
      return {};
    },
    act: (w) => w.buy(A, 2, undefined, 'fx-crash-buy-1'),
    again: async (w) => {
      const res = await w.buy(A, 2, undefined, 'fx-crash-buy-1');
      // A retry that answers ok names an order waiting for payment that holds its 2 units.
      if (res.ok) expect(await w.product()).toMatchObject({ heldOrders: [res.data.orderId], heldUnits: 2, stock: 8 });
      return res;
    },
  },
  {
    name: 'pay callback for a solo order (sold, confirmed; WeChat delivers again)',
    setup: async (w) => {
      await w.shopFulfilment();
      const b = await w.buy(A, 2);
      if (!b.ok) throw new Error(b.message);
      await w.call('order', A, { action: 'pay', orderId: b.data.orderId });
      return { orderId: b.data.orderId };
    },
    act: (w, s) => simulatePayment(w.cloud, s.orderId, 'success', 1),
    again: (w, s) => simulatePayment(w.cloud, s.orderId, 'success', 1),
    expect: async (w, s) => {
      expect(await w.order(s.orderId)).toMatchObject({ status: 'confirmed', money: 'paid' });
      expect(await w.product()).toMatchObject({ stock: 8, heldUnits: 0, soloSold: 2 });
      expect((await w.events('order_paid')).map((e) => e.orderId)).toEqual([s.orderId]);
    },
  },
  {
    name: 'sweep (an unpaid solo order expires: its units return once)',
    setup: async (w) => {
      await w.shopFulfilment();
      const b = await w.buy(A, 3);
      if (!b.ok) throw new Error(b.message);
      w.clock.advance(16 * 60_000);
      return { orderId: b.data.orderId };
    },
    act: (w) => w.tick(),
    expect: async (w, s) => {
      expect(await w.order(s.orderId)).toMatchObject({ status: 'cancelled' });
      expect(await w.product()).toMatchObject({ stock: 10, heldUnits: 0, heldOrders: [] });
    },
  },
];

const runs = scenarios.flatMap((sc) =>
  sc.again
    ? [
        { ...sc, retry: true },
        { ...sc, name: `${sc.name}, never retried`, retry: false },
      ]
    : [{ ...sc, retry: false }],
);

describe.each(runs)('crash after every write: $name', (sc) => {
  it('recovers with every invariant holding', async () => {
    const found: string[] = [];
    let k = 1;
    for (; k <= MAX_WRITES; k++) {
      const w = await world({ durable: true, groupSize: sc.groupSize ?? 2, stock: 10 });
      const s = await sc.setup(w);
      const crashesBefore = w.crashes();
      w.crashAfterWrites(k);
      await sc.act(w, s).catch(() => null);
      const died = w.crashes() > crashesBefore;
      if (died) await w.restart();
      w.cloud.engine.faults.arm({});
      if (sc.retry) await sc.again?.(w, s);
      // Let half-made seats pass their grace and the timers finish what is left.
      w.clock.advance(2 * 60_000);
      await w.settle();
      for (const bad of await orderInvariants(w, true)) found.push(`k=${k}: ${bad}`);
      await sc.expect?.(w, s);
      w.cloud.close();
      if (!died) break;
    }
    console.log(`${sc.name}: crashed at k = 1..${k - 1}`);
    expect(found).toEqual([]);
    expect(k).toBeGreaterThan(1); // the action wrote at least once, so some crash was tried
  });
});
