// A KOC's earnings: balances from the ledger, each commission with why the order is theirs,
// tier and progress, withdrawals and their confirmation.
import type { CommissionItem, CommissionSummary, WithdrawalView } from '@core/contracts/commission';
import { formatFen } from '@core/money';
import { TIER_NAMES } from '@core/tiers';
import { MAX_WITHDRAWAL_FEN, WITHDRAWAL_NAMES } from '@core/withdrawal-machine';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { commissionList, commissionSummary, confirmWithdrawal, myWithdrawals, requestWithdrawal } from '../../../api/commission';
import { newRequestId } from '../../../api/groupbuy';
import { confirmTransfer } from '../../../api/transport';
import { StateView } from '../../../components/StateView';
import { transferProblem } from '../../../services/merchant-transfer';
import './index.css';
import { ActionButton } from '../../../components/ActionButton';

export default function Earnings() {
  const [summary, setSummary] = useState<CommissionSummary | null>(null);
  const [items, setItems] = useState<CommissionItem[]>([]);
  const [withdrawals, setWithdrawals] = useState<WithdrawalView[]>([]);
  const [error, setError] = useState('');
  const load = async () => {
    setError('');
    const [s, l, w] = await Promise.all([commissionSummary(), commissionList(), myWithdrawals()]);
    if (!s.ok) return setError(s.message);
    setSummary(s.data);
    if (l.ok) setItems(l.data.items);
    if (w.ok) setWithdrawals(w.data);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  const [busy, setBusy] = useState(false);
  const withdraw = async (merchantId: string, availableFen: number) => {
    setBusy(true);
    try {
      // One withdrawal stays below the amount where WeChat would want the KOC's real name; a fresh
      // request id per tap, so a refused attempt never blocks the next one.
      const res = await requestWithdrawal(merchantId, Math.min(availableFen, MAX_WITHDRAWAL_FEN), newRequestId());
      Taro.showToast({ title: res.ok ? '已提交，等商家审核' : res.message, icon: res.ok ? 'success' : 'none' });
      await load();
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (w: WithdrawalView) => {
    // The server is told only after WeChat's sheet reported success; a cancel or a failure leaves
    // the transfer waiting, and the KOC can come back to it here.
    try {
      await confirmTransfer(w.packageInfo, w.mchId);
    } catch (e) {
      const { title, content } = transferProblem(e);
      void Taro.showModal({ title, content, showCancel: false, confirmText: '知道了' });
      return;
    }
    const res = await confirmWithdrawal(w.id);
    Taro.showToast({ title: res.ok && res.data.status === 'paid' ? '已到账' : res.ok ? '处理中' : res.message, icon: 'none' });
    void load();
  };

  if (!summary)
    return (
      <View className='page'>
        <StateView loading={!error} error={error} onRetry={() => void load()} />
      </View>
    );
  return (
    <View className='page'>
      <View className='section ea-balances'>
        <View className='ea-b'>
          <Text className='ea-n' data-testid='balance-pending'>
            {formatFen(summary.pendingFen)}
          </Text>
          <Text className='muted'>待结算</Text>
        </View>
        <View className='ea-b'>
          <Text className={`ea-n ${summary.availableFen < 0 ? 'ea-neg' : ''}`} data-testid='balance-available'>
            {formatFen(summary.availableFen)}
          </Text>
          <Text className='muted'>可提现</Text>
        </View>
        <View className='ea-b'>
          <Text className='ea-n' data-testid='balance-paid'>
            {formatFen(summary.paidOutFen)}
          </Text>
          <Text className='muted'>已提现</Text>
        </View>
      </View>
      {summary.inTransitFen > 0 ? <Text className='ea-note'>另有 {formatFen(summary.inTransitFen)} 正在转账，确认收款后到账</Text> : null}
      {summary.clawedBackFen > 0 ? <Text className='ea-note'>退款已收回佣金 {formatFen(summary.clawedBackFen)}；余额为负时会从之后的佣金里扣回</Text> : null}
      {summary.programs.map((p) => (
        <View key={p.merchantId} className='section'>
          <View className='ea-row'>
            <Text className='section-title ea-shop'>{p.merchantName}</Text>
            <Text className='ea-badge'>{TIER_NAMES[p.tier]}</Text>
          </View>
          {p.next ? (
            <Text className='muted'>
              距{TIER_NAMES[p.next.tier]}：还差成交 {formatFen(p.next.revenueFenLeft)}、{p.next.ordersLeft} 单（近 90 天，只看你自己的成交）
            </Text>
          ) : (
            <Text className='muted'>已是最高等级</Text>
          )}
          <View className='ea-row ea-withdraw'>
            <Text>可提现 {formatFen(p.availableFen)}</Text>
            <ActionButton
              className={p.openWithdrawal || p.availableFen < 1000 ? 'btn-plain' : 'btn-primary'}
              size='mini'
              data-testid='withdraw-button'
              // One withdrawal per shop at a time (the server refuses a second): say so before the tap.
              disabled={p.openWithdrawal || p.availableFen < 1000 || busy}
              onClick={() => withdraw(p.merchantId, p.availableFen)}
            >
              {p.openWithdrawal
                ? '提现处理中'
                : p.availableFen < 1000
                  ? '满 ¥10 可提现'
                  : p.availableFen > MAX_WITHDRAWAL_FEN
                    ? `提现 ${formatFen(MAX_WITHDRAWAL_FEN)}`
                    : '全部提现'}
            </ActionButton>
          </View>
          {p.openWithdrawal ? (
            <Text className='muted' data-testid='withdraw-open-hint'>
              这家店有一笔提现还在处理中（待商家审核或待你确认收款），完成后才能再次申请
            </Text>
          ) : null}
        </View>
      ))}
      {withdrawals.length > 0 ? (
        <View className='section'>
          <Text className='section-title'>提现记录</Text>
          {withdrawals.map((w) => (
            <View key={w.id} className='ea-row ea-item' data-testid='withdrawal'>
              <Text>
                {formatFen(w.amountFen)} · {WITHDRAWAL_NAMES[w.status]}
                {w.reason ? `（${w.reason}）` : ''}
              </Text>
              {w.status === 'awaiting_confirmation' ? (
                <Button className='btn-primary' size='mini' data-testid='confirm-button' onClick={() => void confirm(w)}>
                  确认收款
                </Button>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      <View className='section'>
        <Text className='section-title'>佣金明细</Text>
        {items.length === 0 ? <Text className='muted'>同学通过你的分享下单后，佣金会出现在这里</Text> : null}
        {items.map((c) => (
          <View key={c.orderId} className='ea-item' data-testid='commission'>
            <View className='ea-row'>
              <Text className='ea-title'>{c.title}</Text>
              <Text className='ea-amount'>{formatFen(c.currentFen)}</Text>
            </View>
            <Text className='muted'>
              {c.state === 'pending'
                ? c.maturesAt
                  ? `售后期结束后可提现（${new Date(c.maturesAt).toLocaleDateString('zh-CN')}）`
                  : '订单完成并过售后期后可提现'
                : '可提现'}{' '}
              · 佣金比例 {c.rateBp / 100}%{c.currentFen < c.earnedFen ? ` · 退款收回 ${formatFen(c.earnedFen - c.currentFen)}` : ''}
            </Text>
            <Text className='ea-why'>为什么算你的：{c.reason}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
