// Reconciler: each balance document is kept with its postings in one transaction, so it should
// always equal the sum of its postings. This checks that, a few balances per run (walking on
// from where the last run stopped), and reports any difference as an error log line with both
// figures: money shown to a KOC comes from the balance, so drift must never go unnoticed. It
// changes nothing: a wrong balance is a bug to fix, not something to paper over.
import { applyPosting, EMPTY_BALANCE, type KocBalance } from '../../core/ledger';
import type { Ctx } from '../context';
import { allDocs, getDoc } from '../db/get-doc';
import { type RunBudget, walkOn } from '../run-budget';
import type { BalanceDoc, PostingDoc } from './ledger';

const FIELDS = Object.keys(EMPTY_BALANCE) as (keyof KocBalance)[];

/** The balance its postings add up to (one query per 100 postings). */
export async function balanceFromPostings(ctx: Ctx, merchantId: string, koc: string): Promise<KocBalance> {
  return (await allDocs<PostingDoc>(ctx, 'ledger', { koc, merchantId })).reduce<KocBalance>((sum, p) => applyPosting(sum, p), { ...EMPTY_BALANCE });
}

export async function checkBalances(ctx: Ctx, budget: RunBudget): Promise<{ checked: number; drifted: number }> {
  const _ = ctx.db.command;
  const out = { checked: 0, drifted: 0 };
  await walkOn(
    budget,
    (await getDoc<{ id: string }>(ctx, 'commission_state', 'balances'))?.id ?? '',
    async (size, after) => {
      const { data } = await ctx.db
        .collection<BalanceDoc>('koc_balances')
        .where({ _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(size)
        .get();
      for (const b of data) {
        out.checked++;
        const sum = await balanceFromPostings(ctx, b.merchantId, b.koc);
        const off = FIELDS.filter((k) => sum[k] !== b[k]);
        if (!off.length) continue;
        // Moved while we read its postings: checked again on a later walk.
        const now = await getDoc<BalanceDoc>(ctx, 'koc_balances', b._id);
        if (now && new Date(now.updatedAt).getTime() !== new Date(b.updatedAt).getTime()) continue;
        out.drifted++;
        ctx.log.error('balance differs from its postings', {
          balance: b._id,
          fields: Object.fromEntries(off.map((k) => [k, { balance: b[k], postings: sum[k] }])),
        });
      }
      return { last: data.at(-1)?._id ?? null, n: data.length };
    },
    async (id) => {
      await ctx.db.collection('commission_state').doc('balances').set({ data: { id } });
    },
  );
  return out;
}
