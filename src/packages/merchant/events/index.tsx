// 达人活动: the shop's brand events and trial drops for its KOCs, with places taken, when each
// tier may sign up, and who signed up (nickname and tier, in order). 新活动 opens the editor.
// Sign-up opening earlier for higher tiers is the tier privilege; the server keeps the places.
import type { EventView, SignupView } from '@core/contracts/koc-events';
import { EVENT_KIND_NAMES } from '@core/koc-events';
import { TIER_NAMES, TIERS } from '@core/tiers';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { eventSignups, listEvents } from '../../../api/koc-events';
import { Button, Empty, JoinedLine, Tag, toast } from '../../../components/ui';
import { formatShortDateTime } from '../../../utils/time';
import { EventEditor } from './EventEditor';
import './index.css';

function phase(e: EventView, now: number): { text: string; tone: 'neutral' | 'success' | 'warning' } {
  if (now >= e.closesAt) return { text: '报名已截止', tone: 'neutral' };
  if (now < e.opensAt) return { text: '报名未开始', tone: 'warning' };
  return { text: e.taken >= e.capacity ? '已报满' : '报名中', tone: 'success' };
}

function EventCard({ e }: { e: EventView }) {
  const [signups, setSignups] = useState<SignupView[] | null>(null);
  const toggle = async () => {
    if (signups) return setSignups(null);
    const res = await eventSignups(e.id);
    if (!res.ok) return toast(res.message);
    setSignups(res.data.items);
  };
  const p = phase(e, Date.now());
  return (
    <View className='section' data-testid='merchant-event'>
      <View className='me-row'>
        <Text className='me-title'>{e.title}</Text>
        <Tag tone={e.kind === 'trial' ? 'warning' : 'info'}>{EVENT_KIND_NAMES[e.kind]}</Tag>
        <Tag tone={p.tone}>{p.text}</Tag>
      </View>
      {e.product ? <Text className='me-line'>试用商品：{e.product.title}</Text> : null}
      {e.startsAt ? (
        <Text className='me-line'>
          {formatShortDateTime(e.startsAt)} · {e.place}
        </Text>
      ) : null}
      <Text className='me-line' data-testid='merchant-event-taken'>
        已报名 {e.taken}/{e.capacity} · {formatShortDateTime(e.closesAt)} 截止
      </Text>
      <JoinedLine
        className='me-turns'
        prefix='开放顺序：'
        parts={[...TIERS].reverse().map((t) => `${TIER_NAMES[t].replace('达人', '')} ${formatShortDateTime(e.opensByTier[t])}`)}
      />
      <View className='me-foot'>
        <Button size='small' testId='merchant-event-signups' onClick={toggle}>
          {signups ? '收起名单' : '报名名单'}
        </Button>
      </View>
      {signups ? (
        signups.length === 0 ? (
          <Text className='muted'>还没有人报名</Text>
        ) : (
          signups.map((s, i) => (
            <View key={`${s.nickname}-${s.at}-${i}`} className='me-signup' data-testid='merchant-event-signup'>
              <Text className='me-signup-name'>
                {i + 1}. {s.nickname}
              </Text>
              <Tag tone='neutral'>{s.tierName}</Tag>
              <Text className='muted'>{formatShortDateTime(s.at)}</Text>
            </View>
          ))
        )
      ) : null}
    </View>
  );
}

export default function MerchantEvents() {
  const [items, setItems] = useState<EventView[] | null>(null);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);
  const load = async () => {
    setError('');
    const res = await listEvents();
    if (!res.ok) return setError(res.message);
    setItems(res.data.items);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  if (creating)
    return (
      <View className='page me-page'>
        <EventEditor
          onCancel={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            void load();
          }}
        />
      </View>
    );
  if (!items)
    return (
      <View className='page'>
        {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={load} /> : <Text className='me-loading'>加载中…</Text>}
      </View>
    );
  return (
    <View className='page me-page'>
      <Text className='me-note'>品牌活动和试用名额只对本店入选达人开放：高级达人最先报名，中级其次，初级最后。</Text>
      <View className='me-top'>
        <Button type='primary' size='small' testId='event-new' onClick={() => setCreating(true)}>
          + 新活动
        </Button>
      </View>
      {items.length === 0 ? <Empty title='还没有活动' hint='发布一场品鉴会，或放出几份试用名额' /> : items.map((e) => <EventCard key={e.id} e={e} />)}
    </View>
  );
}
