export default definePageConfig({ navigationBarTitleText: '拼团活动' });
