export default definePageConfig({ navigationBarTitleText: '自提与配送' });
