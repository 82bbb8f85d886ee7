export default definePageConfig({ navigationBarTitleText: '实验详情', enablePullDownRefresh: true });
