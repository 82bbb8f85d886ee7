const pages = [
  'pages/index/index',
  'pages/discover/index',
  'pages/groupbuy/index',
  'pages/me/index',
  'pages/profile/index',
  'pages/product/index',
  'pages/share/index',
  'pages/campaign/index',
  'pages/group/index',
  'pages/orders/index',
  // Where an unknown route or a broken link lands (app.ts sends it here), with 回首页.
  'pages/not-found/index',
];
// The local sign-in page exists only in the H5 build that talks to the local cloud.
if (process.env.TARO_ENV === 'h5') pages.push('pages/dev-login/index');

export default defineAppConfig({
  pages,
  // Areas not every student needs load on demand and stay out of the 2 MB main package.
  subPackages: [
    {
      root: 'packages/koc',
      pages: [
        'share-stats/index',
        'earnings/index',
        'centre/index',
        'apply/index',
        'training/index',
        'honours/index',
        'verify/index',
        'career/index',
        'privileges/index',
      ],
    },
    { root: 'packages/order', pages: ['detail/index', 'refund/index'] },
    { root: 'packages/search', pages: ['index'] },
    {
      root: 'packages/notes',
      pages: ['detail/index', 'edit/index', 'mine/index', 'topic/index', 'profile/index', 'inbox/index', 'review/index', 'reviews/index'],
    },
    // 联系客服 on H5: the chat with the FAQ answerer (weapp opens WeChat's own session instead).
    { root: 'packages/support', pages: ['chat/index'] },
    // The merchant's measurement: the dashboard (with its chart library) and experiments.
    { root: 'packages/insights', pages: ['dashboard/index', 'experiments/index', 'experiment/index'] },
    { root: 'packages/survey', pages: ['answer/index'] },
    { root: 'packages/timetable', pages: ['consent/index', 'import/index', 'week/index', 'edit/index', 'reminders/index'] },
    {
      root: 'packages/merchant',
      pages: [
        'attribution/index',
        'orders/index',
        'campaigns/index',
        'payouts/index',
        'commission/index',
        'products/index',
        'product-edit/index',
        'shop/index',
        'campus/index',
        'koc/index',
        'training/index',
        'badges/index',
        'career/index',
        'events/index',
        'faq/index',
        'moderation/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '校园种草',
    navigationBarTextStyle: 'black',
    // WeChat draws this bar itself; on H5 it makes Taro's router draw one too, with a back
    // button when there is a page to go back to, a home button otherwise, none on tab pages.
    navigationStyle: 'default',
    backgroundColor: '#f5f6f7',
  },
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#16a34a',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-on.png' },
      { pagePath: 'pages/discover/index', text: '发现', iconPath: 'assets/tab/discover.png', selectedIconPath: 'assets/tab/discover-on.png' },
      { pagePath: 'pages/groupbuy/index', text: '拼团', iconPath: 'assets/tab/group.png', selectedIconPath: 'assets/tab/group-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-on.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // Checkout's 使用微信收货地址 (wx.chooseAddress) must be declared here, and in the privacy guide.
  requiredPrivateInfos: ['chooseAddress'],
  // WeChat asks for consent before privacy APIs (avatar, nickname, album); see services/privacy.
  ...({ __usePrivacyCheck__: true } as object),
});
