// commission: a KOC's earnings and withdrawals, a merchant's payout review and program. Balances
// are the ledger's postings summed per KOC and merchant into a balance document updated in the
// same transaction as each posting, so they cannot drift from the postings.
import { type CommissionItem, type CommissionSummary, commissionInput, type ProgramSettings, type WithdrawalView } from '../../core/contracts/commission';
import { EMPTY_BALANCE, type KocBalance } from '../../core/ledger';
import { type Fail, fail, ok } from '../../core/result';
import { progressToNext } from '../../core/tiers';
import { balancesOf, balanceWith, type CommissionDoc, DEFAULT_PROGRAM } from '../../server/commission/ledger';
import { matureCommissions, processEvents, reconcileMaturity } from '../../server/commission/settle';
import { resultsFor, runTierJob, tierOf, tierRules } from '../../server/commission/tiers';
import { approve, reject, requestWithdrawal, settleTransfer, sweepWithdrawals, type WithdrawalDoc } from '../../server/commission/withdrawals';
import type { Ctx } from '../../server/context';
import { getDoc } from '../../server/db/get-doc';
import { action, defineFunction } from '../../server/define';
import { callerMerchant, merchantName } from '../../server/users/merchants';
import { setProgramPart } from '../../server/users/programs';
import { findUser } from '../../server/users/users';

const PAGE = 20;

const toView = (w: WithdrawalDoc, kocNickname?: string): WithdrawalView => ({
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

async function merchantWithdrawal(ctx: Ctx, withdrawalId: string): Promise<{ w: WithdrawalDoc } | { error: Fail<'FORBIDDEN' | 'NOT_FOUND'> }> {
  const merchant = await callerMerchant(ctx);
  if (!merchant) return { error: fail('FORBIDDEN', '只有商家可以审核提现') };
  const w = await getDoc<WithdrawalDoc>(ctx, 'withdrawals', withdrawalId);
  if (!w || w.merchantId !== merchant._id) return { error: fail('NOT_FOUND', '没有这笔提现') };
  return { w };
}

export default defineFunction(
  'commission',
  {
    summary: action({
      input: commissionInput.summary,
      async run(ctx) {
        // One balance document per merchant, kept with every posting: no postings are summed here.
        const balances = await balancesOf(ctx, ctx.openid);
        const total = { ...EMPTY_BALANCE };
        const programs: CommissionSummary['programs'] = [];
        for (const b of balances) {
          for (const k of Object.keys(total) as (keyof KocBalance)[]) total[k] += b[k];
          const tier = await tierOf(ctx, b.merchantId, ctx.openid);
          const results = (await resultsFor(ctx, b.merchantId, ctx.now())).get(ctx.openid) ?? { revenueFen: 0, orders: 0 };
          programs.push({
            merchantId: b.merchantId,
            merchantName: await merchantName(ctx, b.merchantId),
            tier,
            availableFen: b.availableFen,
            openWithdrawal: Boolean(b.openWithdrawal),
            next: progressToNext(results, tier, await tierRules(ctx, b.merchantId)),
          });
        }
        return ok<CommissionSummary>({ ...total, programs });
      },
    }),
    list: action({
      input: commissionInput.list,
      async run(ctx, { cursor }) {
        const _ = ctx.db.command;
        const where: Record<string, unknown> = { koc: ctx.openid };
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
        return ok({ items, nextCursor: data.length === PAGE ? String(new Date(data[data.length - 1].createdAt).getTime()) : null });
      },
    }),
    requestWithdrawal: action({ input: commissionInput.requestWithdrawal, run: (ctx, input) => requestWithdrawal(ctx, input) }),
    confirmWithdrawal: action({
      input: commissionInput.confirmWithdrawal,
      async run(ctx, { withdrawalId }) {
        const w = await getDoc<WithdrawalDoc>(ctx, 'withdrawals', withdrawalId);
        if (!w || w.koc !== ctx.openid) return fail('NOT_FOUND', '没有这笔提现');
        if (w.status === 'paid') return ok({ status: 'paid' });
        if (w.status !== 'awaiting_confirmation') return fail('BAD_STATE', '这笔提现现在不需要确认');
        return ok({ status: await settleTransfer(ctx, w, false) });
      },
    }),
    myWithdrawals: action({
      input: commissionInput.myWithdrawals,
      async run(ctx) {
        const { data } = await ctx.db.collection<WithdrawalDoc>('withdrawals').where({ koc: ctx.openid }).orderBy('createdAt', 'desc').limit(50).get();
        return ok<WithdrawalView[]>(data.map((w) => toView(w)));
      },
    }),
    listWithdrawals: action({
      input: commissionInput.listWithdrawals,
      async run(ctx, { status }) {
        const merchant = await callerMerchant(ctx);
        if (!merchant) return fail('FORBIDDEN', '只有商家可以审核提现');
        const where = status === 'all' ? { merchantId: merchant._id } : { merchantId: merchant._id, status };
        const { data } = await ctx.db.collection<WithdrawalDoc>('withdrawals').where(where).orderBy('createdAt', 'desc').limit(50).get();
        const out: WithdrawalView[] = [];
        for (const w of data)
          out.push({
            ...toView(w, (await findUser(ctx, w.koc))?.nickname ?? '同学'),
            availableFen: (await balanceWith(ctx, w.merchantId, w.koc))?.availableFen ?? 0,
          });
        return ok(out);
      },
    }),
    approveWithdrawal: action({
      input: commissionInput.approveWithdrawal,
      async run(ctx, { withdrawalId }) {
        const found = await merchantWithdrawal(ctx, withdrawalId);
        if ('error' in found) return found.error;
        return approve(ctx, found.w._id);
      },
    }),
    rejectWithdrawal: action({
      input: commissionInput.rejectWithdrawal,
      async run(ctx, { withdrawalId, reason }) {
        const found = await merchantWithdrawal(ctx, withdrawalId);
        return 'error' in found ? found.error : reject(ctx, found.w._id, reason);
      },
    }),
    getProgram: action({
      input: commissionInput.getProgram,
      async run(ctx) {
        const merchant = await callerMerchant(ctx);
        if (!merchant) return fail('FORBIDDEN', '只有商家可以查看佣金设置');
        const p = await getDoc<{ commission?: Partial<ProgramSettings> }>(ctx, 'programs', merchant._id);
        return ok<ProgramSettings>({ ...DEFAULT_PROGRAM, tiers: await tierRules(ctx, merchant._id), ...(p?.commission ?? {}) });
      },
    }),
    setProgram: action({
      input: commissionInput.setProgram,
      async run(ctx, settings) {
        const merchant = await callerMerchant(ctx);
        if (!merchant) return fail('FORBIDDEN', '只有商家可以修改佣金设置');
        if (settings.tiers.some((t, i) => i > 0 && (t.minRevenueFen < settings.tiers[i - 1].minRevenueFen || t.minOrders < settings.tiers[i - 1].minOrders))) {
          return fail('INVALID_INPUT', '更高等级的门槛不能低于下一级');
        }
        await setProgramPart(ctx, merchant._id, 'commission', settings);
        return ok<ProgramSettings>(settings);
      },
    }),
    settle: action({
      input: commissionInput.settle,
      async run(ctx) {
        if (!ctx.source.split(',').includes('wx_trigger')) return fail('FORBIDDEN', '只由定时器运行');
        let events = 0;
        for (let i = 0; i < 10; i++) {
          const n = await processEvents(ctx);
          events += n;
          if (n < 100) break;
        }
        const reconciled = await reconcileMaturity(ctx);
        const matured = await matureCommissions(ctx);
        const withdrawals = await sweepWithdrawals(ctx);
        // One timer per function in WeChat Cloud: the monthly tier job runs on the first settle of each campus month.
        const tiers = await runTierJob(ctx);
        return ok({ events, reconciled, matured, withdrawals, tiers });
      },
    }),
  },
  { timerAction: 'settle' },
);
