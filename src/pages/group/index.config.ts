export default definePageConfig({
  navigationBarTitleText: '拼团详情',
  enableShareAppMessage: true,
  enableShareTimeline: true,
  // The countdown ticks in its own native component on weapp (no page setData every second).
  usingComponents: { 'sprout-countdown': '../../components/native/countdown/index' },
});
