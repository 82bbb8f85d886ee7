export default definePageConfig({ navigationBarTitleText: '达人申请' });
