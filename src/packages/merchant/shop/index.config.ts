export default definePageConfig({ navigationBarTitleText: '自提配送' });
