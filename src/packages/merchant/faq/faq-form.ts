// The merchant's FAQ form: question, answer and keywords (typed as one line, split on commas,
// 、 or spaces), checked against the contract so its Chinese messages sit beside each field.
import { supportInput } from '@core/contracts/support';
import { check, type FieldErrors } from '../shared/form';

export const FAQ_FIELDS = ['question', 'answer', 'keywords'] as const;
export const FAQ_FALLBACK: Record<string, string> = { keywords: '关键词每个 2-20 个字，最多 10 个' };

export interface FaqForm {
  question: string;
  answer: string;
  /** As typed: "退款, 退货、退钱". */
  keywords: string;
}

export const splitKeywords = (line: string) =>
  line
    .split(/[,，、;；\s]+/)
    .map((k) => k.trim())
    .filter(Boolean);

/** The input for saveFaq, or one message per field. */
export function checkFaq(form: FaqForm, ids: { requestId: string; faqId?: string; missId?: string }) {
  const raw = {
    requestId: ids.requestId,
    question: form.question,
    answer: form.answer,
    keywords: splitKeywords(form.keywords),
    ...(ids.faqId ? { faqId: ids.faqId } : {}),
    ...(ids.missId ? { missId: ids.missId } : {}),
  };
  const res = check(supportInput.saveFaq, raw, FAQ_FALLBACK);
  return res.errors ? { input: null, errors: res.errors as FieldErrors } : { input: res.data, errors: null };
}
