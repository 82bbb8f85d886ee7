export default definePageConfig({ navigationBarTitleText: '实习与推荐信', enablePullDownRefresh: true });
