export default definePageConfig({ navigationBarTitleText: '达人中心', enablePullDownRefresh: true });
