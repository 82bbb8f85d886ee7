export default definePageConfig({ navigationBarTitleText: '主页', enablePullDownRefresh: true, enableShareAppMessage: true });
