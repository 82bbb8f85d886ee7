export default definePageConfig({ navigationBarTitleText: '达人招募', enablePullDownRefresh: true });
