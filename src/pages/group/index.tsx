// A group: its real members (nickname and avatar), seats left, the countdown, the invite card,
// and the caller's own order (pay, or join if there is room).
import type { GroupView, PayResult } from '@core/contracts/groupbuy';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useState } from 'react';
import { getGroup, joinGroup, newRequestId, payOrder } from '../../api/groupbuy';
import { createShare } from '../../api/share';
import { Countdown } from '../../components/Countdown';
import { PaySheet } from '../../components/PaySheet';
import { Price } from '../../components/Price';
import { ShareSheet } from '../../components/ShareSheet';
import { StateView } from '../../components/StateView';
import { userStore } from '../../stores/user';
import './index.css';
import { ActionButton } from '../../components/ActionButton';

const STATE_TEXT = { open: '拼团中', succeeded: '拼团成功', failed: '未成团 · 已付款的同学自动全额退款' } as const;
const MONEY_TEXT = { unpaid: '待付款', paid: '已付款', refunding: '退款中', refunded: '已退款' } as const;

export default function Group() {
  const [id, setId] = useState('');
  const [g, setG] = useState<GroupView | null>(null);
  const [error, setError] = useState('');
  const [invite, setInvite] = useState('');
  const [sheet, setSheet] = useState(false);
  const [paying, setPaying] = useState<PayResult | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (groupId = id) => {
    const res = await getGroup(groupId);
    if (res.ok) setG(res.data);
    else setError(res.message);
    return res.ok ? res.data : null;
  };
  useLoad(async (p) => {
    const gid = decodeURIComponent(p.id ?? '');
    setId(gid);
    await userStore.login();
    const view = await load(gid);
    const share = await createShare('group', gid, 'chat');
    if (share.ok) setInvite(share.data.code);
    if (p.pay === '1' && view?.myOrderId && view.state === 'open') void pay(view.myOrderId);
  });
  useDidShow(() => {
    if (id) void load();
  });
  useShareAppMessage(() => ({
    title: g ? `就差你了！${g.title} 拼团价` : '一起拼团',
    path: invite ? `/pages/share/index?sc=${invite}` : `/pages/group/index?id=${id}`,
  }));
  useShareTimeline(() => ({ title: g?.title ?? '一起拼团', query: `id=${id}` }));

  const pay = async (orderId: string) => {
    const res = await payOrder(orderId);
    if (!res.ok) {
      Taro.showToast({ title: res.message, icon: 'none' });
      return void load();
    }
    if (process.env.TARO_ENV === 'weapp') {
      await Taro.requestPayment({ ...res.data.payment, signType: res.data.payment.signType as 'RSA' }).catch(() =>
        Taro.showToast({ title: '支付未完成，可以稍后再付', icon: 'none' }),
      );
      void load();
    } else setPaying(res.data);
  };
  const join = async () => {
    setBusy(true);
    // A fresh request id per attempt (the button is disabled while one runs).
    const res = await joinGroup(id, newRequestId());
    setBusy(false);
    if (!res.ok) {
      Taro.showToast({ title: res.message, icon: 'none' });
      return void load();
    }
    await load();
    void pay(res.data.orderId);
  };

  if (!g)
    return (
      <View className='page'>
        <StateView loading={!error} error={error} onRetry={() => void load()} />
      </View>
    );
  const mine = g.myOrderId;
  return (
    <View className='page gp-page'>
      <View className='section gp-head'>
        <Image className='gp-img' src={g.image} mode='aspectFill' />
        <View className='gp-info'>
          <Text className='gp-title'>{g.title}</Text>
          <Price fen={g.groupPriceFen} />
          <Text className={`gp-state gp-state-${g.state}`} data-testid='group-state'>
            {STATE_TEXT[g.state]}
          </Text>
        </View>
      </View>
      <View className='section'>
        <View className='gp-members'>
          {g.members.map((m, i) => (
            <View key={`${m.nickname}-${i}`} className='gp-member' data-testid='group-member'>
              {m.avatarUrl ? <Image className='gp-avatar' src={m.avatarUrl} /> : <View className='gp-avatar gp-avatar-empty'>{m.nickname.slice(0, 1)}</View>}
              <Text className='gp-nick'>
                {m.leader ? '团长 ' : ''}
                {m.nickname}
              </Text>
              <Text className={m.money === 'paid' ? 'gp-paid' : 'gp-unpaid'}>{MONEY_TEXT[m.money]}</Text>
            </View>
          ))}
          {Array.from({ length: g.state === 'open' ? g.seatsLeft : 0 }, (_, i) => (
            <View key={`empty-${i}`} className='gp-member'>
              <View className='gp-avatar gp-seat'>?</View>
              <Text className='gp-nick muted'>空位</Text>
            </View>
          ))}
        </View>
        {g.state === 'open' ? (
          <View className='gp-count'>
            <Text className='muted' data-testid='seats-left'>
              还差 {g.size - g.paid} 人付款成团 ·{' '}
            </Text>
            <Countdown end={g.deadline} skew={g.serverNow - Date.now()} label='剩余' onExpire={() => void load()} />
          </View>
        ) : null}
      </View>
      <View className='gp-bar'>
        {g.state === 'open' && !mine && g.seatsLeft > 0 ? (
          <ActionButton className='btn-primary' data-testid='join-button' loading={busy} disabled={busy} onClick={() => join()}>
            参团
          </ActionButton>
        ) : null}
        {g.state === 'open' && mine && g.myOrderState === 'created' ? (
          <Button className='btn-primary' data-testid='pay-button' onClick={() => void pay(mine)}>
            去付款
          </Button>
        ) : null}
        {g.state === 'open' && invite ? (
          process.env.TARO_ENV === 'weapp' ? (
            <Button className='btn-plain' openType='share'>
              邀请同学
            </Button>
          ) : (
            <Button className='btn-plain' data-testid='invite-button' onClick={() => setSheet(true)}>
              邀请同学
            </Button>
          )
        ) : null}
        {g.state !== 'open' ? (
          <Button className='btn-plain' onClick={() => Taro.navigateTo({ url: '/pages/orders/index' })}>
            查看我的订单
          </Button>
        ) : null}
      </View>
      {sheet && invite ? <ShareSheet code={invite} onClose={() => setSheet(false)} /> : null}
      {paying ? (
        <PaySheet
          outTradeNo={paying.outTradeNo}
          totalFen={paying.totalFen}
          onCancel={() => setPaying(null)}
          onDone={() => {
            setPaying(null);
            void load();
          }}
        />
      ) : null}
    </View>
  );
}
