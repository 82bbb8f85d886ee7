export default definePageConfig({ navigationBarTitleText: '我的佣金', enablePullDownRefresh: true });
