import { checkFaq, splitKeywords } from './faq-form';

const ids = { requestId: 'req-12345678' };

describe('merchant FAQ form', () => {
  test('keywords split on commas, 、 and spaces', () => {
    expect(splitKeywords(' 退款, 退货、退钱  配送，')).toEqual(['退款', '退货', '退钱', '配送']);
  });

  test('a good FAQ becomes the contract input, trimmed', () => {
    expect(checkFaq({ question: ' 几点营业？ ', answer: '10 点', keywords: '营业时间' }, { ...ids, missId: 'ms1' })).toEqual({
      input: { requestId: 'req-12345678', question: '几点营业？', answer: '10 点', keywords: ['营业时间'], missId: 'ms1' },
      errors: null,
    });
  });

  test('errors sit beside their fields', () => {
    expect(checkFaq({ question: ' ', answer: '', keywords: '' }, ids).errors).toEqual({ question: '请填写问题', answer: '请填写回答' });
    expect(checkFaq({ question: '字'.repeat(61), answer: '字'.repeat(501), keywords: '' }, ids).errors).toEqual({
      question: '问题最多 60 个字',
      answer: '回答最多 500 个字',
    });
    expect(checkFaq({ question: 'q', answer: 'a', keywords: '退' }, ids).errors).toEqual({ keywords: '关键词至少 2 个字' });
  });
});
