import type { SurveyView } from '@core/contracts/experiments';
import type { MyBinding } from '@core/contracts/share';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useRef, useState } from 'react';
import { pendingSurvey } from '../../api/experiments';
import { kocPrograms } from '../../api/koc';
import { myBinding } from '../../api/share';
import { signInPage } from '../../api/transport';
import { Button, Cell, CellGroup, Empty } from '../../components/ui';
import { userStore } from '../../stores/user';
import './index.css';

const ROLE_NAMES: Record<string, string> = { student: '学生', koc: '种草达人', merchant: '商家', admin: '管理员' };
const CHANNELS: Record<string, string> = { chat: '聊天卡片', group: '群聊卡片', moments: '朋友圈', poster: '海报' };

/** The order shortcuts under 我的订单 (拼多多's row): each opens the list on its tab. */
const ORDER_SHORTCUTS = [
  { tab: 'unpaid', label: '待付款' },
  { tab: 'grouping', label: '待成团' },
  { tab: 'to_ship', label: '待发货' },
  { tab: 'to_receive', label: '待收货' },
  { tab: 'after_sales', label: '售后' },
];

/** 种草笔记: the student's own notes (drafts too) and who liked, commented or followed. */
const NOTES_MENU = [
  { title: '我的笔记', hint: '已发布、审核中和草稿', url: '/packages/notes/mine/index', testid: 'my-notes' },
  { title: '消息', hint: '赞、评论和新关注', url: '/packages/notes/inbox/index', testid: 'my-inbox' },
];

/** The timetable (its pages check consent themselves); students only, not a shop's account. */
const TIMETABLE_MENU = [
  { title: '我的课表', hint: '导入、查看和编辑课表', url: '/packages/timetable/week/index', testid: 'my-timetable' },
  { title: '我的提醒', hint: '上课提醒等你点过的提醒', url: '/packages/timetable/reminders/index', testid: 'my-reminders' },
];

const STUDENT_MENU = [
  { title: '达人中心', hint: '申请成为店铺达人，查看进度', url: '/packages/koc/centre/index', testid: 'my-koc-centre' },
  { title: '我的佣金', hint: '同学通过你的分享下单', url: '/packages/koc/earnings/index', testid: 'my-earnings' },
  { title: '我的分享', hint: '每张卡片的打开和新顾客', url: '/packages/koc/share-stats/index', testid: 'my-shares' },
];

/** Shop tools; only merchants see them (the server checks the role again). */
const MERCHANT_MENU = [
  { title: '订单管理', hint: '发货、自提核销、售后', url: '/packages/merchant/orders/index', testid: 'merchant-orders' },
  { title: '商品管理', hint: '上架、编辑、库存', url: '/packages/merchant/products/index', testid: 'merchant-products' },
  { title: '拼团活动', hint: '新建与结束', url: '/packages/merchant/campaigns/index', testid: 'merchant-campaigns' },
  { title: '自提点与配送', hint: '取货地点和送货上门', url: '/packages/merchant/shop/index', testid: 'merchant-shop' },
  { title: '佣金提现审核', hint: '通过或驳回', url: '/packages/merchant/payouts/index', testid: 'merchant-payouts' },
  { title: '达人招募', hint: '初筛、面试、试用与入选', url: '/packages/merchant/koc/index', testid: 'merchant-koc' },
  { title: '佣金设置', hint: '比例、等级与售后期', url: '/packages/merchant/commission/index', testid: 'merchant-commission' },
  { title: '推荐规则与分享数据', hint: '首次或最后触达', url: '/packages/merchant/attribution/index', testid: 'merchant-attribution' },
  { title: '数据看板', hint: '销售、分享漏斗、复购与提醒效果', url: '/packages/insights/dashboard/index', testid: 'merchant-dashboard' },
  { title: '实验', hint: 'A/B 对比：课表推荐、达人笔记与常规推广', url: '/packages/insights/experiments/index', testid: 'merchant-experiments' },
];

/** An administrator's tools (the server checks the role again). */
const ADMIN_MENU = [{ title: '笔记审核', hint: '被举报和待人工复核的笔记', url: '/packages/merchant/moderation/index', testid: 'admin-moderation' }];

const go = (url: string) => Taro.navigateTo({ url });

export default observer(function Me() {
  const { profile, status, error } = userStore;
  const [bindings, setBindings] = useState<MyBinding[]>([]);
  // The shops whose KOC the student is (selected in their program), read once: the role shown.
  const [kocShops, setKocShops] = useState<string[]>([]);
  const kocRead = useRef(false);
  // A satisfaction survey of an experiment the student is in (one call; null almost always).
  const [survey, setSurvey] = useState<SurveyView | null>(null);
  useDidShow(async () => {
    await userStore.login();
    if (!userStore.profile || userStore.isMerchantOnly) return;
    void pendingSurvey().then((r) => setSurvey(r.ok ? r.data.survey : null));
    if (!kocRead.current) {
      kocRead.current = true;
      void kocPrograms().then((r) => {
        if (r.ok) setKocShops(r.data.programs.filter((p) => p.member).map((p) => p.merchantName));
        else kocRead.current = false;
      });
    }
    const res = await myBinding();
    if (res.ok) setBindings(res.data);
  });
  if (!profile) {
    return (
      <View className='page'>
        {status === 'error' ? (
          <Empty title='没有登录上' hint={error} actionText='重试' onAction={() => userStore.login(true)} />
        ) : (
          <Text className='me-loading'>加载中…</Text>
        )}
      </View>
    );
  }
  // A shop's account sees its shop, not a student's orders, commissions and referrers.
  const buyer = !userStore.isMerchantOnly;
  // A student is a KOC only where a program selected them, not for having earned commission.
  const studentRole = kocShops.length ? `达人（${kocShops.join('、')}）` : '学生';
  const roles = [...(buyer ? [studentRole] : []), ...profile.roles.filter((r) => r !== 'student' && r !== 'koc').map((r) => ROLE_NAMES[r] ?? r)];
  return (
    <View className='page me-page'>
      <View className='me-head' onClick={() => go('/pages/profile/index')}>
        {profile.avatarUrl ? (
          <Image className='me-avatar' src={profile.avatarUrl} mode='aspectFill' />
        ) : (
          <View className='me-avatar me-avatar-empty'>{profile.nickname.slice(0, 1)}</View>
        )}
        <View className='me-info'>
          <Text className='me-name' data-testid='me-nickname'>
            {profile.nickname}
          </Text>
          <Text className='me-campus'>{[profile.campusName ?? (buyer ? '还没选学校' : ''), profile.grade, profile.major].filter(Boolean).join(' · ')}</Text>
          <View className='me-roles'>
            {roles.map((r, i) => (
              <Text key={r} className='me-role' data-testid={i === 0 ? 'me-role' : undefined}>
                {r}
              </Text>
            ))}
          </View>
        </View>
        <Text className='me-edit'>编辑资料 ›</Text>
      </View>

      {buyer ? (
        <CellGroup>
          <Cell title='我的订单' value='全部' arrow onClick={() => go('/pages/orders/index')} testId='my-orders' />
          <View className='me-shortcuts'>
            {ORDER_SHORTCUTS.map((s) => (
              <View key={s.tab} className='me-shortcut' data-testid={`my-orders-${s.tab}`} onClick={() => go(`/pages/orders/index?tab=${s.tab}`)}>
                <View className={`me-shortcut-icon me-shortcut-${s.tab}`} />
                <Text className='me-shortcut-label'>{s.label}</Text>
              </View>
            ))}
          </View>
        </CellGroup>
      ) : null}

      {buyer && survey ? (
        <View className='me-survey' data-testid='my-survey' onClick={() => go('/packages/survey/answer/index')}>
          <View className='me-survey-main'>
            <Text className='me-survey-title'>{survey.merchantName} 想听听你的感受</Text>
            <Text className='me-survey-hint'>满意度问卷 · 约 2 分钟 · 匿名 · 不设奖励</Text>
          </View>
          <Text className='me-survey-go'>去填写 ›</Text>
        </View>
      ) : null}

      {userStore.isMerchant ? (
        <CellGroup title='我的店铺'>
          {MERCHANT_MENU.map((m) => (
            <Cell key={m.url} title={m.title} label={m.hint} arrow onClick={() => go(m.url)} testId={m.testid} />
          ))}
        </CellGroup>
      ) : null}

      {profile.roles.includes('admin') ? (
        <CellGroup title='管理'>
          {ADMIN_MENU.map((m) => (
            <Cell key={m.url} title={m.title} label={m.hint} arrow onClick={() => go(m.url)} testId={m.testid} />
          ))}
        </CellGroup>
      ) : null}

      {buyer ? (
        <CellGroup title='种草笔记'>
          {NOTES_MENU.map((m) => (
            <Cell key={m.url} title={m.title} label={m.hint} arrow onClick={() => go(m.url)} testId={m.testid} />
          ))}
        </CellGroup>
      ) : null}

      {buyer ? (
        <CellGroup title='课表'>
          {TIMETABLE_MENU.map((m) => (
            <Cell key={m.url} title={m.title} label={m.hint} arrow onClick={() => go(m.url)} testId={m.testid} />
          ))}
        </CellGroup>
      ) : null}

      {buyer ? (
        <CellGroup title='分享与佣金'>
          {STUDENT_MENU.map((m) => (
            <Cell key={m.url} title={m.title} label={m.hint} arrow onClick={() => go(m.url)} testId={m.testid} />
          ))}
        </CellGroup>
      ) : null}

      {buyer && profile.interests.length > 0 ? (
        <CellGroup title='我的兴趣'>
          <View className='me-chips'>
            {profile.interests.map((i) => (
              <Text key={i} className='chip chip-on'>
                {i}
              </Text>
            ))}
          </View>
        </CellGroup>
      ) : null}

      {bindings.length > 0 ? (
        <CellGroup title='我的推荐人' testId='my-bindings'>
          {bindings.map((b) => (
            <Cell key={b.scope} title={`${b.sharerNickname} · ${b.scopeName}`} label={`${CHANNELS[b.channel] ?? b.channel} · ${b.reason}`} />
          ))}
          <Text className='me-note'>推荐人只在你下单后获得佣金，你的价格不变。</Text>
        </CellGroup>
      ) : null}

      <CellGroup title='隐私'>
        <Text className='me-note'>你的资料只用于展示和推荐，可随时在“编辑资料”里修改。课表等敏感信息会单独征得你的同意。</Text>
      </CellGroup>

      {signInPage ? (
        <CellGroup title='本地云演示'>
          <View className='me-demo'>
            <Text className='me-demo-who'>当前身份 {profile.openid}</Text>
            <Button size='small' onClick={() => Taro.reLaunch({ url: signInPage ?? '/' })}>
              切换演示用户
            </Button>
          </View>
        </CellGroup>
      ) : null}
    </View>
  );
});
