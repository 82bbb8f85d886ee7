export default definePageConfig({ navigationBarTitleText: '达人培训', enablePullDownRefresh: true });
