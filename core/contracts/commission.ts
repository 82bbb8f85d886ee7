// The `commission` function's actions.
import * as z from 'zod';
import { TIERS, type Tier } from '../tiers';
import type { WithdrawalState } from '../withdrawal-machine';

const id = z.string().min(1).max(64);

/** Who earns commission in a program: approved KOCs only (default), or every student (人人分销). */
export const KOC_MODES = ['approved', 'everyone'] as const;
export type KocMode = (typeof KOC_MODES)[number];

export interface CommissionSummary {
  pendingFen: number;
  availableFen: number;
  inTransitFen: number;
  paidOutFen: number;
  earnedFen: number;
  clawedBackFen: number;
  /** Per merchant program: tier, available balance, progress to the next tier. */
  programs: {
    merchantId: string;
    merchantName: string;
    tier: Tier;
    availableFen: number;
    /** A withdrawal with this merchant is still in progress: at most one at a time. */
    openWithdrawal: boolean;
    next: { tier: Tier; revenueFenLeft: number; ordersLeft: number } | null;
  }[];
}

export interface CommissionItem {
  orderId: string;
  title: string;
  earnedFen: number;
  currentFen: number;
  rateBp: number;
  rateSource: string;
  tier: string;
  state: 'pending' | 'available';
  maturesAt: number | null;
  reason: string;
  channel: string;
  createdAt: number;
}

export interface WithdrawalView {
  id: string;
  merchantId: string;
  kocNickname?: string;
  /** For the merchant's review: the KOC's available balance now (net of clawbacks). */
  availableFen?: number;
  amountFen: number;
  status: WithdrawalState;
  reason: string;
  createdAt: number;
  confirmBy: number | null;
  packageInfo: string;
  /** The merchant number WeChat's confirmation sheet needs (production). */
  mchId: string;
}

const tierRule = z.strictObject({
  tier: z.enum(TIERS),
  rateBp: z.number().int().min(0).max(5000),
  minRevenueFen: z.number().int().min(0),
  minOrders: z.number().int().min(0),
});

export const commissionInput = {
  summary: z.strictObject({}),
  list: z.strictObject({ cursor: z.string().max(40).optional() }),
  requestWithdrawal: z.strictObject({ merchantId: id, amountFen: z.number().int().positive().max(100_000_000), requestId: z.string().min(8).max(64) }),
  confirmWithdrawal: z.strictObject({ withdrawalId: id }),
  myWithdrawals: z.strictObject({}),
  listWithdrawals: z.strictObject({ status: z.enum(['requested', 'all']).default('requested') }),
  approveWithdrawal: z.strictObject({ withdrawalId: id }),
  rejectWithdrawal: z.strictObject({ withdrawalId: id, reason: z.string().trim().min(1).max(100) }),
  getProgram: z.strictObject({}),
  setProgram: z.strictObject({
    defaultRateBp: z.number().int().min(0).max(5000),
    holdDays: z.number().int().min(0).max(30),
    selfPurchaseRebates: z.boolean(),
    /** Left out: the program keeps its mode. */
    kocMode: z.enum(KOC_MODES, '请选择谁能赚佣金').optional(),
    tiers: z
      .array(tierRule)
      .length(3)
      .refine((t) => t.map((r) => r.tier).join() === TIERS.join(), { message: '三个等级依次为初级、中级、高级' }),
  }),
  settle: z.strictObject({}),
};

export type ProgramSettings = z.output<typeof commissionInput.setProgram>;
/** A program as getProgram and setProgram answer it: the mode always said. */
export type ProgramView = ProgramSettings & { kocMode: KocMode };
