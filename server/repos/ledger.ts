import { isBalanced, type Line } from '../../core/ledger';
import type { Ctx } from '../context';
import { isDuplicateKeyError } from '../db/types';

export interface PostingDoc {
  /** The posting's unique key, e.g. accrue:<order>:<koc>: the same fact is never posted twice. */
  _id: string;
  kind: 'accrue' | 'mature' | 'clawback' | 'hold' | 'paid' | 'release';
  orderId: string;
  koc: string;
  merchantId: string;
  lines: Line[];
  /** Why, in words a KOC reads. */
  memo: string;
  /** A correction names the posting it corrects (a clawback names its accrual); postings are never edited. */
  corrects?: string;
  at: Date;
}

/** Appends a balanced posting once; false when this key was already posted (a repeat run). */
export async function post(ctx: Ctx, p: Omit<PostingDoc, 'at'>): Promise<boolean> {
  if (!isBalanced(p.lines)) throw new Error(`unbalanced posting ${p._id}`);
  try {
    await ctx.db.collection('ledger').add({ data: { ...p, at: new Date(ctx.now()) } });
    return true;
  } catch (e) {
    if (isDuplicateKeyError(e)) return false;
    throw e;
  }
}

export interface CommissionDoc {
  _id: string; // `${orderId}:${koc}`
  orderId: string;
  koc: string;
  merchantId: string;
  title: string;
  baseFen: number;
  rateBp: number;
  rateSource: 'product' | 'tier' | 'default';
  tier: string;
  earnedFen: number;
  /** What is left after refunds (the same rule applied to what the buyer kept). */
  currentFen: number;
  state: 'pending' | 'available';
  /** Set when the order completes: completion + the after-sales window. */
  maturesAt: Date | null;
  reason: string;
  channel: string;
  createdAt: Date;
}

export interface CommissionProgram {
  defaultRateBp: number;
  holdDays: number;
  selfPurchaseRebates: boolean;
}

export const DEFAULT_PROGRAM: CommissionProgram = { defaultRateBp: 1000, holdDays: 7, selfPurchaseRebates: false };
