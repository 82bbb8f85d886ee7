// Commission entries and their postings, each change in one transaction with its posting and
// the KOC's balance: a crash leaves either both or neither, so a retry (or the next timer run)
// finishes the work and can never take the same money twice. Every step is derived from the
// order's state now (what it is worth after refunds, whether it completed), not from which
// event happened to arrive first.
import { accrueLines, clawbackLines, commissionAfterRefunds, commissionMachine, matureLines } from '../../core/ledger';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import type { OrderDoc } from '../orders/orders';
import { type CommissionDoc, type CommissionProgram, DEFAULT_PROGRAM, type LedgerTx, withLedger } from './ledger';

const DAY = 86_400_000;

/** The fields of an order this domain reads (the order domain owns the rest). */
export type OrderFacts = Pick<OrderDoc, '_id' | 'merchantId' | 'refundedFen' | 'totalFen'> & { completedAt?: Date | null };

export async function programOf(ctx: Ctx, merchantId: string): Promise<CommissionProgram> {
  const p = await getDoc<{ commission?: Partial<CommissionProgram> }>(ctx, 'programs', merchantId);
  return { ...DEFAULT_PROGRAM, ...(p?.commission ?? {}) };
}

/** When the after-sales window of a completed order ends under `program`; null while it is not completed. */
export function windowEnd(order: Pick<OrderFacts, 'completedAt'>, program: Pick<CommissionProgram, 'holdDays'>): Date | null {
  if (!order.completedAt) return null;
  return new Date(new Date(order.completedAt).getTime() + program.holdDays * DAY);
}

/** When the after-sales window of a completed order ends; null while it is not completed. */
export async function maturityOf(ctx: Ctx, order: OrderFacts): Promise<Date | null> {
  return order.completedAt ? windowEnd(order, await programOf(ctx, order.merchantId)) : null;
}

/** What a commission is worth now: a sharer's pro rata, a leader's reward all or nothing. */
export function worthNow(c: Pick<CommissionDoc, 'tier' | 'baseFen' | 'rateBp' | 'currentFen'>, order: OrderFacts): number {
  if (c.tier === 'leader') return order.refundedFen >= order.totalFen ? 0 : c.currentFen;
  return commissionAfterRefunds(c.baseFen, order.refundedFen, c.rateBp);
}

/** Creates the entry and its accrual together (once), then brings it to the order's refunds. */
export async function accrue(ctx: Ctx, doc: Omit<CommissionDoc, 'maturesAt' | 'createdAt' | 'history'>, order: OrderFacts, memo: string): Promise<void> {
  const maturesAt = await maturityOf(ctx, order);
  await withLedger(ctx, async (l) => {
    if (await l.get('commissions', doc._id)) return;
    await l.tx.collection('commissions').add({ data: { ...doc, maturesAt, createdAt: l.now, history: [] } });
    await l.post({
      _id: `accrue:${doc._id}`,
      kind: 'accrue',
      orderId: doc.orderId,
      koc: doc.koc,
      merchantId: doc.merchantId,
      lines: accrueLines(doc.merchantId, doc.koc, doc.earnedFen),
      memo,
    });
  });
  await clawBack(ctx, doc._id, order);
}

export interface NewEntry {
  doc: Omit<CommissionDoc, 'maturesAt' | 'createdAt' | 'history'>;
  maturesAt: Date | null;
  memo: string;
}

/**
 * Accrues entries the caller has just read to be new, all in one transaction: the commission
 * timer's page costs one balance write per KOC instead of a transaction per order. If one
 * appeared meanwhile, its unique id fails the commit and nothing is written: the caller then
 * goes one by one with accrue, which skips what exists. Refunds are the caller's (clawBack).
 * `missingBalances`: balance ids the caller just read as not existing (started with an insert).
 */
export async function accrueNew(ctx: Ctx, entries: NewEntry[], missingBalances: Iterable<string> = []): Promise<void> {
  await withLedger(ctx, async (l) => {
    l.expectMissing(missingBalances);
    for (const { doc, maturesAt, memo } of entries) {
      await l.tx.collection('commissions').add({ data: { ...doc, maturesAt, createdAt: l.now, history: [] } });
      await l.post(
        {
          _id: `accrue:${doc._id}`,
          kind: 'accrue',
          orderId: doc.orderId,
          koc: doc.koc,
          merchantId: doc.merchantId,
          lines: accrueLines(doc.merchantId, doc.koc, doc.earnedFen),
          memo,
        },
        true,
      );
    }
  });
}

/**
 * Takes back what refunds took from the order. The clawback posting and the entry's new value
 * are one transaction, so a crash between them cannot make the next refund claw back again.
 * Keyed by the refunded total: each refund level claws back once.
 */
export async function clawBack(ctx: Ctx, commissionId: string, order: OrderFacts): Promise<number> {
  return withLedger(ctx, async (l) => {
    const c = await l.get<CommissionDoc>('commissions', commissionId);
    if (!c) return 0;
    const after = worthNow(c, order);
    const back = c.currentFen - after;
    if (back <= 0) return 0;
    // Where the money sits decides the account; the entry's state moves with its mature posting.
    const posted = await l.post({
      _id: `clawback:${c._id}:${order.refundedFen}`,
      kind: 'clawback',
      orderId: c.orderId,
      koc: c.koc,
      merchantId: c.merchantId,
      lines: clawbackLines(c.merchantId, c.koc, back, c.state === 'available'),
      memo: `${c.title} 退款，收回${c.tier === 'leader' ? '团长奖励' : '佣金'}`,
      corrects: `accrue:${c._id}`,
    });
    // Already posted means an older version posted it without updating the entry: finish that.
    await l.tx
      .collection('commissions')
      .doc(c._id)
      .update({ data: { currentFen: after } });
    return posted ? back : 0;
  });
}

/** The after-sales window passed: what the entry is worth now becomes available, once. */
export function mature(ctx: Ctx, commissionId: string): Promise<boolean> {
  return withLedger(ctx, (l) => matureIn(ctx, l, commissionId));
}

/**
 * Matures several entries in one transaction (a page of the timer), each re-read and checked
 * as mature() does: one commit for the lot, and each KOC's balance written once.
 */
export function matureMany(ctx: Ctx, commissionIds: string[]): Promise<number> {
  return withLedger(ctx, async (l) => {
    let n = 0;
    for (const id of commissionIds) if (await matureIn(ctx, l, id)) n++;
    return n;
  });
}

async function matureIn(ctx: Ctx, l: LedgerTx, commissionId: string): Promise<boolean> {
  const _ = ctx.db.command;
  const c = await l.get<CommissionDoc>('commissions', commissionId);
  if (c?.state !== 'pending' || !c.maturesAt || new Date(c.maturesAt).getTime() > l.now.getTime()) return false;
  commissionMachine.assertMove('pending', 'available');
  // Pending and its mature posting change together, so a pending entry has none yet: no check.
  if (c.currentFen > 0)
    await l.post(
      {
        _id: `mature:${c._id}`,
        kind: 'mature',
        orderId: c.orderId,
        koc: c.koc,
        merchantId: c.merchantId,
        lines: matureLines(c.koc, c.currentFen),
        memo: `${c.title} 佣金可提现`,
      },
      true,
    );
  await l.tx
    .collection('commissions')
    .doc(c._id)
    .update({ data: { state: 'available', history: _.push([{ from: 'pending', to: 'available', at: l.now, by: 'system' }]) } });
  return true;
}
