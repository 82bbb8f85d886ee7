import { FALLBACK_TEXT } from '@core/support/match';
import { answerBubble, GREETING, greeting, sendable } from './chat';

describe('chat page conversation', () => {
  it('answers with the best answer and offers the other matches', () => {
    const res = {
      answers: [
        { faqId: 'a', question: '怎么申请退款？', answer: '在订单里申请' },
        { faqId: 'b', question: '拼团没成功怎么办？', answer: '自动退款' },
      ],
      fallback: false,
    };
    expect(answerBubble(2, res)).toEqual({ id: 2, from: 'bot', text: '在订单里申请', chips: [{ faqId: 'b', question: '拼团没成功怎么办？' }] });
  });

  it('says a person will reply when nothing matches', () => {
    expect(answerBubble(3, { answers: [], fallback: true })).toEqual({ id: 3, from: 'bot', text: FALLBACK_TEXT, chips: [] });
    expect(FALLBACK_TEXT).toContain('人工客服');
  });

  it('greets with the suggested questions', () => {
    expect(greeting(1, [{ faqId: 'x', question: 'q' }])).toEqual({ id: 1, from: 'bot', text: GREETING, chips: [{ faqId: 'x', question: 'q' }] });
  });

  it('sends trimmed text of 1 to 200 characters only', () => {
    expect(sendable('  怎么退款 ')).toBe('怎么退款');
    expect(sendable('   ')).toBe('');
    expect(sendable('字'.repeat(201))).toBe('');
    expect(sendable('字'.repeat(200))).toHaveLength(200);
  });
});
