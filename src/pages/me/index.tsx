import type { MyBinding } from '@core/contracts/share';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { myBinding } from '../../api/share';
import { signInPage } from '../../api/transport';
import { StateView } from '../../components/StateView';
import { userStore } from '../../stores/user';
import './index.css';

const ROLE_NAMES: Record<string, string> = { student: '学生', koc: '种草达人', merchant: '商家', admin: '管理员' };

const CHANNELS: Record<string, string> = { chat: '聊天卡片', group: '群聊卡片', moments: '朋友圈', poster: '海报' };

/** The me page's entries; merchant tools show only to merchants (the server checks the role again). */
const MENU = [
  { title: '我的订单', hint: '拼团与退款', url: '/pages/orders/index', testid: 'my-orders', merchantOnly: false },
  { title: '我的佣金', hint: '同学通过你的分享下单', url: '/packages/koc/earnings/index', testid: 'my-earnings', merchantOnly: false },
  { title: '我的分享', hint: '每张卡片的打开和新顾客', url: '/packages/koc/share-stats/index', testid: 'my-shares', merchantOnly: false },
  { title: '拼团活动', hint: '新建与结束', url: '/packages/merchant/campaigns/index', testid: 'merchant-campaigns', merchantOnly: true },
  { title: '拼团订单', hint: '发货与自提', url: '/packages/merchant/orders/index', testid: 'merchant-orders', merchantOnly: true },
  { title: '佣金提现审核', hint: '通过或驳回', url: '/packages/merchant/payouts/index', testid: 'merchant-payouts', merchantOnly: true },
  { title: '佣金设置', hint: '比例、等级与售后期', url: '/packages/merchant/commission/index', testid: 'merchant-commission', merchantOnly: true },
  { title: '推荐规则与分享数据', hint: '首次或最后触达', url: '/packages/merchant/attribution/index', testid: 'merchant-attribution', merchantOnly: true },
];

export default observer(function Me() {
  const { profile, status, error } = userStore;
  const [bindings, setBindings] = useState<MyBinding[]>([]);
  useDidShow(async () => {
    await userStore.login();
    if (!userStore.profile) return;
    const res = await myBinding();
    if (res.ok) setBindings(res.data);
  });
  if (!profile) {
    return (
      <View className='page'>
        <StateView loading={status !== 'error'} error={status === 'error' ? error : undefined} onRetry={() => void userStore.login(true)} />
      </View>
    );
  }
  return (
    <View className='page'>
      <View className='me-head' onClick={() => Taro.navigateTo({ url: '/pages/profile/index' })}>
        {profile.avatarUrl ? (
          <Image className='me-avatar' src={profile.avatarUrl} mode='aspectFill' />
        ) : (
          <View className='me-avatar me-avatar-empty'>{profile.nickname.slice(0, 1)}</View>
        )}
        <View className='me-info'>
          <Text className='me-name' data-testid='me-nickname'>
            {profile.nickname}
          </Text>
          <Text className='me-campus'>
            {profile.campusName ?? '还没选学校'}
            {profile.grade ? ` · ${profile.grade}` : ''}
            {profile.major ? ` · ${profile.major}` : ''}
          </Text>
          <View className='me-roles'>
            {profile.roles.map((r) => (
              <Text key={r} className='me-role'>
                {ROLE_NAMES[r] ?? r}
              </Text>
            ))}
          </View>
        </View>
        <Text className='me-edit'>编辑资料 ›</Text>
      </View>
      {profile.interests.length > 0 ? (
        <View className='section'>
          <Text className='section-title'>我的兴趣</Text>
          <View>
            {profile.interests.map((i) => (
              <Text key={i} className='chip chip-on'>
                {i}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      {MENU.filter((m) => !m.merchantOnly || userStore.isMerchant).map((m) => (
        <View key={m.url} className='section me-link' data-testid={m.testid} onClick={() => Taro.navigateTo({ url: m.url })}>
          <Text className='section-title me-link-title'>{m.title}</Text>
          <Text className='muted'>{m.hint} ›</Text>
        </View>
      ))}
      {bindings.length > 0 ? (
        <View className='section' data-testid='my-bindings'>
          <Text className='section-title'>我的推荐人</Text>
          {bindings.map((b) => (
            <View key={b.scope} className='me-binding'>
              <Text className='me-binding-who'>
                {b.sharerNickname} · {b.scopeName} · {CHANNELS[b.channel] ?? b.channel}
              </Text>
              <Text className='muted'>{b.reason}</Text>
            </View>
          ))}
          <Text className='muted'>推荐人只在你下单后获得佣金，你的价格不变。</Text>
        </View>
      ) : null}
      <View className='section'>
        <Text className='section-title'>隐私</Text>
        <Text className='muted'>你的资料只用于展示和推荐，可随时在“编辑资料”里修改。课表等敏感信息会单独征得你的同意。</Text>
      </View>
      {signInPage ? (
        <View className='section'>
          <Text className='muted'>本地云演示：当前身份 {profile.openid}</Text>
          <Button className='btn-plain me-switch' onClick={() => Taro.reLaunch({ url: signInPage ?? '/' })}>
            切换演示用户
          </Button>
        </View>
      ) : null}
    </View>
  );
});
