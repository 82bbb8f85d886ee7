// Withdrawals as a transition table. Approval sets the money aside (available -> clearing);
// WeChat's merchant transfer then waits for the KOC to confirm in the app within 24 hours.
import { stateMachine } from './state-machine';

export const WITHDRAWAL_STATES = ['requested', 'approved', 'awaiting_confirmation', 'paid', 'rejected', 'failed', 'expired'] as const;
export type WithdrawalState = (typeof WITHDRAWAL_STATES)[number];

export const WITHDRAWAL_TRANSITIONS: Record<WithdrawalState, readonly WithdrawalState[]> = {
  requested: ['approved', 'rejected'],
  approved: ['awaiting_confirmation', 'failed'],
  awaiting_confirmation: ['paid', 'failed', 'expired'],
  paid: [],
  rejected: [],
  failed: [],
  expired: [],
};

export const WITHDRAWAL_NAMES: Record<WithdrawalState, string> = {
  requested: '待商家审核',
  approved: '已通过',
  awaiting_confirmation: '待你确认收款',
  paid: '已到账',
  rejected: '已驳回',
  failed: '转账失败，已退回余额',
  expired: '未在 24 小时内确认，已退回余额',
};

export const MIN_WITHDRAWAL_FEN = 1000;
export const DAILY_WITHDRAWAL_CAP_FEN = 200_000;
/**
 * WeChat Pay's merchant transfer wants the payee's real name (user_name, encrypted) on any single
 * transfer of ¥2,000 or more. Sprout collects no real names, so one withdrawal (one transfer)
 * stays below that; two on the same day may still add up to the daily cap.
 */
export const TRANSFER_REAL_NAME_FROM_FEN = 200_000;
export const MAX_WITHDRAWAL_FEN = TRANSFER_REAL_NAME_FROM_FEN - 1;
export const CONFIRM_WITHIN_MS = 24 * 3600_000;

export const withdrawalMachine = stateMachine<WithdrawalState>('withdrawal', WITHDRAWAL_TRANSITIONS, ['requested']);

/** Still in progress: the KOC may not ask the same merchant again until it ends. */
export const OPEN_WITHDRAWAL_STATES: readonly WithdrawalState[] = ['requested', 'approved', 'awaiting_confirmation'];

export function canMove(from: WithdrawalState, to: WithdrawalState): boolean {
  return withdrawalMachine.canMove(from, to);
}
