export default definePageConfig({ navigationBarTitleText: '达人活动', enablePullDownRefresh: true });
