// The commission ledger's rules, pure: accounts, balanced postings, rates and the one rounding
// rule. Money is integer fen; rates are integer basis points (1% = 100 bp).
//
// Sign convention: each line adds to its account; every posting's lines sum to zero.
//   accrue    merchant_payable -c   koc_pending +c      (an order paid through the KOC's card)
//   mature    koc_pending -c        koc_available +c    (completed + after-sales window passed)
//   clawback  koc_pending|koc_available -x   merchant_payable +x   (a refund takes its share back)
// A KOC's available balance may go negative after a clawback: the next payout nets it (the
// Tolt model), instead of capping the clawback at the balance (CRMEB's loss).

import { stateMachine } from './state-machine';

export type AccountKind = 'merchant_payable' | 'koc_pending' | 'koc_available' | 'koc_paid' | 'payout_clearing';
export type PostingKind = 'accrue' | 'mature' | 'clawback';

export interface Line {
  account: string;
  fen: number;
}

export const account = (kind: AccountKind, owner: string) => `${kind}:${owner}`;

export function isBalanced(lines: Line[]): boolean {
  return lines.length >= 2 && lines.every((l) => Number.isSafeInteger(l.fen)) && lines.reduce((s, l) => s + l.fen, 0) === 0;
}

/** The one rounding rule: commission is floored to the fen (the KOC never gets a fraction the merchant did not owe). */
export function commissionFen(baseFen: number, rateBp: number): number {
  if (!Number.isSafeInteger(baseFen) || baseFen < 0) throw new Error('base must be non-negative integer fen');
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw new Error('rate must be 0..10000 basis points');
  return Math.floor((baseFen * rateBp) / 10_000);
}

/** Rate resolution: a product override beats the KOC's tier rate, which beats the program default. */
export function resolveRate(r: { productOverrideBp?: number | null; tierRateBp?: number | null; defaultBp: number }): {
  rateBp: number;
  source: 'product' | 'tier' | 'default';
} {
  if (r.productOverrideBp !== undefined && r.productOverrideBp !== null) return { rateBp: r.productOverrideBp, source: 'product' };
  if (r.tierRateBp !== undefined && r.tierRateBp !== null) return { rateBp: r.tierRateBp, source: 'tier' };
  return { rateBp: r.defaultBp, source: 'default' };
}

/**
 * What the commission is worth after refunds: the same rule applied to what the buyer kept.
 * A refund claws back the difference, so partial refunds are pro rata and a full refund takes
 * back exactly everything, with no rounding left over.
 */
export function commissionAfterRefunds(baseFen: number, refundedFen: number, rateBp: number): number {
  return commissionFen(Math.max(0, baseFen - refundedFen), rateBp);
}

export function accrueLines(merchantId: string, koc: string, fen: number): Line[] {
  return [
    { account: account('merchant_payable', merchantId), fen: -fen },
    { account: account('koc_pending', koc), fen },
  ];
}

export function matureLines(koc: string, fen: number): Line[] {
  return [
    { account: account('koc_pending', koc), fen: -fen },
    { account: account('koc_available', koc), fen },
  ];
}

/** Takes `fen` back from wherever the commission sits now (pending before it matured, available after). */
export function clawbackLines(merchantId: string, koc: string, fen: number, matured: boolean): Line[] {
  return [
    { account: account(matured ? 'koc_available' : 'koc_pending', koc), fen: -fen },
    { account: account('merchant_payable', merchantId), fen },
  ];
}

export function balances(postings: { lines: Line[] }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of postings) for (const l of p.lines) out.set(l.account, (out.get(l.account) ?? 0) + l.fen);
  return out;
}

export interface KocBalances {
  pendingFen: number;
  availableFen: number;
  /** Approved withdrawals on their way (WeChat's transfer waits for the KOC's confirmation). */
  inTransitFen: number;
  paidOutFen: number;
}

export function kocBalances(postings: { lines: Line[] }[], koc: string): KocBalances {
  const b = balances(postings);
  return {
    pendingFen: b.get(account('koc_pending', koc)) ?? 0,
    availableFen: b.get(account('koc_available', koc)) ?? 0,
    inTransitFen: b.get(account('payout_clearing', koc)) ?? 0,
    paidOutFen: b.get(account('koc_paid', koc)) ?? 0,
  };
}

// Payouts: approval sets money aside in the KOC's clearing account; the transfer moves it to
// paid out, or a failure or an expired confirmation puts it back into available.
export function holdLines(koc: string, fen: number): Line[] {
  return [
    { account: account('koc_available', koc), fen: -fen },
    { account: account('payout_clearing', koc), fen },
  ];
}

export function paidLines(koc: string, fen: number): Line[] {
  return [
    { account: account('payout_clearing', koc), fen: -fen },
    { account: account('koc_paid', koc), fen },
  ];
}

export function releaseLines(koc: string, fen: number): Line[] {
  return [
    { account: account('payout_clearing', koc), fen: -fen },
    { account: account('koc_available', koc), fen },
  ];
}

/**
 * What a KOC holds with one merchant, kept as a document updated in the same transaction as
 * each posting, so a withdrawal takes the balance with one read in its transaction instead of
 * summing thousands of postings (and two approvals cannot both spend it).
 */
export interface KocBalance extends KocBalances {
  earnedFen: number;
  clawedBackFen: number;
}

export const EMPTY_BALANCE: KocBalance = { pendingFen: 0, availableFen: 0, inTransitFen: 0, paidOutFen: 0, earnedFen: 0, clawedBackFen: 0 };

const FIELD: Partial<Record<AccountKind, keyof KocBalances>> = {
  koc_pending: 'pendingFen',
  koc_available: 'availableFen',
  payout_clearing: 'inTransitFen',
  koc_paid: 'paidOutFen',
};

/** The balance after one posting of this KOC's; a line for another KOC is a bug, so it throws. */
export function applyPosting(b: KocBalance, p: { kind: string; koc: string; lines: Line[] }): KocBalance {
  const next = { ...b };
  for (const l of p.lines) {
    const cut = l.account.indexOf(':');
    const kind = l.account.slice(0, cut) as AccountKind;
    if (kind === 'merchant_payable') continue;
    if (l.account.slice(cut + 1) !== p.koc) throw new Error(`posting for ${p.koc} moves ${l.account}`);
    const field = FIELD[kind];
    if (!field) throw new Error(`unknown account ${l.account}`);
    next[field] += l.fen;
    if (p.kind === 'accrue') next.earnedFen += l.fen;
    if (p.kind === 'clawback') next.clawedBackFen -= l.fen;
  }
  return next;
}

/** The sum of two balances, field by field (postings are linear: their changes add up). */
export function addBalances(a: KocBalance, b: KocBalance): KocBalance {
  const out = { ...a };
  for (const k of Object.keys(EMPTY_BALANCE) as (keyof KocBalance)[]) out[k] = a[k] + b[k];
  return out;
}

/** A commission entry moves one way: pending until the after-sales window passes, then available. */
export const commissionMachine = stateMachine<'pending' | 'available'>('commission', { pending: ['available'], available: [] }, ['pending']);
