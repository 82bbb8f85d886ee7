export default definePageConfig({ navigationBarTitleText: '我的课表', enablePullDownRefresh: true });
