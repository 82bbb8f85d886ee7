// The merchant reviews KOC withdrawals: approve (the transfer starts and waits for the KOC to
// confirm) or reject with a reason the KOC will read.

import type { WithdrawalView } from '@core/contracts/commission';
import { commissionInput } from '@core/contracts/commission';
import { formatFen } from '@core/money';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { approveWithdrawal, pendingWithdrawals, rejectWithdrawal } from '../../../api/commission';
import { Button, Dialog, Empty, TextAreaField, toast } from '../../../components/ui';
import { useRemote } from '../../../stores/use-remote';
import { formatDateTime } from '../../../utils/time';
import { check } from '../shared/form';
import './index.css';

export default function Payouts() {
  const { data, error, loading, reload } = useRemote(pendingWithdrawals);
  const [approving, setApproving] = useState<WithdrawalView | null>(null);
  const [rejecting, setRejecting] = useState<WithdrawalView | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');

  const approve = async () => {
    if (!approving) return false;
    const res = await approveWithdrawal(approving.id);
    if (!res.ok) throw new Error(res.message);
    toast(res.data.status === 'failed' ? '转账失败，已退回 KOC 余额' : '已通过，等 KOC 确认收款');
    await reload();
    return true;
  };
  const openReject = (w: WithdrawalView) => {
    setReason('');
    setReasonError('');
    setRejecting(w);
  };
  const reject = async () => {
    if (!rejecting) return false;
    const bad = check(commissionInput.rejectWithdrawal, { withdrawalId: rejecting.id, reason }, { reason: '请写明驳回原因（最多 100 个字）' });
    if (bad.errors) {
      setReasonError(bad.errors.reason ?? '请写明驳回原因');
      return false;
    }
    const res = await rejectWithdrawal(rejecting.id, reason.trim());
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT') setReasonError('请写明驳回原因（最多 100 个字）');
      else toast(res.message);
      return false;
    }
    toast('已驳回', 'success');
    await reload();
    return true;
  };

  return (
    <View className='page'>
      {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={reload} /> : null}
      {loading ? <Text className='po-loading muted'>加载中…</Text> : null}
      {data?.length === 0 ? <Empty title='没有待审核的提现' hint='达人申请提现后会出现在这里' /> : null}
      {(data ?? []).map((w) => {
        const short = w.availableFen !== undefined && w.availableFen < w.amountFen;
        return (
          <View key={w.id} className='section po' data-testid='payout'>
            <View className='po-row'>
              <Text className='po-who'>{w.kocNickname ?? '达人'}</Text>
              <Text className='po-amount'>{formatFen(w.amountFen)}</Text>
            </View>
            <Text className='muted po-line'>申请于 {formatDateTime(w.createdAt)}</Text>
            <Text className={`po-line ${short ? 'po-short' : 'muted'}`}>
              当前可提现 {formatFen(w.availableFen ?? 0)}（已扣除退款收回的佣金）{short ? '，不足以支付这笔提现' : ''}
            </Text>
            <View className='po-actions'>
              <Button size='small' type='ghost' testId='reject-button' onClick={() => openReject(w)}>
                驳回
              </Button>
              <Button size='small' type='primary' testId='approve-button' onClick={() => setApproving(w)}>
                通过
              </Button>
            </View>
          </View>
        );
      })}
      <Dialog open={approving !== null} title='通过提现' confirmText='通过' onConfirm={approve} onCancel={() => setApproving(null)} testId='approve'>
        <Text>
          向 {approving?.kocNickname ?? '达人'} 转账 {approving ? formatFen(approving.amountFen) : ''}，达人在微信确认收款后到账。
        </Text>
      </Dialog>
      <Dialog
        open={rejecting !== null}
        title='驳回提现'
        confirmText='驳回'
        confirmType='danger'
        onConfirm={reject}
        onCancel={() => setRejecting(null)}
        testId='reject'
      >
        <TextAreaField
          label='驳回原因（达人会看到）'
          required
          value={reason}
          maxlength={100}
          placeholder='例如 有 2 笔订单仍在售后期，请 7 天后再申请'
          error={reasonError}
          onInput={(v) => {
            setReason(v);
            setReasonError('');
          }}
          testId='reject-reason'
        />
      </Dialog>
    </View>
  );
}
