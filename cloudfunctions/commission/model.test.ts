// Model-based: random sequences of payments (with duplicate callbacks), refunds, failed groups,
// clock moves, settlement and withdrawals. After every step the ledger must balance and agree
// with the orders it was built from.
import fc from 'fast-check';
import { commissionAfterRefunds, kocBalances } from '../../core/ledger';
import { simulatePayment } from '../../local-cloud/pay-sim';
import type { CommissionDoc, PostingDoc } from '../../server/repos/ledger';
import type { OrderDoc } from '../../server/repos/orders';
import { commissionCloud } from './testing';

const KOC = 'demo-koc-1';
type Step =
  | { k: 'buy'; dup: number }
  | { k: 'solo' }
  | { k: 'fulfil'; i: number }
  | { k: 'refund'; i: number; part: boolean }
  | { k: 'wait'; days: number }
  | { k: 'tick' }
  | { k: 'settle' }
  | { k: 'withdraw'; fen: number }
  | { k: 'approve'; failTransfer: boolean }
  | { k: 'confirm' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('buy' as const), dup: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('solo' as const) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('fulfil' as const), i: fc.nat(10) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('refund' as const), i: fc.nat(10), part: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('wait' as const), days: fc.constantFrom(1, 3, 8) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('tick' as const) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('settle' as const) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('withdraw' as const), fen: fc.integer({ min: 1000, max: 2000 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('approve' as const), failTransfer: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('confirm' as const) }) },
);

it('the ledger balances, sums to zero, never credits twice, and matches the orders after every settlement', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 14 }), async (steps) => {
      const c = await commissionCloud();
      const share = await c.call<{ code: string }>('share', KOC, { action: 'create', targetType: 'product', targetId: 'p-lamp', channel: 'chat' });
      if (!share.ok) throw new Error(share.message);
      const orders: { id: string; buyer: string }[] = [];
      const withdrawals: string[] = [];
      let n = 0;
      const buyer = () => `buyer-${n++}`;
      const bind = (b: string) => c.call('share', b, { action: 'open', code: share.data.code, scene: 1007 });
      for (const s of steps) {
        if (s.k === 'buy') {
          const b = buyer();
          await bind(b);
          const lead = await c.open(`lead-${n}`, 'c-lamp');
          const mate = lead.ok ? await c.join(b, lead.data.groupId) : lead;
          if (lead.ok && mate.ok) {
            await c.pay(`lead-${n}`, lead.data.orderId);
            await c.pay(b, mate.data.orderId);
            await simulatePayment(c.cloud, mate.data.orderId, 'success', s.dup); // duplicate deliveries
            orders.push({ id: mate.data.orderId, buyer: b });
          }
        } else if (s.k === 'solo') {
          const b = buyer();
          await bind(b);
          const lead = await c.open(b, 'c-lamp'); // nobody joins: the group will fail and be refunded
          if (lead.ok) await c.pay(b, lead.data.orderId);
        } else if (s.k === 'fulfil' && orders.length) {
          const o = orders[s.i % orders.length];
          await c.call('merchant', 'demo-merchant-2', { action: 'ship', orderId: o.id });
          await c.call('order', o.buyer, { action: 'confirmReceipt', orderId: o.id });
        } else if (s.k === 'refund' && orders.length) {
          const o = orders[s.i % orders.length];
          await c.call('order', o.buyer, { action: 'requestRefund', orderId: o.id, reason: '测试', ...(s.part ? { amountFen: 1000 } : {}) });
          await c.call('merchant', 'demo-merchant-2', { action: 'approveRefund', orderId: o.id });
        } else if (s.k === 'wait') c.clock.advance(s.days * 86_400_000);
        else if (s.k === 'tick') await c.tick();
        else if (s.k === 'settle') await c.settle();
        else if (s.k === 'withdraw') {
          const r = await c.call<{ withdrawalId: string }>('commission', KOC, {
            action: 'requestWithdrawal',
            merchantId: 'm-qingning',
            amountFen: s.fen,
            requestId: `wd-request-${withdrawals.length}`,
          });
          if (r.ok) withdrawals.push(r.data.withdrawalId);
        } else if (s.k === 'approve' && withdrawals.length) {
          const id = withdrawals[withdrawals.length - 1];
          const before = kocBalances((await c.cloud.db.collection<PostingDoc>('ledger').limit(100).get()).data, KOC).availableFen;
          if (s.failTransfer) c.cloud.payout.failNextTransfers(1);
          const res = await c.call<{ status: string }>('commission', 'demo-merchant-2', { action: 'approveWithdrawal', withdrawalId: id });
          c.cloud.payout.failNextTransfers(0);
          const w = (await c.cloud.db.collection<{ amountFen: number }>('withdrawals').doc(id).get()).data;
          if (res.ok && res.data.status !== 'failed') expect(w.amountFen).toBeLessThanOrEqual(before); // never more than available at approval
        } else if (s.k === 'confirm' && withdrawals.length) {
          const id = withdrawals[withdrawals.length - 1];
          c.cloud.payout.confirm(id);
          await c.call('commission', KOC, { action: 'confirmWithdrawal', withdrawalId: id });
        }
        const postings = (await c.cloud.db.collection<PostingDoc>('ledger').limit(100).get()).data;
        for (const p of postings) expect(p.lines.reduce((x, l) => x + l.fen, 0)).toBe(0);
        expect(postings.flatMap((p) => p.lines).reduce((x, l) => x + l.fen, 0)).toBe(0);
        const accrued = postings.filter((p) => p.kind === 'accrue').map((p) => p.orderId);
        expect(new Set(accrued).size).toBe(accrued.length);
      }
      // Settle everything that is due, then the ledger must agree with the orders.
      await c.tick();
      await c.settle();
      const postings = (await c.cloud.db.collection<PostingDoc>('ledger').limit(100).get()).data;
      const commissions = (await c.cloud.db.collection<CommissionDoc>('commissions').limit(100).get()).data;
      let expected = 0;
      for (const cm of commissions) {
        const o = (await c.cloud.db.collection<OrderDoc>('orders').doc(cm.orderId).get()).data;
        const worth = commissionAfterRefunds(cm.baseFen, o.refundedFen, cm.rateBp);
        expect(cm.currentFen).toBe(worth);
        expected += worth;
      }
      const b = kocBalances(postings, KOC);
      expect(b.pendingFen + b.availableFen + b.inTransitFen + b.paidOutFen).toBe(expected);
      expect(b.pendingFen).toBeGreaterThanOrEqual(0);
      expect(b.inTransitFen).toBeGreaterThanOrEqual(0);
    }),
    { numRuns: Number(process.env.LEDGER_RUNS ?? 1000) },
  );
}, 600_000);
