export default definePageConfig({
  navigationBarTitleText: '商品详情',
  // Cards to chats and groups, and to Moments (which also needs the chat handler).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
