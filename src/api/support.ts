// The `support` function: a shop's FAQ (merchant), the answerer students ask in the chat page,
// and the questions nobody answered. Types only from the contract: zod stays out of the pages
// that only ask (scripts/size-report.mjs).
import type { SupportResults } from '@core/contracts/support';
import { call } from './client';

// Student actions.
/** What a question is about: a shop, or one of the caller's orders (its shop); neither is the platform. */
export interface SupportRef {
  merchantId?: string;
  orderId?: string;
}
/** The best answers (at most 3) to a question; fallback when none. */
export const askSupport = (text: string, ref: SupportRef = {}) => call<SupportResults['ask'], 'support'>('support', 'ask', { ...ref, text });
/** Questions to offer before anything is asked. */
export const supportSuggestions = (ref: SupportRef = {}) => call<SupportResults['suggestions'], 'support'>('support', 'suggestions', ref);

// Merchant actions (the server checks the caller runs the shop).
export interface SaveFaqInput {
  /** Absent for a new FAQ. */
  faqId?: string;
  /** One per submission (newRequestId); the same one when retrying it. */
  requestId: string;
  question: string;
  answer: string;
  keywords: string[];
  /** The unanswered question this FAQ answers (添加为问答). */
  missId?: string;
}
export const saveFaq = (input: SaveFaqInput) => call<SupportResults['saveFaq'], 'support'>('support', 'saveFaq', input);
export const removeFaq = (faqId: string) => call<SupportResults['removeFaq'], 'support'>('support', 'removeFaq', { faqId });
export const listFaqs = () => call<SupportResults['listFaqs'], 'support'>('support', 'listFaqs');
/** The shop's unanswered questions, most asked first. */
export const listMisses = () => call<SupportResults['listMisses'], 'support'>('support', 'listMisses');
