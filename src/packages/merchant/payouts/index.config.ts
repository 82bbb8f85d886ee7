export default definePageConfig({ navigationBarTitleText: '佣金提现审核', enablePullDownRefresh: true });
