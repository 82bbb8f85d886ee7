export default definePageConfig({ navigationBarTitleText: '达人徽章', enablePullDownRefresh: true });
