// commission: a KOC's earnings from the ledger. Balances are derived from postings, never kept
// as a number that could drift; the list explains each commission ("why this order is yours").
import { z } from 'zod';
import { kocBalances, type Line } from '../../core/ledger';
import { fail, ok } from '../../core/result';
import { action, defineFunction } from '../../server/define';
import type { CommissionDoc, PostingDoc } from '../../server/repos/ledger';
import { matureCommissions, processEvents } from './settle';

export interface CommissionSummary {
  pendingFen: number;
  availableFen: number;
  paidOutFen: number;
  earnedFen: number;
  clawedBackFen: number;
}

export interface CommissionItem {
  orderId: string;
  title: string;
  earnedFen: number;
  currentFen: number;
  rateBp: number;
  rateSource: string;
  state: 'pending' | 'available';
  maturesAt: number | null;
  reason: string;
  channel: string;
  createdAt: number;
}

const PAGE = 20;

export default defineFunction(
  'commission',
  {
    summary: action({
      input: z.strictObject({}),
      async run(ctx) {
        // A KOC's postings, a page at a time (100 is WeChat's cap per get).
        const postings: { lines: Line[]; kind: string }[] = [];
        for (let skip = 0; ; skip += 100) {
          const { data } = await ctx.db.collection<PostingDoc>('ledger').where({ koc: ctx.openid }).orderBy('at', 'asc').skip(skip).limit(100).get();
          postings.push(...data);
          if (data.length < 100 || skip >= 10_000) break;
        }
        const b = kocBalances(postings, ctx.openid);
        const sum = (kind: string) =>
          postings
            .filter((p) => p.kind === kind)
            .reduce((s, p) => s + p.lines.filter((l) => l.account.endsWith(`:${ctx.openid}`)).reduce((x, l) => x + l.fen, 0), 0);
        return ok<CommissionSummary>({ ...b, earnedFen: sum('accrue'), clawedBackFen: -sum('clawback') });
      },
    }),
    list: action({
      input: z.strictObject({ cursor: z.string().max(40).optional() }),
      async run(ctx, { cursor }) {
        const _ = ctx.db.command;
        const where: Record<string, unknown> = { koc: ctx.openid };
        if (cursor) where.createdAt = _.lt(new Date(Number(cursor)));
        const { data } = await ctx.db.collection<CommissionDoc>('commissions').where(where).orderBy('createdAt', 'desc').limit(PAGE).get();
        const items: CommissionItem[] = data.map((c) => ({
          orderId: c.orderId,
          title: c.title,
          earnedFen: c.earnedFen,
          currentFen: c.currentFen,
          rateBp: c.rateBp,
          rateSource: c.rateSource,
          state: c.state,
          maturesAt: c.maturesAt ? new Date(c.maturesAt).getTime() : null,
          reason: c.reason,
          channel: c.channel,
          createdAt: new Date(c.createdAt).getTime(),
        }));
        return ok({ items, nextCursor: data.length === PAGE ? String(new Date(data[data.length - 1].createdAt).getTime()) : null });
      },
    }),
    settle: action({
      input: z.strictObject({}),
      async run(ctx) {
        if (!ctx.source.split(',').includes('wx_trigger')) return fail('FORBIDDEN', '只由定时器运行');
        let events = 0;
        for (let i = 0; i < 10; i++) {
          const n = await processEvents(ctx);
          events += n;
          if (n < 100) break;
        }
        return ok({ events, matured: await matureCommissions(ctx) });
      },
    }),
  },
  { timerAction: 'settle' },
);
