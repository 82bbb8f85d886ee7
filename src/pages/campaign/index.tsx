import type { CampaignDetail, GroupSummary } from '@core/contracts/groupbuy';
import { formatFen } from '@core/money';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { getCampaign } from '../../api/groupbuy';
import { type CheckoutMode, CheckoutSheet, type Ordered } from '../../components/CheckoutSheet';
import { ActionBar, Button, CellGroup, Empty, Price, Tag } from '../../components/ui';
import { safeDecode } from '../../utils/query';
import { formatShortDateTime } from '../../utils/time';
import './index.css';

const goHome = () => Taro.switchTab({ url: '/pages/index/index' });

export default function Campaign() {
  const [id, setId] = useState('');
  const [c, setC] = useState<CampaignDetail | null>(null);
  const [error, setError] = useState('');
  const [checkout, setCheckout] = useState<CheckoutMode | null>(null);

  const load = async (campaignId = id) => {
    setError('');
    const res = await getCampaign(campaignId);
    if (res.ok) setC(res.data);
    else setError(res.code === 'NOT_FOUND' ? '拼团活动不存在' : res.message);
  };
  useLoad((p) => {
    const cid = safeDecode(p.id);
    if (!cid) return setError('链接已失效');
    setId(cid);
    void load(cid);
  });
  useDidShow(() => {
    if (id) void load();
  });

  const start = () =>
    c &&
    setCheckout({
      kind: 'open',
      productId: c.productId,
      campaignId: c.id,
      groupPriceFen: c.groupPriceFen,
      groupSize: c.groupSize,
      perStudentLimit: c.perStudentLimit,
    });
  const join = (g: GroupSummary) =>
    c &&
    setCheckout({
      kind: 'join',
      productId: c.productId,
      groupId: g.id,
      groupPriceFen: c.groupPriceFen,
      perStudentLimit: c.perStudentLimit,
      leaderNickname: g.leaderNickname,
    });
  const ordered = (o: Ordered) => {
    setCheckout(null);
    void Taro.navigateTo({ url: `/pages/group/index?id=${o.groupId ?? ''}&pay=1` });
  };

  if (!c)
    return (
      <View className='page'>
        {error ? (
          <Empty title={error} actionText='回首页' onAction={goHome} secondaryText={id ? '重试' : undefined} onSecondary={() => load()} />
        ) : (
          <Text className='cp-loading'>加载中…</Text>
        )}
      </View>
    );
  return (
    <View className='page cp-page'>
      <Image className='cp-img' src={c.image} mode='aspectFill' />
      <View className='section'>
        <Price fen={c.groupPriceFen} originalFen={c.originalPriceFen} size='lg' />
        <Text className='cp-title'>{c.title}</Text>
        <View className='cp-tags'>
          <Tag tone='warning'>{c.groupSize} 人成团</Tag>
          <Tag tone='neutral'>开团后 {c.groupHours} 小时内有效</Tag>
          <Tag tone='info'>每人限 {c.perStudentLimit} 件</Tag>
          {c.courseName ? <Tag tone='success'>同课拼团</Tag> : null}
        </View>
        <Text className='muted cp-rule'>
          每个团每人占 1 个名额（1 件）；限 {c.perStudentLimit} 件即最多在 {c.perStudentLimit} 个团里各买 1 件。截止前没拼成，已付款自动全额退款。活动截止{' '}
          {formatShortDateTime(c.endAt)}
        </Text>
        {c.courseName ? (
          <Text className='cp-course'>
            「{c.courseName}」同课拼团：课表里有这门课的同学才能开团，每个团只收同一上课时间的同学。还没导入课表？在「我的 · 我的课表」导入。
          </Text>
        ) : null}
      </View>
      <CellGroup title={c.openGroups.length ? `正在拼的团（${c.openGroups.length}）` : '正在拼的团'}>
        {c.openGroups.length === 0 ? <Text className='cp-none'>还没有人开团，你来当团长吧</Text> : null}
        {c.openGroups.map((g) => (
          <View key={g.id} className='cp-group' data-testid='open-group'>
            <View className='cp-avatar'>{g.leaderNickname.slice(0, 1)}</View>
            <View className='cp-group-main'>
              <Text className='cp-leader'>{g.leaderNickname} 的团</Text>
              <Text className='cp-left'>
                还差 <Text className='cp-left-n'>{g.seatsLeft}</Text> 人 · {formatShortDateTime(g.deadline)} 截止
              </Text>
            </View>
            <Button type='primary' size='small' testId='join-open-group' onClick={() => join(g)}>
              去参团
            </Button>
          </View>
        ))}
      </CellGroup>
      <View className='section'>
        <Text className='section-title'>商品介绍</Text>
        <Text className='cp-desc'>{c.description || '商家还没有写介绍'}</Text>
        <Text className='muted'>{c.merchantName}</Text>
      </View>
      <ActionBar>
        <Button type='primary' size='large' block testId='open-group-button' disabled={c.stock <= 0} onClick={start}>
          {c.stock <= 0 ? '已抢光' : `${formatFen(c.groupPriceFen)} 开团`}
        </Button>
      </ActionBar>
      {checkout ? (
        <CheckoutSheet
          mode={checkout}
          title={checkout.kind === 'join' ? `参加 ${checkout.leaderNickname} 的团` : `开团 · ${c.groupSize} 人成团`}
          onClose={() => setCheckout(null)}
          onOrdered={ordered}
        />
      ) : null}
    </View>
  );
}
