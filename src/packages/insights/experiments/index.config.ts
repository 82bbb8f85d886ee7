export default definePageConfig({ navigationBarTitleText: '实验', enablePullDownRefresh: true });
