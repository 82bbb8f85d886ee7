// Withdrawals: the KOC asks, the merchant approves (money set aside) or rejects, WeChat's
// merchant transfer waits for the KOC to confirm in the app. Each move is one transaction with
// what must go with it (the hold, the release, the paid posting, the balance, the day's cap and
// the open-request marker), so a crash leaves either the whole move or none of it. The bill
// number is the withdrawal id, never changed, so WeChat pays a retried transfer once.
import { createHash } from 'node:crypto';
import { campusDay } from '../../core/campus-days';
import { holdLines, type Line, paidLines, releaseLines } from '../../core/ledger';
import { fail, ok } from '../../core/result';
import {
  CONFIRM_WITHIN_MS,
  DAILY_WITHDRAWAL_CAP_FEN,
  MAX_WITHDRAWAL_FEN,
  MIN_WITHDRAWAL_FEN,
  TRANSFER_REAL_NAME_FROM_FEN,
  type WithdrawalState,
  withdrawalMachine,
} from '../../core/withdrawal-machine';
import type { Ctx } from '../context';
import { type LedgerTx, withLedger } from './ledger';

export interface WithdrawalDoc {
  _id: string; // also the transfer's bill number
  koc: string;
  merchantId: string;
  amountFen: number;
  status: WithdrawalState;
  /** The campus day whose cap this withdrawal counts against (given back if it ends unpaid). */
  day?: string;
  reason?: string;
  packageInfo?: string;
  confirmBy?: Date;
  history: { from: WithdrawalState; to: WithdrawalState; at: Date; by: string }[];
  createdAt: Date;
}

/** Per KOC and campus day: what requests still count against the daily cap. */
interface DayDoc {
  koc: string;
  day: string;
  fen: number;
}

const dayId = (koc: string, day: string) => `${koc}:${day}`;

const postFor = (w: WithdrawalDoc, kind: 'hold' | 'paid' | 'release', lines: Line[], memo: string) => ({
  _id: `${kind}:${w._id}`,
  kind,
  orderId: '',
  koc: w.koc,
  merchantId: w.merchantId,
  lines,
  memo,
});

/** Moves the withdrawal inside the transaction; false when it is no longer in `from`. */
async function moveIn(l: LedgerTx, w: WithdrawalDoc, from: WithdrawalState, to: WithdrawalState, by: string, extra: Record<string, unknown> = {}) {
  withdrawalMachine.assertMove(from, to);
  if (w.status !== from) return false;
  const history = [...(w.history ?? []), { from, to, at: l.now, by }];
  await l.tx
    .collection('withdrawals')
    .doc(w._id)
    .update({ data: { ...extra, status: to, history } });
  return true;
}

/** The withdrawal ended unpaid: its share of the day's cap goes back and the marker goes. */
async function endUnpaid(l: LedgerTx, w: WithdrawalDoc): Promise<void> {
  await l.setOpenWithdrawal(w.merchantId, w.koc, w._id, false);
  if (!w.day) return;
  const day = await l.get<DayDoc>('withdrawal_days', dayId(w.koc, w.day));
  if (day)
    await l.tx
      .collection('withdrawal_days')
      .doc(day._id)
      .update({ data: { fen: Math.max(0, day.fen - w.amountFen) } });
}

export async function requestWithdrawal(ctx: Ctx, input: { merchantId: string; amountFen: number; requestId: string }) {
  if (input.amountFen < MIN_WITHDRAWAL_FEN) return fail('BELOW_MINIMUM', `最少提现 ¥${MIN_WITHDRAWAL_FEN / 100}`);
  if (input.amountFen > MAX_WITHDRAWAL_FEN)
    return fail(
      'ABOVE_MAXIMUM',
      `单笔提现需低于 ¥${TRANSFER_REAL_NAME_FROM_FEN / 100}（微信转账满 ¥${TRANSFER_REAL_NAME_FROM_FEN / 100} 需收款人实名），请分笔提现`,
    );
  const id = `w${createHash('sha256').update(`${ctx.openid}|${input.requestId}`).digest('hex').slice(0, 31)}`;
  const koc = ctx.openid;
  // Balance, open marker and the day's cap are read and taken in one transaction: two requests
  // at once write the same balance and day documents, so one of them retries and sees the other.
  const outcome = await withLedger(ctx, async (l) => {
    const existing = await l.get<WithdrawalDoc>('withdrawals', id);
    if (existing) return { status: existing.status };
    // The day from the same instant as createdAt: a request that runs across midnight counts
    // against the day it is recorded on.
    const day = campusDay(l.now.getTime());
    const b = await l.balance(input.merchantId, koc);
    if (b.openWithdrawal) return { refused: 'REQUEST_OPEN' as const };
    if (input.amountFen > b.availableFen) return { refused: 'INSUFFICIENT' as const };
    const today = await l.get<DayDoc>('withdrawal_days', dayId(koc, day));
    const taken = today?.fen ?? 0;
    if (taken + input.amountFen > DAILY_WITHDRAWAL_CAP_FEN) return { refused: 'DAILY_CAP' as const };
    await l.tx
      .collection('withdrawal_days')
      .doc(dayId(koc, day))
      .set({ data: { koc, day, fen: taken + input.amountFen } });
    const doc: Omit<WithdrawalDoc, '_id'> = {
      koc,
      merchantId: input.merchantId,
      amountFen: input.amountFen,
      status: 'requested',
      day,
      history: [],
      createdAt: l.now,
    };
    await l.tx.collection('withdrawals').add({ data: { _id: id, ...doc } });
    await l.setOpenWithdrawal(input.merchantId, koc, id, true);
    return { status: 'requested' as WithdrawalState };
  });
  if ('refused' in outcome) {
    if (outcome.refused === 'REQUEST_OPEN') return fail('REQUEST_OPEN', '这家店还有一笔提现在处理中，处理完再申请');
    if (outcome.refused === 'INSUFFICIENT') return fail('INSUFFICIENT', '可提现余额不足（已扣除退款收回的佣金）');
    return fail('DAILY_CAP', `每天最多提现 ¥${DAILY_WITHDRAWAL_CAP_FEN / 100}`);
  }
  return ok({ withdrawalId: id, status: outcome.status });
}

/**
 * Sets the money aside and starts the transfer. The move to approved, the hold posting and the
 * balance are one transaction, and the balance is checked in it, so two approvals cannot both
 * spend it and a crash cannot leave an approved withdrawal whose money is still available.
 */
export async function approve(ctx: Ctx, withdrawalId: string) {
  const outcome = await withLedger(ctx, async (l) => {
    const w = await l.get<WithdrawalDoc>('withdrawals', withdrawalId);
    if (!w) return { refused: 'NOT_FOUND' as const };
    if (w.status !== 'requested') return { w };
    const b = await l.balance(w.merchantId, w.koc);
    if (w.amountFen > b.availableFen) return { refused: 'INSUFFICIENT' as const };
    await moveIn(l, w, 'requested', 'approved', ctx.openid);
    await l.post(postFor(w, 'hold', holdLines(w.koc, w.amountFen), '提现审核通过'));
    return { w: { ...w, status: 'approved' as WithdrawalState } };
  });
  if ('refused' in outcome) {
    if (outcome.refused === 'NOT_FOUND') return fail('NOT_FOUND', '没有这笔提现');
    return fail('INSUFFICIENT', 'KOC 的可提现余额已不足（可能有退款收回），请驳回');
  }
  const { w } = outcome;
  if (w.status === 'approved') return startTransfer(ctx, w);
  if (w.status === 'awaiting_confirmation' || w.status === 'paid') return ok({ withdrawalId: w._id, status: w.status });
  return fail('BAD_STATE', '只能审核待审核的提现');
}

/** Money back to available after a refused, failed or expired transfer, with the move. */
async function giveBack(ctx: Ctx, id: string, from: WithdrawalState, to: 'failed' | 'expired', memo: string): Promise<boolean> {
  return withLedger(ctx, async (l) => {
    const w = await l.get<WithdrawalDoc>('withdrawals', id);
    if (!w || !(await moveIn(l, w, from, to, 'system'))) return false;
    await l.post(postFor(w, 'release', releaseLines(w.koc, w.amountFen), memo));
    await endUnpaid(l, w);
    return true;
  });
}

export async function startTransfer(ctx: Ctx, w: WithdrawalDoc) {
  let result: { state: 'WAIT_USER_CONFIRM' | 'FAIL'; packageInfo?: string };
  try {
    result = await ctx.payout.transfer({ outBillNo: w._id, openid: w.koc, amountFen: w.amountFen, remark: '校园种草佣金' });
  } catch (e) {
    // An unclear answer (a timeout, a 5xx) may still have paid: keep the money set aside and let
    // the sweep ask again with the same bill number, which WeChat never pays twice.
    ctx.log.error('transfer outcome unknown; retried by the sweep', { withdrawalId: w._id, error: e });
    return ok({ withdrawalId: w._id, status: 'approved' as WithdrawalState });
  }
  if (result.state === 'WAIT_USER_CONFIRM') {
    withdrawalMachine.assertMove('approved', 'awaiting_confirmation');
    // No money moves here (it is already in transit), so one conditional update is the move.
    const _ = ctx.db.command;
    await ctx.db
      .collection('withdrawals')
      .where({ _id: w._id, status: 'approved' })
      .update({
        data: {
          packageInfo: result.packageInfo ?? '',
          confirmBy: new Date(ctx.now() + CONFIRM_WITHIN_MS),
          status: 'awaiting_confirmation',
          history: _.push([{ from: 'approved', to: 'awaiting_confirmation', at: new Date(ctx.now()), by: 'system' }]),
        },
      });
    return ok({ withdrawalId: w._id, status: 'awaiting_confirmation' as WithdrawalState });
  }
  await giveBack(ctx, w._id, 'approved', 'failed', '转账失败，退回余额');
  return ok({ withdrawalId: w._id, status: 'failed' as WithdrawalState });
}

/** The KOC confirmed in the app (or the timer checks): paid, still waiting, or money back. */
export async function settleTransfer(ctx: Ctx, w: WithdrawalDoc, expire: boolean) {
  const ask = () => ctx.payout.query(w._id).catch(() => ({ state: 'WAIT_USER_CONFIRM' as const }));
  let { state } = await ask();
  if (state === 'WAIT_USER_CONFIRM' && expire) {
    // Our 24 hours are up, but WeChat may close the bill later and the KOC can still confirm
    // until then: cancel it, and give the money back only once WeChat says the bill is closed.
    await ctx.payout.cancel(w._id).catch((e) => ctx.log.error('transfer cancel failed; asked again by the sweep', { withdrawalId: w._id, error: e }));
    ({ state } = await ask());
  }
  if (state === 'SUCCESS') {
    await withLedger(ctx, async (l) => {
      const cur = await l.get<WithdrawalDoc>('withdrawals', w._id);
      if (!cur || !(await moveIn(l, cur, 'awaiting_confirmation', 'paid', 'system'))) return;
      await l.post(postFor(cur, 'paid', paidLines(cur.koc, cur.amountFen), '佣金已到账'));
      await l.setOpenWithdrawal(cur.merchantId, cur.koc, cur._id, false);
    });
    return 'paid' as const;
  }
  if (state !== 'FAIL') return 'awaiting_confirmation' as const;
  const to = expire ? 'expired' : 'failed';
  await giveBack(ctx, w._id, 'awaiting_confirmation', to, to === 'expired' ? '24 小时内未确认，退回余额' : '转账失败，退回余额');
  return to;
}

/**
 * Reconciler: an approved withdrawal must have its hold before any transfer. Approval writes
 * both in one transaction; one approved by an older version that died in between gets its hold
 * now (the money is committed to a transfer that may already exist at WeChat).
 */
async function ensureHold(ctx: Ctx, id: string): Promise<void> {
  await withLedger(ctx, async (l) => {
    const w = await l.get<WithdrawalDoc>('withdrawals', id);
    if (w?.status === 'approved') await l.post(postFor(w, 'hold', holdLines(w.koc, w.amountFen), '提现审核通过'));
  });
}

/** Timer: transfers left at 'approved' by a crash are started again (same bill number); stale confirmations expire. */
export async function sweepWithdrawals(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  let n = 0;
  const stuck = (await ctx.db.collection<WithdrawalDoc>('withdrawals').where({ status: 'approved' }).limit(100).get()).data;
  for (const w of stuck) {
    await ensureHold(ctx, w._id);
    await startTransfer(ctx, w);
    n++;
  }
  const due = (
    await ctx.db
      .collection<WithdrawalDoc>('withdrawals')
      .where({ status: 'awaiting_confirmation', confirmBy: _.lte(new Date(ctx.now())) })
      .limit(100)
      .get()
  ).data;
  for (const w of due) if ((await settleTransfer(ctx, w, true)) !== 'awaiting_confirmation') n++;
  return n;
}

export async function reject(ctx: Ctx, withdrawalId: string, reason: string) {
  const done = await withLedger(ctx, async (l) => {
    const w = await l.get<WithdrawalDoc>('withdrawals', withdrawalId);
    if (!w || !(await moveIn(l, w, 'requested', 'rejected', ctx.openid, { reason }))) return false;
    await endUnpaid(l, w);
    return true;
  });
  if (!done) return fail('BAD_STATE', '只能驳回待审核的提现');
  return ok({ withdrawalId, status: 'rejected' as WithdrawalState });
}
