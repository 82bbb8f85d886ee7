export default definePageConfig({ navigationBarTitleText: '课表与场景设置' });
