// A group: its real members (nickname and avatar), seats left, the countdown, the invite card,
// and the caller's own order (pay, or join if there is room).
import type { GroupView } from '@core/contracts/groupbuy';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useState } from 'react';
import { getCampaign, getGroup } from '../../api/groupbuy';
import { type CheckoutMode, CheckoutSheet, type Ordered } from '../../components/CheckoutSheet';
import { Countdown } from '../../components/Countdown';
import { usePayment } from '../../components/PaySheet/usePayment';
import { ShareSheet } from '../../components/ShareSheet';
import { ActionBar, Button, Empty, Price, Tag, type TagTone, toast } from '../../components/ui';
import { askReminder, prepareReminders } from '../../services/reminders';
import { useShareCodes, withCode } from '../../services/share-code';
import { userStore } from '../../stores/user';
import { safeDecode } from '../../utils/query';
import './index.css';

const STATE: Record<GroupView['state'], { text: string; tone: TagTone }> = {
  open: { text: '拼团中', tone: 'warning' },
  succeeded: { text: '拼团成功', tone: 'success' },
  failed: { text: '未成团', tone: 'neutral' },
};
const MONEY_TEXT = { unpaid: '待付款', paid: '已付款', refunding: '退款中', refunded: '已退款' } as const;
const goHome = () => Taro.switchTab({ url: '/pages/index/index' });

export default function Group() {
  const [id, setId] = useState('');
  const [g, setG] = useState<GroupView | null>(null);
  const [error, setError] = useState('');
  const [inviteCode, setInviteCode] = useState('');
  const [checkout, setCheckout] = useState<CheckoutMode | null>(null);
  const shareCode = useShareCodes('group', id);
  const { pay, sheet: paySheet } = usePayment();

  const load = async (groupId = id) => {
    setError('');
    const res = await getGroup(groupId);
    if (res.ok) setG(res.data);
    else setError(res.code === 'NOT_FOUND' ? '这个团不存在' : res.message);
    return res.ok ? res.data : null;
  };
  const payFor = async (orderId: string) => {
    const paid = await pay(orderId);
    if (paid) toast('支付成功', 'success');
    await load();
  };
  useLoad(async (p) => {
    const gid = safeDecode(p.id);
    if (!gid) return setError('链接已失效');
    setId(gid);
    await userStore.login();
    const view = await load(gid);
    if (p.pay === '1' && view?.myOrderId && view.state === 'open' && view.myOrderState === 'created') void payFor(view.myOrderId);
  });
  useDidShow(prepareReminders);
  useDidShow(() => {
    if (id) void load();
  });
  useShareAppMessage(() =>
    withCode({ title: g ? `就差你了！${g.title} 拼团价` : '一起拼团', path: `/pages/group/index?id=${id}` }, shareCode('chat'), (code) => ({
      path: `/pages/share/index?sc=${code}`,
    })),
  );
  useShareTimeline(() => ({ title: g?.title ?? '一起拼团', query: `id=${id}` }));

  const invite = async () => {
    const code = await shareCode('chat');
    if (code) setInviteCode(code);
    else toast('邀请链接没有生成，请重试', 'error');
  };
  const join = async () => {
    if (!g) return;
    const c = await getCampaign(g.campaignId);
    if (!c.ok) return toast(c.message, 'error');
    setCheckout({
      kind: 'join',
      productId: c.data.productId,
      groupId: g.id,
      groupPriceFen: g.groupPriceFen,
      perStudentLimit: c.data.perStudentLimit,
      leaderNickname: g.members.find((m) => m.leader)?.nickname ?? '',
    });
  };
  const ordered = async (o: Ordered) => {
    setCheckout(null);
    await load();
    await payFor(o.orderId);
  };

  if (!g)
    return (
      <View className='page'>
        {error ? (
          <Empty title={error} actionText='回首页' onAction={goHome} secondaryText={id ? '重试' : undefined} onSecondary={() => load()} />
        ) : (
          <Text className='gp-loading'>加载中…</Text>
        )}
      </View>
    );
  const mine = g.myOrderId;
  const state = STATE[g.state];
  return (
    <View className='page gp-page'>
      <View className='section gp-head'>
        <Image className='gp-img' src={g.image} mode='aspectFill' />
        <View className='gp-info'>
          <Text className='gp-title'>{g.title}</Text>
          <Price fen={g.groupPriceFen} />
          <View data-testid='group-state'>
            <Tag tone={state.tone}>{state.text}</Tag>
          </View>
        </View>
      </View>
      {g.state === 'failed' ? <Text className='gp-note'>截止前没有拼成，已付款的同学自动全额退款。</Text> : null}
      {g.course ? (
        <Text className='gp-note' data-testid='group-course'>
          「{g.course.name}」同课拼团 · 这个上课班级有 {g.course.classmates} 位同学导入了课表（只显示人数）
        </Text>
      ) : null}
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
            <Text className='gp-count-text' data-testid='seats-left'>
              还差 {g.size - g.paid} 人付款成团 ·{' '}
            </Text>
            <Countdown end={g.deadline} skew={g.serverNow - Date.now()} label='剩余' onExpire={() => void load()} />
          </View>
        ) : null}
      </View>
      <ActionBar>
        {g.state === 'open' && !mine && g.seatsLeft > 0 ? (
          <Button type='primary' size='large' block testId='join-button' onClick={join}>
            参团
          </Button>
        ) : null}
        {g.state === 'open' && mine && g.myOrderState === 'created' ? (
          <Button type='primary' size='large' block testId='pay-button' onClick={() => payFor(mine)}>
            去付款
          </Button>
        ) : null}
        {g.state === 'open' ? (
          process.env.TARO_ENV === 'weapp' ? (
            <Button size='large' block openType='share'>
              邀请同学
            </Button>
          ) : (
            <Button size='large' block testId='invite-button' onClick={invite}>
              邀请同学
            </Button>
          )
        ) : null}
        {g.state === 'open' && mine && g.myOrderState !== 'created' ? (
          <Button
            size='large'
            block
            testId='group-result-remind'
            onClick={() => askReminder({ kind: 'group_result', groupId: g.id }, '拼团有结果时通过微信通知你')}
          >
            结果通知我
          </Button>
        ) : null}
        {g.state !== 'open' && mine ? (
          <Button size='large' block onClick={() => Taro.navigateTo({ url: `/packages/order/detail/index?id=${mine}` })}>
            查看我的订单
          </Button>
        ) : null}
        {g.state !== 'open' ? (
          <Button type='primary' size='large' block onClick={() => Taro.navigateTo({ url: `/pages/campaign/index?id=${g.campaignId}` })}>
            再开一团
          </Button>
        ) : null}
      </ActionBar>
      {checkout ? <CheckoutSheet mode={checkout} title='参团' onClose={() => setCheckout(null)} onOrdered={ordered} /> : null}
      {inviteCode ? <ShareSheet code={inviteCode} onClose={() => setInviteCode('')} /> : null}
      {paySheet}
    </View>
  );
}
