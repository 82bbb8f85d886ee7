import type { CommissionItem, CommissionSummary, ProgramSettings, WithdrawalView } from '@core/contracts/commission';
import { call } from './client';

export const commissionSummary = () => call<CommissionSummary, 'commission'>('commission', 'summary');
export const commissionList = (cursor?: string) =>
  call<{ items: CommissionItem[]; nextCursor: string | null }, 'commission'>('commission', 'list', cursor ? { cursor } : {});
export const requestWithdrawal = (merchantId: string, amountFen: number, requestId: string) =>
  call<{ withdrawalId: string }, 'commission'>('commission', 'requestWithdrawal', { merchantId, amountFen, requestId });
export const confirmWithdrawal = (withdrawalId: string) => call<{ status: string }, 'commission'>('commission', 'confirmWithdrawal', { withdrawalId });
export const myWithdrawals = () => call<WithdrawalView[], 'commission'>('commission', 'myWithdrawals');
export const pendingWithdrawals = () => call<WithdrawalView[], 'commission'>('commission', 'listWithdrawals', { status: 'requested' });
export const approveWithdrawal = (withdrawalId: string) => call<{ status: string }, 'commission'>('commission', 'approveWithdrawal', { withdrawalId });
export const rejectWithdrawal = (withdrawalId: string, reason: string) =>
  call<{ status: string }, 'commission'>('commission', 'rejectWithdrawal', { withdrawalId, reason });
export const getProgram = () => call<ProgramSettings, 'commission'>('commission', 'getProgram');
export const setProgram = (p: ProgramSettings) => call<ProgramSettings, 'commission'>('commission', 'setProgram', p);
