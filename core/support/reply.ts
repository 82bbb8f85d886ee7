// The texts the bot sends in WeChat's customer-service session: an answer (with at most two
// related questions), the fallback, and the greeting on entering. Service information only: no
// offers, nothing that asks the student to come back (WeChat's rules on customer service).
import { FALLBACK_TEXT } from './match';

/** A reply stays well inside what one customer-service text message carries. */
export const REPLY_MAX = 700;

export function replyText(answers: readonly { question: string; answer: string }[]): string {
  if (answers.length === 0) return FALLBACK_TEXT;
  const [best, ...more] = answers;
  const related = more.slice(0, 2).map((a) => `· ${a.question}`);
  const text = related.length ? `${best.answer}\n\n你可能还想问（直接发送问题即可）：\n${related.join('\n')}` : best.answer;
  return Array.from(text).slice(0, REPLY_MAX).join('');
}

export function greetingText(questions: readonly string[]): string {
  const list = questions.slice(0, 3).map((q) => `· ${q}`);
  return list.length ? `你好，这里是校园种草客服，直接发送你的问题就好。常见问题：\n${list.join('\n')}` : '你好，这里是校园种草客服，直接发送你的问题就好。';
}
