// Withdrawals: the KOC asks, the merchant approves (money set aside) or rejects, WeChat's
// merchant transfer waits for the KOC to confirm in the app. Each move is conditional on the
// current state and written to history; the bill number is the withdrawal id, never changed.
import { createHash } from 'node:crypto';
import { holdLines, type Line, paidLines, releaseLines } from '../../core/ledger';
import { fail, ok } from '../../core/result';
import { campusTime } from '../../core/time';
import {
  CONFIRM_WITHIN_MS,
  canMove,
  DAILY_WITHDRAWAL_CAP_FEN,
  MAX_WITHDRAWAL_FEN,
  MIN_WITHDRAWAL_FEN,
  TRANSFER_REAL_NAME_FROM_FEN,
  type WithdrawalState,
} from '../../core/withdrawal-machine';
import type { Ctx } from '../../server/context';
import { getDoc } from '../../server/db/get-doc';
import { isDuplicateKeyError } from '../../server/db/types';
import { type PostingDoc, post } from '../../server/repos/ledger';

export interface WithdrawalDoc {
  _id: string; // also the transfer's bill number
  koc: string;
  merchantId: string;
  amountFen: number;
  status: WithdrawalState;
  reason?: string;
  packageInfo?: string;
  confirmBy?: Date;
  history: { from: WithdrawalState; to: WithdrawalState; at: Date; by: string }[];
  createdAt: Date;
}

/** The KOC's available balance with one merchant, from the ledger (negative after a clawback). */
export async function availableWith(ctx: Ctx, koc: string, merchantId: string): Promise<number> {
  let total = 0;
  for (let skip = 0; skip < 10_000; skip += 100) {
    const { data } = await ctx.db.collection<PostingDoc>('ledger').where({ koc, merchantId }).orderBy('at', 'asc').skip(skip).limit(100).get();
    for (const p of data) for (const l of p.lines as Line[]) if (l.account === `koc_available:${koc}`) total += l.fen;
    if (data.length < 100) break;
  }
  return total;
}

async function move(ctx: Ctx, id: string, from: WithdrawalState, to: WithdrawalState, by: string, extra: Record<string, unknown> = {}): Promise<boolean> {
  if (!canMove(from, to)) throw new Error(`illegal withdrawal move ${from} -> ${to}`);
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('withdrawals')
    .where({ _id: id, status: from })
    .update({ data: { ...extra, status: to, history: _.push([{ from, to, at: new Date(ctx.now()), by }]) } });
  return res.stats.updated === 1;
}

const postFor = (w: WithdrawalDoc, kind: 'hold' | 'paid' | 'release', lines: Line[], memo: string) => ({
  _id: `${kind}:${w._id}`,
  kind,
  orderId: '',
  koc: w.koc,
  merchantId: w.merchantId,
  lines,
  memo,
});

export async function requestWithdrawal(ctx: Ctx, input: { merchantId: string; amountFen: number; requestId: string }) {
  const id = `w${createHash('sha256').update(`${ctx.openid}|${input.requestId}`).digest('hex').slice(0, 31)}`;
  const existing = await getDoc<WithdrawalDoc>(ctx, 'withdrawals', id);
  if (existing) return ok({ withdrawalId: id, status: existing.status });
  if (input.amountFen < MIN_WITHDRAWAL_FEN) return fail('BELOW_MINIMUM', `最少提现 ¥${MIN_WITHDRAWAL_FEN / 100}`);
  if (input.amountFen > MAX_WITHDRAWAL_FEN)
    return fail(
      'ABOVE_MAXIMUM',
      `单笔提现需低于 ¥${TRANSFER_REAL_NAME_FROM_FEN / 100}（微信转账满 ¥${TRANSFER_REAL_NAME_FROM_FEN / 100} 需收款人实名），请分笔提现`,
    );
  const available = await availableWith(ctx, ctx.openid, input.merchantId);
  if (input.amountFen > available) return fail('INSUFFICIENT', '可提现余额不足（已扣除退款收回的佣金）');
  const _ = ctx.db.command;
  const dayStart = campusTime(ctx.now()).startOf('day').valueOf();
  const { data: today } = await ctx.db
    .collection<WithdrawalDoc>('withdrawals')
    .where({ koc: ctx.openid, createdAt: _.gte(new Date(dayStart)), status: _.nin(['rejected', 'failed', 'expired']) })
    .limit(100)
    .get();
  if (today.reduce((s, w) => s + w.amountFen, 0) + input.amountFen > DAILY_WITHDRAWAL_CAP_FEN)
    return fail('DAILY_CAP', `每天最多提现 ¥${DAILY_WITHDRAWAL_CAP_FEN / 100}`);
  const doc: WithdrawalDoc = {
    _id: id,
    koc: ctx.openid,
    merchantId: input.merchantId,
    amountFen: input.amountFen,
    status: 'requested',
    history: [],
    createdAt: new Date(ctx.now()),
  };
  try {
    await ctx.db.collection('withdrawals').add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
  return ok({ withdrawalId: id, status: 'requested' as WithdrawalState });
}

/** Sets the money aside and starts the transfer; a refused transfer puts the money back. */
export async function approve(ctx: Ctx, w: WithdrawalDoc) {
  if (w.status === 'requested') {
    const available = await availableWith(ctx, w.koc, w.merchantId);
    if (w.amountFen > available) return fail('INSUFFICIENT', 'KOC 的可提现余额已不足（可能有退款收回），请驳回');
    if (!(await move(ctx, w._id, 'requested', 'approved', ctx.openid))) return fail('BAD_STATE', '状态已变化，请刷新');
    await post(ctx, postFor(w, 'hold', holdLines(w.koc, w.amountFen), '提现审核通过'));
  }
  return startTransfer(ctx, { ...w, status: 'approved' });
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
    await move(ctx, w._id, 'approved', 'awaiting_confirmation', 'system', {
      packageInfo: result.packageInfo ?? '',
      confirmBy: new Date(ctx.now() + CONFIRM_WITHIN_MS),
    });
    return ok({ withdrawalId: w._id, status: 'awaiting_confirmation' as WithdrawalState });
  }
  if (await move(ctx, w._id, 'approved', 'failed', 'system')) await post(ctx, postFor(w, 'release', releaseLines(w.koc, w.amountFen), '转账失败，退回余额'));
  return ok({ withdrawalId: w._id, status: 'failed' as WithdrawalState });
}

/** The KOC confirmed in the app (or the timer checks): paid, still waiting, or money back. */
export async function settleTransfer(ctx: Ctx, w: WithdrawalDoc, expire: boolean) {
  const { state } = await ctx.payout.query(w._id).catch(() => ({ state: 'WAIT_USER_CONFIRM' as const }));
  if (state === 'SUCCESS') {
    if (await move(ctx, w._id, 'awaiting_confirmation', 'paid', 'system')) await post(ctx, postFor(w, 'paid', paidLines(w.koc, w.amountFen), '佣金已到账'));
    return 'paid' as const;
  }
  const to = state === 'FAIL' ? 'failed' : expire ? 'expired' : null;
  if (!to) return 'awaiting_confirmation' as const;
  if (await move(ctx, w._id, 'awaiting_confirmation', to, 'system'))
    await post(ctx, postFor(w, 'release', releaseLines(w.koc, w.amountFen), to === 'expired' ? '24 小时内未确认，退回余额' : '转账失败，退回余额'));
  return to;
}

/** Timer: transfers left at 'approved' by a crash are started again (same bill number); stale confirmations expire. */
export async function sweepWithdrawals(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  let n = 0;
  const stuck = (await ctx.db.collection<WithdrawalDoc>('withdrawals').where({ status: 'approved' }).limit(100).get()).data;
  for (const w of stuck) {
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

export async function reject(ctx: Ctx, w: WithdrawalDoc, reason: string) {
  if (!(await move(ctx, w._id, 'requested', 'rejected', ctx.openid, { reason }))) return fail('BAD_STATE', '只能驳回待审核的提现');
  return ok({ withdrawalId: w._id, status: 'rejected' as WithdrawalState });
}
