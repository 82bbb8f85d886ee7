export default definePageConfig({
  navigationBarTitleText: '笔记',
  enablePullDownRefresh: true,
  // A note is a card students send to chats and groups.
  enableShareAppMessage: true,
});
