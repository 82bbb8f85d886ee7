import type { CommissionItem, CommissionSummary, ProgramSettings, WithdrawalView } from '@core/contracts/commission';
import { call } from './client';

export const commissionSummary = () => call<CommissionSummary>('commission', 'summary');
export const commissionList = (cursor?: string) => call<{ items: CommissionItem[]; nextCursor: string | null }>('commission', 'list', cursor ? { cursor } : {});
export const requestWithdrawal = (merchantId: string, amountFen: number, requestId: string) =>
  call<{ withdrawalId: string }>('commission', 'requestWithdrawal', { merchantId, amountFen, requestId });
export const confirmWithdrawal = (withdrawalId: string) => call<{ status: string }>('commission', 'confirmWithdrawal', { withdrawalId });
export const myWithdrawals = () => call<WithdrawalView[]>('commission', 'myWithdrawals');
export const pendingWithdrawals = () => call<WithdrawalView[]>('commission', 'listWithdrawals', { status: 'requested' });
export const approveWithdrawal = (withdrawalId: string) => call<{ status: string }>('commission', 'approveWithdrawal', { withdrawalId });
export const rejectWithdrawal = (withdrawalId: string, reason: string) => call<{ status: string }>('commission', 'rejectWithdrawal', { withdrawalId, reason });
export const getProgram = () => call<ProgramSettings>('commission', 'getProgram');
export const setProgram = (p: ProgramSettings) => call<ProgramSettings>('commission', 'setProgram', p);
