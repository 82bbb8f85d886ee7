import type { CampaignDetail } from '@core/contracts/groupbuy';
import { formatFen } from '@core/money';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { getCampaign, joinGroup, newRequestId, openGroup } from '../../api/groupbuy';
import { Price } from '../../components/Price';
import { StateView } from '../../components/StateView';
import './index.css';
import { ActionButton } from '../../components/ActionButton';

export default function Campaign() {
  const [id, setId] = useState('');
  const [c, setC] = useState<CampaignDetail | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // One request id per attempt: the button is disabled while it runs (no double tap), and a
  // refused attempt (GROUP_FULL, say) must not make the next one, 开团 or another group, replay it.

  const load = async (campaignId = id) => {
    const res = await getCampaign(campaignId);
    if (res.ok) setC(res.data);
    else setError(res.message);
  };
  useLoad((p) => {
    const cid = decodeURIComponent(p.id ?? '');
    setId(cid);
    void load(cid);
  });
  useDidShow(() => {
    if (id) void load();
  });

  const go = async (groupId?: string) => {
    setBusy(true);
    const requestId = newRequestId();
    const res = groupId ? await joinGroup(groupId, requestId) : await openGroup(id, requestId);
    setBusy(false);
    if (!res.ok) {
      Taro.showToast({ title: res.message, icon: 'none' });
      void load();
      return;
    }
    Taro.navigateTo({ url: `/pages/group/index?id=${res.data.groupId}&pay=1` });
  };

  if (!c)
    return (
      <View className='page'>
        <StateView loading={!error} error={error} onRetry={() => void load()} />
      </View>
    );
  return (
    <View className='page cp-page'>
      <Image className='cp-img' src={c.image} mode='aspectFill' />
      <View className='section'>
        <Price fen={c.groupPriceFen} originalFen={c.originalPriceFen} size='lg' />
        <Text className='cp-title'>{c.title}</Text>
        <Text className='muted'>
          {c.groupSize} 人成团 · 开团后 {c.groupHours} 小时内有效 · 每人限 {c.perStudentLimit} 件 · {c.merchantName}
        </Text>
        {c.courseOnly ? <Text className='cp-course'>课程专属：只有选了这门课的同学可以参加</Text> : null}
      </View>
      <View className='section'>
        <Text className='section-title'>正在拼的团</Text>
        {c.openGroups.length === 0 ? <Text className='muted'>还没有人开团，你来当团长吧</Text> : null}
        {c.openGroups.map((g) => (
          <View key={g.id} className='cp-group' data-testid='open-group'>
            <Text>
              {g.leaderNickname} 的团 · 还差 {g.seatsLeft} 人
            </Text>
            <ActionButton className='btn-primary' size='mini' disabled={busy} onClick={() => go(g.id)}>
              去参团
            </ActionButton>
          </View>
        ))}
      </View>
      <View className='section'>
        <Text className='section-title'>商品介绍</Text>
        <Text className='muted'>{c.description}</Text>
      </View>
      <View className='cp-bar'>
        <ActionButton className='btn-primary' data-testid='open-group-button' loading={busy} disabled={busy} onClick={() => go()}>
          {`${formatFen(c.groupPriceFen)} 开团`}
        </ActionButton>
      </View>
    </View>
  );
}
