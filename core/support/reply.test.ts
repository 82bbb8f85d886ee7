import { FALLBACK_TEXT } from './match';
import { greetingText, REPLY_MAX, replyText } from './reply';

describe('bot texts', () => {
  it('answers with the best answer and at most two related questions', () => {
    const a = (q: string) => ({ question: q, answer: `答：${q}` });
    expect(replyText([a('一')])).toBe('答：一');
    expect(replyText([a('一'), a('二'), a('三')])).toBe('答：一\n\n你可能还想问（直接发送问题即可）：\n· 二\n· 三');
    expect(replyText([])).toBe(FALLBACK_TEXT);
    expect(Array.from(replyText([{ question: 'q', answer: '字'.repeat(900) }]))).toHaveLength(REPLY_MAX);
  });

  it('greets with at most three questions', () => {
    expect(greetingText(['a', 'b', 'c', 'd'])).toBe('你好，这里是校园种草客服，直接发送你的问题就好。常见问题：\n· a\n· b\n· c');
    expect(greetingText([])).toBe('你好，这里是校园种草客服，直接发送你的问题就好。');
  });
});
