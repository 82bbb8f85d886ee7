// A KOC's earnings: balances from the ledger, each commission with why the order is theirs,
// tier and progress, withdrawals and their confirmation.
import type { CommissionItem, CommissionSummary, WithdrawalView } from '@core/contracts/commission';
import { formatFen } from '@core/money';
import { TIER_NAMES } from '@core/tiers';
import { MAX_WITHDRAWAL_FEN, WITHDRAWAL_NAMES, type WithdrawalState } from '@core/withdrawal-machine';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { commissionList, commissionSummary, confirmWithdrawal, myWithdrawals, requestWithdrawal } from '../../../api/commission';
import { newRequestId } from '../../../api/groupbuy';
import { confirmTransfer } from '../../../api/transport';
import { Button, CellGroup, Empty, Tag, type TagTone, toast } from '../../../components/ui';
import { transferProblem } from '../../../services/merchant-transfer';
import { formatDate, formatShortDateTime } from '../../../utils/time';
import './index.css';

/** Asked for, not approved yet: still counted in the ledger's available balance, but not available to ask for again. */
const requestedFen = (ws: WithdrawalView[], merchantId?: string) =>
  ws.filter((w) => w.status === 'requested' && (!merchantId || w.merchantId === merchantId)).reduce((s, w) => s + w.amountFen, 0);

const WITHDRAWAL_TONES: Record<WithdrawalState, TagTone> = {
  requested: 'warning',
  approved: 'warning',
  awaiting_confirmation: 'warning',
  paid: 'success',
  rejected: 'danger',
  failed: 'danger',
  expired: 'neutral',
};

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

  const withdraw = async (merchantId: string, availableFen: number) => {
    // One withdrawal stays below the amount where WeChat would want the KOC's real name; a fresh
    // request id per tap, so a refused attempt never blocks the next one.
    const res = await requestWithdrawal(merchantId, Math.min(availableFen, MAX_WITHDRAWAL_FEN), newRequestId());
    toast(res.ok ? '已提交，等商家审核' : res.message, res.ok ? 'success' : 'error');
    await load();
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
    toast(res.ok && res.data.status === 'paid' ? '已到账' : res.ok ? '处理中' : res.message);
    await load();
  };

  if (!summary)
    return (
      <View className='page'>
        {error ? <Empty title='佣金没有加载出来' hint={error} actionText='重试' onAction={load} /> : <Text className='ea-loading'>加载中…</Text>}
      </View>
    );
  // A requested withdrawal stays in the ledger's available balance until the merchant approves
  // it; shown as available it would look like money that can be asked for twice.
  const processingFen = requestedFen(withdrawals) + summary.inTransitFen;
  const availableFen = summary.availableFen - requestedFen(withdrawals);
  return (
    <View className='page ea-page'>
      <View className='section ea-balances'>
        <View className='ea-b'>
          <Text className='ea-n' data-testid='balance-pending'>
            {formatFen(summary.pendingFen)}
          </Text>
          <Text className='muted'>待结算</Text>
        </View>
        <View className='ea-b'>
          <Text className={`ea-n ${availableFen < 0 ? 'ea-neg' : ''}`} data-testid='balance-available'>
            {formatFen(availableFen)}
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
      {processingFen > 0 ? (
        <Text className='ea-note' data-testid='balance-processing'>
          提现处理中 {formatFen(processingFen)}（等商家审核或等你确认收款，完成后计入已提现）
        </Text>
      ) : null}
      {summary.clawedBackFen > 0 ? <Text className='ea-note'>退款已收回佣金 {formatFen(summary.clawedBackFen)}；余额为负时会从之后的佣金里扣回</Text> : null}
      {summary.programs.map((p) => {
        const asked = requestedFen(withdrawals, p.merchantId);
        const free = p.availableFen - asked;
        return (
          <View key={p.merchantId} className='section'>
            <View className='ea-row'>
              <Text className='section-title ea-shop'>{p.merchantName}</Text>
              <Tag tone='success'>{TIER_NAMES[p.tier]}</Tag>
            </View>
            {p.next ? (
              <Text className='muted'>
                距{TIER_NAMES[p.next.tier]}：还差成交 {formatFen(p.next.revenueFenLeft)}、{p.next.ordersLeft} 单（近 90 天，只看你自己的成交）
              </Text>
            ) : (
              <Text className='muted'>已是最高等级</Text>
            )}
            <View className='ea-row ea-withdraw'>
              <View className='ea-withdraw-main'>
                {p.openWithdrawal ? (
                  <Text className='ea-processing'>提现处理中{asked > 0 ? ` ${formatFen(asked)}` : ''}</Text>
                ) : (
                  <Text>可提现 {formatFen(free)}</Text>
                )}
                {p.openWithdrawal && free > 0 ? <Text className='muted'>另有 {formatFen(free)} 待这笔完成后可提</Text> : null}
              </View>
              <Button
                size='small'
                type={p.openWithdrawal || free < 1000 ? 'default' : 'primary'}
                testId='withdraw-button'
                // One withdrawal per shop at a time (the server refuses a second): say so before the tap.
                disabled={p.openWithdrawal || free < 1000}
                onClick={() => withdraw(p.merchantId, free)}
              >
                {p.openWithdrawal ? '处理中' : free < 1000 ? '满 ¥10 可提现' : free > MAX_WITHDRAWAL_FEN ? `提现 ${formatFen(MAX_WITHDRAWAL_FEN)}` : '全部提现'}
              </Button>
            </View>
            {p.openWithdrawal ? (
              <Text className='muted ea-hint' data-testid='withdraw-open-hint'>
                这家店有一笔提现还在处理中（待商家审核或待你确认收款），完成后才能再次申请
              </Text>
            ) : null}
          </View>
        );
      })}
      {withdrawals.length > 0 ? (
        <CellGroup title='提现记录'>
          {withdrawals.map((w) => (
            <View key={w.id} className='ea-wd' data-testid='withdrawal'>
              <View className='ea-wd-main'>
                <View className='ea-wd-line'>
                  <Text className='ea-wd-amount'>{formatFen(w.amountFen)}</Text>
                  <Tag tone={WITHDRAWAL_TONES[w.status]}>{WITHDRAWAL_NAMES[w.status]}</Tag>
                </View>
                <Text className='muted'>
                  {formatShortDateTime(w.createdAt)}
                  {w.reason ? ` · ${w.reason}` : ''}
                  {w.status === 'awaiting_confirmation' && w.confirmBy ? ` · 请在 ${formatShortDateTime(w.confirmBy)} 前确认` : ''}
                </Text>
              </View>
              {w.status === 'awaiting_confirmation' ? (
                <Button type='primary' size='small' testId='confirm-button' onClick={() => confirm(w)}>
                  确认收款
                </Button>
              ) : null}
            </View>
          ))}
        </CellGroup>
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
              {c.state === 'pending' ? (c.maturesAt ? `售后期结束后可提现（${formatDate(c.maturesAt)}）` : '订单完成并过售后期后可提现') : '可提现'} · 佣金比例{' '}
              {c.rateBp / 100}%{c.currentFen < c.earnedFen ? ` · 退款收回 ${formatFen(c.earnedFen - c.currentFen)}` : ''}
            </Text>
            <Text className='ea-why'>为什么算你的：{c.reason}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
