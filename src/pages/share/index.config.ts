export default definePageConfig({ navigationBarTitleText: '校园种草' });
