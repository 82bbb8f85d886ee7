export default definePageConfig({ navigationBarTitleText: '徽章与证书', enablePullDownRefresh: true });
