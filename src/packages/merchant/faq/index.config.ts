export default definePageConfig({ navigationBarTitleText: '客服问答', enablePullDownRefresh: true });
