// What a KOC and a merchant see of commissions and withdrawals: read-only views over the
// balance documents, commission entries and withdrawals this domain writes.
import type { CommissionItem, CommissionSummary, WithdrawalView } from '../../core/contracts/commission';
import { EMPTY_BALANCE, type KocBalance } from '../../core/ledger';
import { progressToNext } from '../../core/tiers';
import type { Ctx } from '../context';
import { merchantsById } from '../users/merchants';
import { findUsers } from '../users/users';
import { balancesOf, balancesWith, type CommissionDoc } from './ledger';
import { tierRulesOf, tiersOf } from './tier-reads';
import { resultsOf } from './tiers';
import type { WithdrawalDoc } from './withdrawals';

const PAGE = 20;

export const toView = (w: WithdrawalDoc, kocNickname?: string): WithdrawalView => ({
  id: w._id,
  merchantId: w.merchantId,
  amountFen: w.amountFen,
  status: w.status,
  reason: w.reason ?? '',
  createdAt: new Date(w.createdAt).getTime(),
  confirmBy: w.confirmBy ? new Date(w.confirmBy).getTime() : null,
  packageInfo: w.packageInfo ?? '',
  mchId: process.env.SPROUT_MCH_ID ?? '',
  ...(kocNickname ? { kocNickname } : {}),
});

/** A KOC's totals and, per merchant, tier, balance and progress to the next tier. */
export async function kocSummary(ctx: Ctx, koc: string): Promise<CommissionSummary> {
  // One balance document per merchant, kept with every posting: no postings are summed here.
  const balances = await balancesOf(ctx, koc);
  const ids = balances.map((b) => b.merchantId);
  // Tiers, shops and thresholds for every program at once: one query each, not one per program.
  const tiers = await tiersOf(ctx, koc, ids);
  const merchants = await merchantsById(ctx, ids);
  const rules = await tierRulesOf(ctx, ids);
  // The KOC's results with every shop from its own daily counters: one read however many shops.
  const results = await resultsOf(ctx, koc, ctx.now());
  const total = { ...EMPTY_BALANCE };
  const programs: CommissionSummary['programs'] = [];
  for (const b of balances) {
    for (const k of Object.keys(total) as (keyof KocBalance)[]) total[k] += b[k];
    const tier = tiers.get(b.merchantId) ?? 'primary';
    programs.push({
      merchantId: b.merchantId,
      merchantName: merchants.get(b.merchantId)?.name ?? '',
      tier,
      availableFen: b.availableFen,
      openWithdrawal: Boolean(b.openWithdrawal),
      next: progressToNext(results.get(b.merchantId) ?? { revenueFen: 0, orders: 0 }, tier, rules.get(b.merchantId) ?? []),
    });
  }
  return { ...total, programs };
}

/** A KOC's commissions, newest first, a page at a time (the cursor is the last createdAt). */
export async function commissionPage(ctx: Ctx, koc: string, cursor: string | undefined): Promise<{ items: CommissionItem[]; nextCursor: string | null }> {
  const _ = ctx.db.command;
  const where: Record<string, unknown> = { koc };
  if (cursor && /^\d+$/.test(cursor)) where.createdAt = _.lt(new Date(Number(cursor)));
  const { data } = await ctx.db.collection<CommissionDoc>('commissions').where(where).orderBy('createdAt', 'desc').limit(PAGE).get();
  const items: CommissionItem[] = data.map((c) => ({
    orderId: c.orderId,
    title: c.title,
    earnedFen: c.earnedFen,
    currentFen: c.currentFen,
    rateBp: c.rateBp,
    rateSource: c.rateSource,
    tier: c.tier,
    state: c.state,
    maturesAt: c.maturesAt ? new Date(c.maturesAt).getTime() : null,
    reason: c.reason,
    channel: c.channel,
    createdAt: new Date(c.createdAt).getTime(),
  }));
  return { items, nextCursor: data.length === PAGE ? String(new Date(data[data.length - 1].createdAt).getTime()) : null };
}

export async function kocWithdrawals(ctx: Ctx, koc: string): Promise<WithdrawalView[]> {
  const { data } = await ctx.db.collection<WithdrawalDoc>('withdrawals').where({ koc }).orderBy('createdAt', 'desc').limit(50).get();
  return data.map((w) => toView(w));
}

/** A merchant's withdrawals to review, with each KOC's nickname and what it can still withdraw. */
export async function merchantWithdrawals(ctx: Ctx, merchantId: string, status: WithdrawalDoc['status'] | 'all'): Promise<WithdrawalView[]> {
  const where = status === 'all' ? { merchantId } : { merchantId, status };
  const { data } = await ctx.db.collection<WithdrawalDoc>('withdrawals').where(where).orderBy('createdAt', 'desc').limit(50).get();
  const kocs = data.map((w) => w.koc);
  const users = await findUsers(ctx, kocs);
  // Every row is this merchant's, so one query finds each KOC's balance with it.
  const balances = await balancesWith(ctx, merchantId, kocs);
  return data.map((w) => ({
    ...toView(w, users.get(w.koc)?.nickname ?? '同学'),
    availableFen: balances.get(w.koc)?.availableFen ?? 0,
  }));
}
