// commission: a KOC's earnings and withdrawals, a merchant's payout review and program. Balances
// are the ledger's postings summed per KOC and merchant into a balance document updated in the
// same transaction as each posting, so they cannot drift from the postings (the settle timer
// checks a few each run and logs any difference: server/commission/balance-check.ts).
import { type CommissionSummary, commissionInput, type ProgramSettings, type ProgramView, type WithdrawalView } from '../../core/contracts/commission';
import { type Fail, fail, ok } from '../../core/result';
import { checkBalances } from '../../server/commission/balance-check';
import { programOf } from '../../server/commission/entries';
import { DEFAULT_PROGRAM } from '../../server/commission/ledger';
import { matureCommissions, processEvents, RunCache, reconcileMaturity } from '../../server/commission/settle';
import { runTierJob, tierRules } from '../../server/commission/tiers';
import { commissionPage, kocSummary, kocWithdrawals, merchantWithdrawals } from '../../server/commission/views';
import { approve, reject, requestWithdrawal, settleTransfer, sweepWithdrawals, type WithdrawalDoc } from '../../server/commission/withdrawals';
import type { Ctx } from '../../server/context';
import { getDoc } from '../../server/db/get-doc';
import { action, defineFunction } from '../../server/define';
import { RunBudget } from '../../server/run-budget';
import { callerMerchant } from '../../server/users/merchants';
import { setProgramPart } from '../../server/users/programs';

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
      run: async (ctx) => ok<CommissionSummary>(await kocSummary(ctx, ctx.openid)),
    }),
    list: action({
      input: commissionInput.list,
      run: async (ctx, { cursor }) => ok(await commissionPage(ctx, ctx.openid, cursor)),
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
      run: async (ctx) => ok<WithdrawalView[]>(await kocWithdrawals(ctx, ctx.openid)),
    }),
    listWithdrawals: action({
      input: commissionInput.listWithdrawals,
      async run(ctx, { status }) {
        const merchant = await callerMerchant(ctx);
        if (!merchant) return fail('FORBIDDEN', '只有商家可以审核提现');
        return ok(await merchantWithdrawals(ctx, merchant._id, status));
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
        return ok<ProgramView>({ ...DEFAULT_PROGRAM, tiers: await tierRules(ctx, merchant._id), ...(p?.commission ?? {}) } as ProgramView);
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
        // A caller that leaves the mode out keeps the program's.
        const saved: ProgramView = { ...settings, kocMode: settings.kocMode ?? (await programOf(ctx, merchant._id)).kocMode };
        await setProgramPart(ctx, merchant._id, 'commission', saved);
        return ok<ProgramView>(saved);
      },
    }),
    settle: action({
      input: commissionInput.settle,
      async run(ctx) {
        if (!ctx.source.split(',').includes('wx_trigger')) return fail('FORBIDDEN', '只由定时器运行');
        // Each step pages while its share of the run's time lasts (WeChat stops the run at its
        // timeout); money already on its way goes first, then new events, the reconciler, maturity.
        const budget = new RunBudget(ctx.timeLeft);
        const cache = new RunCache(ctx);
        const withdrawals = await sweepWithdrawals(ctx);
        const events = await processEvents(ctx, budget.share(0.8), cache);
        const reconciled = await reconcileMaturity(ctx, budget.share(0.5), cache);
        const matured = await matureCommissions(ctx, budget.share(0.7));
        const balances = await checkBalances(ctx, budget.share(0.5));
        // One timer per function in WeChat Cloud: the monthly tier job runs on the first settle of each campus month.
        const tiers = await runTierJob(ctx, budget);
        return ok({ events, reconciled, matured, withdrawals, balances, tiers });
      },
    }),
  },
  { timerAction: 'settle' },
);
