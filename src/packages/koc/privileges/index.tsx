// 等级与特权: the KOC's tier with each program they belong to and what it brings (earlier
// sign-up for brand events and trial products, courses kept for higher tiers, a higher rate),
// then the programs' events: when the KOC's own turn to sign up comes, the places left, and
// 报名 / 领取试用 / 取消报名 / 查看订单. Tiers follow only the KOC's own sales.
import type { EventResults, MyEventView } from '@core/contracts/koc-events';
import { EVENT_KIND_NAMES } from '@core/koc-events';
import { TIER_NAMES } from '@core/tiers';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { cancelEventSignUp, kocEvents, signUpEvent } from '../../../api/koc-events';
import { Button, Dialog, Empty, JoinedLine, Tag, toast } from '../../../components/ui';
import { formatShortDateTime } from '../../../utils/time';
import { actionOf, myTurnLine, turnsParts } from './event-lines';
import './index.css';

const PRIVILEGES = [
  { title: '活动与试用优先报名', body: '高级达人最先报名，中级其次，初级最后；名额有限，先到先得。' },
  { title: '专享培训', body: '部分课程只对中级或高级达人开放，升级后自动解锁。' },
  { title: '更高佣金比例', body: '等级越高，你带来的每一单佣金比例越高。佣金只来自你自己带来的订单，邀请别人不会带来收益。' },
];

function EventCard({ e, onChanged }: { e: MyEventView; onChanged: () => void }) {
  const action = actionOf(e);
  const [confirming, setConfirming] = useState(false);
  const act = async () => {
    if (action.kind === 'order') return void Taro.navigateTo({ url: `/packages/order/detail/index?id=${e.orderId}` });
    if (action.kind === 'cancel') return setConfirming(true);
    const res = await signUpEvent(e.id);
    if (!res.ok) {
      toast(res.message);
      return onChanged();
    }
    toast(e.kind === 'trial' ? '领到了！试用商品按订单发放' : '报名成功', 'success');
    onChanged();
  };
  const cancel = async () => {
    const res = await cancelEventSignUp(e.id);
    if (!res.ok) {
      onChanged();
      throw new Error(res.message);
    }
    toast('已取消报名', 'success');
    onChanged();
  };
  return (
    <View className='section kv-event' data-testid='koc-event'>
      <View className='kv-row'>
        <Text className='kv-title'>{e.title}</Text>
        <Tag tone={e.kind === 'trial' ? 'warning' : 'info'}>{EVENT_KIND_NAMES[e.kind]}</Tag>
      </View>
      <Text className='muted'>{e.merchantName}</Text>
      {e.product ? (
        <View className='kv-product'>
          {e.product.image ? <Image className='kv-product-image' src={e.product.image} mode='aspectFill' /> : null}
          <Text className='kv-product-title'>试用：{e.product.title}（¥0 领取）</Text>
        </View>
      ) : null}
      {e.startsAt ? (
        <Text className='kv-line'>
          {formatShortDateTime(e.startsAt)} · {e.place}
        </Text>
      ) : null}
      {e.description ? <Text className='kv-desc'>{e.description}</Text> : null}
      <Text className='kv-line'>
        名额 {e.taken}/{e.capacity} · {formatShortDateTime(e.closesAt)} 截止
      </Text>
      <JoinedLine className='kv-turns' prefix='开放报名：' parts={turnsParts(e)} />
      <View className='kv-foot'>
        <Text className='kv-mine' data-testid='koc-event-turn'>
          {myTurnLine(e, Date.now())}
        </Text>
        <Button
          size='small'
          type={action.kind === 'sign_up' ? 'primary' : 'default'}
          disabled={action.disabled}
          testId='koc-event-action'
          onClick={action.disabled ? undefined : act}
        >
          {action.text}
        </Button>
      </View>
      <Dialog
        open={confirming}
        title='取消报名？'
        confirmText='取消报名'
        cancelText='再想想'
        confirmType='danger'
        onConfirm={cancel}
        onCancel={() => setConfirming(false)}
        testId='koc-event-cancel'
      >
        <Text>取消后名额会让给其他达人，名额报满后就不能再报了。</Text>
      </Dialog>
    </View>
  );
}

export default function KocPrivileges() {
  const [data, setData] = useState<EventResults['events'] | null>(null);
  const [error, setError] = useState('');
  const load = async () => {
    setError('');
    const res = await kocEvents();
    if (!res.ok) return setError(res.message);
    setData(res.data);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  if (!data)
    return (
      <View className='page'>
        {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={load} /> : <Text className='kv-loading'>加载中…</Text>}
      </View>
    );
  return (
    <View className='page kv-page'>
      <View className='section'>
        <Text className='section-title'>我的等级</Text>
        {data.programs.length === 0 ? (
          <Text className='kv-note'>入选店铺的达人计划后，这里会显示你在每家店的等级。</Text>
        ) : (
          data.programs.map((p) => (
            <View key={p.merchantId} className='kv-row kv-tier' data-testid='koc-tier'>
              <Text className='kv-shop'>{p.merchantName}</Text>
              <Tag tone={p.tier === 'primary' ? 'neutral' : 'success'}>{TIER_NAMES[p.tier]}</Tag>
            </View>
          ))
        )}
        <Text className='kv-note'>等级每月按你自己近 90 天带来的成交重新评定，和邀请别人无关。</Text>
      </View>
      <View className='section'>
        <Text className='section-title'>等级特权</Text>
        {PRIVILEGES.map((p) => (
          <View key={p.title} className='kv-privilege'>
            <Text className='kv-privilege-title'>{p.title}</Text>
            <Text className='kv-note'>{p.body}</Text>
          </View>
        ))}
      </View>
      <Text className='kv-heading'>活动与试用</Text>
      {data.items.length === 0 ? (
        <Empty title='暂时没有活动' hint='店铺发布品牌活动或试用名额后会出现在这里' />
      ) : (
        data.items.map((e) => <EventCard key={e.id} e={e} onChanged={() => void load()} />)
      )}
    </View>
  );
}
