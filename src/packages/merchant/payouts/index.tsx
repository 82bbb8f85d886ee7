// The merchant reviews KOC withdrawals: approve (the transfer starts and waits for the KOC to
// confirm) or reject with a reason the KOC will read.
import { formatFen } from '@core/money';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { approveWithdrawal, pendingWithdrawals, rejectWithdrawal } from '../../../api/commission';
import { StateView } from '../../../components/StateView';
import { useRemote } from '../../../stores/use-remote';
import './index.css';

export default function Payouts() {
  const { data, error, loading, reload } = useRemote(pendingWithdrawals);
  const approve = async (id: string) => {
    const res = await approveWithdrawal(id);
    Taro.showToast({ title: res.ok ? (res.data.status === 'failed' ? '转账失败，已退回 KOC 余额' : '已通过，等 KOC 确认收款') : res.message, icon: 'none' });
    void reload();
  };
  const reject = async (id: string) => {
    const res = await Taro.showModal({ title: '驳回提现', editable: true, placeholderText: '写明原因，KOC 会看到' } as Taro.showModal.Option);
    const reason = (res as { content?: string }).content?.trim() || '请联系商家核对';
    if (!res.confirm) return;
    const r = await rejectWithdrawal(id, reason);
    Taro.showToast({ title: r.ok ? '已驳回' : r.message, icon: 'none' });
    void reload();
  };
  return (
    <View className='page'>
      {(data ?? []).map((w) => (
        <View key={w.id} className='section po' data-testid='payout'>
          <View className='po-row'>
            <Text className='po-who'>{w.kocNickname}</Text>
            <Text className='po-amount'>{formatFen(w.amountFen)}</Text>
          </View>
          <Text className='muted'>当前可提现 {formatFen(w.availableFen ?? 0)}（已扣除退款收回的佣金）</Text>
          <View className='po-actions'>
            <Button className='btn-primary' size='mini' data-testid='approve-button' onClick={() => void approve(w.id)}>
              通过
            </Button>
            <Button className='btn-plain' size='mini' onClick={() => void reject(w.id)}>
              驳回
            </Button>
          </View>
        </View>
      ))}
      <StateView loading={loading} error={error} onRetry={() => void reload()} empty={data?.length === 0 ? '没有待审核的提现' : undefined} />
    </View>
  );
}
