// A KOC with thousands of referred orders sees the same figures as the ledger's postings and waits
// no longer than one with 10: summary, a withdrawal request, its approval and the withdrawal
// lists cost the same database round trips at both sizes (each 5-20 ms in WeChat). The world is
// built by the real commission timer and analytics rollup (big-koc.fixtures.ts); the expected
// figures are worked out by hand from what was inserted, and the ledger is summed here, with
// no ledger code.
import type { CommissionSummary, WithdrawalView } from '../../core/contracts/commission';
import type { DbOps } from '../../local-cloud/engine/meter';
import { KOC, OWNER, SHOP } from '../groupbuy/fixture';
import { bigKocWorld } from './big-koc.fixtures';

/**
 * The large size, a multiple of 10. 2,000 by default: 10,000 takes about two minutes here, almost
 * all of it the timers building the world (BIG_KOC_ORDERS=10000 runs it; the action bench,
 * scripts/bench/action-costs.ts, measures the same actions at 10,000).
 */
const BIG = Number(process.env.BIG_KOC_ORDERS ?? 2_000);
const SIZES = [10, BIG];
const WITHDRAW_FEN = 1000;

type Figures = Omit<CommissionSummary, 'programs'>;

/**
 * By hand. Every order is ¥19.90 at the program's 10% (the primary tier's rate): 199 fen. Per
 * ten orders (index mod 10): six complete and mature (6 x 199 available), the sixth of them
 * later refunded ¥9.95 (worth floor(995 x 10%) = 99, so 100 clawed back from available); one
 * fully refunded before completion (199 clawed back from pending); one refunded ¥9.90 (worth
 * floor(1000 x 10%) = 100, 99 clawed back from pending); two still pending (2 x 199). An
 * approved withdrawal moves its amount from available to in transit.
 */
function oracle(n: number, withdrawnFen: number): Figures {
  const tens = n / 10;
  return {
    pendingFen: tens * (100 + 2 * 199),
    availableFen: tens * (6 * 199 - 100) - withdrawnFen,
    inTransitFen: withdrawnFen,
    paidOutFen: 0,
    earnedFen: n * 199,
    clawedBackFen: tens * (100 + 199 + 99),
  };
}

/** Progress to the intermediate tier (¥1,000 and 10 orders over 90 days): paid revenue net of refunds. */
function oracleNext(n: number) {
  const revenueFen = n * 1990 - (n / 10) * (995 + 1990 + 990);
  return { tier: 'intermediate', revenueFenLeft: Math.max(0, 100_000 - revenueFen), ordersLeft: Math.max(0, 10 - n) };
}

type Posting = { _id: string; kind: string; koc: string; lines: { account: string; fen: number }[] };

/** The KOC's figures summed from the ledger's postings, read here a page at a time. */
async function ledgerFigures(w: Awaited<ReturnType<typeof bigKocWorld>>): Promise<Figures & { postings: Record<string, number> }> {
  const _ = w.cloud.db.command;
  const sum: Record<string, number> = {};
  const postings: Record<string, number> = {};
  let earnedFen = 0;
  let clawedBackFen = 0;
  for (let last = ''; ; ) {
    const { data } = await w.cloud.db
      .collection<Posting>('ledger')
      .where({ _id: _.gt(last) })
      .orderBy('_id', 'asc')
      .limit(100)
      .get();
    for (const p of data as Posting[]) {
      if (p.koc !== KOC) continue;
      postings[p.kind] = (postings[p.kind] ?? 0) + 1;
      for (const l of p.lines) {
        sum[l.account] = (sum[l.account] ?? 0) + l.fen;
        if (!l.account.endsWith(`:${KOC}`)) continue;
        if (p.kind === 'accrue') earnedFen += l.fen;
        if (p.kind === 'clawback') clawedBackFen -= l.fen;
      }
    }
    if (data.length < 100) break;
    last = data[data.length - 1]._id;
  }
  const at = (kind: string) => sum[`${kind}:${KOC}`] ?? 0;
  return {
    pendingFen: at('koc_pending'),
    availableFen: at('koc_available'),
    inTransitFen: at('payout_clearing'),
    paidOutFen: at('koc_paid'),
    earnedFen,
    clawedBackFen,
    postings,
  };
}

const figures = ({ programs, ...f }: CommissionSummary): Figures => f;

interface Seen {
  n: number;
  before: CommissionSummary;
  after: CommissionSummary;
  ledgerBefore: Awaited<ReturnType<typeof ledgerFigures>>;
  ledgerAfter: Awaited<ReturnType<typeof ledgerFigures>>;
  listed: WithdrawalView[];
  mine: WithdrawalView[];
  ops: Record<string, DbOps>;
}

async function look(n: number): Promise<Seen> {
  const w = await bigKocWorld(n);
  const ops: Record<string, DbOps> = {};
  const call = async <T>(name: string, fn: string, who: string, event: Record<string, unknown>) => {
    const m = await w.callMetered<T>(fn, who, event);
    if (!m.result.ok) throw new Error(`${name}: ${m.result.message}`);
    ops[name] = m.ops;
    return m.result.data;
  };
  const before = await call<CommissionSummary>('summary', 'commission', KOC, { action: 'summary' });
  const ledgerBefore = await ledgerFigures(w);
  const asked = await call<{ withdrawalId: string }>('requestWithdrawal', 'commission', KOC, {
    action: 'requestWithdrawal',
    merchantId: SHOP,
    amountFen: WITHDRAW_FEN,
    requestId: 'big-koc-withdrawal-1',
  });
  await call('approveWithdrawal', 'commission', OWNER, { action: 'approveWithdrawal', withdrawalId: asked.withdrawalId });
  const listed = await call<WithdrawalView[]>('listWithdrawals', 'commission', OWNER, { action: 'listWithdrawals', status: 'all' });
  const mine = await call<WithdrawalView[]>('myWithdrawals', 'commission', KOC, { action: 'myWithdrawals' });
  await call('list', 'commission', KOC, { action: 'list' });
  const after = await call<CommissionSummary>('summary after approval', 'commission', KOC, { action: 'summary' });
  const ledgerAfter = await ledgerFigures(w);
  w.dispose();
  return { n, before, after, ledgerBefore, ledgerAfter, listed, mine, ops };
}

const seen: Seen[] = [];

beforeAll(async () => {
  if (BIG % 10 !== 0) throw new Error('BIG_KOC_ORDERS must be a multiple of 10');
  for (const n of SIZES) seen.push(await look(n));
}, 900_000);

describe(`a KOC with ${BIG} orders`, () => {
  it.each(SIZES.map((n, i) => [n, i]))('summary shows the hand-worked figures and the ledger postings (%i orders)', (n, i) => {
    const s = seen[i];
    expect(figures(s.before)).toEqual(oracle(n, 0));
    expect(figures(s.after)).toEqual(oracle(n, WITHDRAW_FEN));
    const { postings, ...before } = s.ledgerBefore;
    const { postings: postingsAfter, ...after } = s.ledgerAfter;
    expect(before).toEqual(oracle(n, 0));
    expect(after).toEqual(oracle(n, WITHDRAW_FEN));
    // One accrual per order, a clawback per refund, a maturity per completed order, one hold.
    expect(postings).toEqual({ accrue: n, clawback: (3 * n) / 10, mature: (6 * n) / 10 });
    expect(postingsAfter).toEqual({ ...postings, hold: 1 });
    expect(s.before.programs).toEqual([
      { merchantId: SHOP, merchantName: '测试小店', tier: 'primary', availableFen: oracle(n, 0).availableFen, openWithdrawal: false, next: oracleNext(n) },
    ]);
    expect(s.after.programs[0]).toMatchObject({ availableFen: oracle(n, WITHDRAW_FEN).availableFen, openWithdrawal: true });
    // The merchant's review shows what the KOC can still withdraw after the approval.
    expect(s.listed.map((v) => [v.amountFen, v.status, v.availableFen])).toEqual([
      [WITHDRAW_FEN, 'awaiting_confirmation', oracle(n, WITHDRAW_FEN).availableFen],
    ]);
    expect(s.mine.map((v) => [v.amountFen, v.status])).toEqual([[WITHDRAW_FEN, 'awaiting_confirmation']]);
  });

  it(`summary, requestWithdrawal, approval and the withdrawal lists cost the same round trips at 10 and ${BIG} orders`, () => {
    const [small, big] = seen;
    const trips = (s: Seen) => Object.fromEntries(Object.entries(s.ops).map(([k, o]) => [k, { reads: o.reads, writes: o.writes }]));
    expect(trips(big)).toEqual(trips(small));
    // Nor do they look at more rows: each query is served by an index. The commission list
    // looks at one page (20 rows), which 10 orders do not fill.
    const rows = (s: Seen) => Object.fromEntries(Object.entries(s.ops).flatMap(([k, o]) => (k === 'list' ? [] : [[k, o.scanned]])));
    expect(rows(big)).toEqual(rows(small));
    expect([small.ops.list.scanned, big.ops.list.scanned]).toEqual([10, 20]);
  });
});
