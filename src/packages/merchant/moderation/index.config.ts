export default definePageConfig({ navigationBarTitleText: '笔记审核', enablePullDownRefresh: true });
