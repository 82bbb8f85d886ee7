export default definePageConfig({ navigationBarTitleText: '推荐规则与分享数据' });
