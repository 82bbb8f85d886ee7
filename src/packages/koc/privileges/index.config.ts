export default definePageConfig({ navigationBarTitleText: '等级与特权', enablePullDownRefresh: true });
