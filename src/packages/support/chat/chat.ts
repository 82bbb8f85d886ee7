// The chat page's conversation, pure: what the bot says for an answer, a greeting with the
// suggested questions, and what may be sent. The texts are the bot's in WeChat too
// (core/support), so both sessions read alike.
import type { SupportResults } from '@core/contracts/support';
import { FALLBACK_TEXT } from '@core/support/match';

export const ASK_MAX = 200;

export interface Bubble {
  id: number;
  from: 'me' | 'bot';
  text: string;
  /** Questions to tap next (suggested, or related to the answer). */
  chips: { faqId: string; question: string }[];
}

export const GREETING = '你好，这里是校园种草客服。可以直接输入问题，或点下面的常见问题。';

export function greeting(id: number, suggested: SupportResults['suggestions']['questions']): Bubble {
  return { id, from: 'bot', text: GREETING, chips: suggested };
}

/** The bot's reply: the best answer with the other matches to tap, or the fallback. */
export function answerBubble(id: number, res: SupportResults['ask']): Bubble {
  if (res.fallback || res.answers.length === 0) return { id, from: 'bot', text: FALLBACK_TEXT, chips: [] };
  const [best, ...more] = res.answers;
  return { id, from: 'bot', text: best.answer, chips: more.map((a) => ({ faqId: a.faqId, question: a.question })) };
}

/** The text to send, or '' when there is nothing (or too much) to send. */
export function sendable(text: string): string {
  const t = text.trim();
  return t && Array.from(t).length <= ASK_MAX ? t : '';
}
