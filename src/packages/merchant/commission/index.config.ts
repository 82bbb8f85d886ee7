export default definePageConfig({ navigationBarTitleText: '佣金设置' });
