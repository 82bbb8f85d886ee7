// The `support` function: a merchant's FAQ, the rule-based answerer students ask (in the app's
// chat page, and through WeChat's customer-service session, whose pushes the function answers),
// and the questions nobody answered, for the merchant to turn into FAQs.
import * as z from 'zod';

const id = z.string().min(1).max(64);
const requestId = z.string().min(8).max(64);
const text = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}最多 ${max} 个字`);

export const QUESTION_MAX = 60;
export const ANSWER_MAX = 500;
export const KEYWORDS_MAX = 10;
/** Most FAQs a shop keeps: one read serves them all to the answerer. */
export const FAQS_PER_SHOP = 100;
/** Longest question a student may ask at once. */
export const ASK_MAX = 200;

export const supportInput = {
  /** Merchant: a new FAQ (no faqId; the same requestId again is the same FAQ) or an edit of one. */
  saveFaq: z.strictObject({
    faqId: id.optional(),
    requestId,
    question: text(QUESTION_MAX, '问题'),
    answer: text(ANSWER_MAX, '回答'),
    keywords: z
      .array(z.string().trim().min(2, '关键词至少 2 个字').max(20, '关键词最多 20 个字'))
      .max(KEYWORDS_MAX, `关键词最多 ${KEYWORDS_MAX} 个`)
      .default([]),
    /** The unanswered question this FAQ answers (添加为问答): it leaves the list. */
    missId: id.optional(),
  }),
  removeFaq: z.strictObject({ faqId: id }),
  listFaqs: z.strictObject({}),
  /** Merchant: the shop's unanswered questions, most asked first. */
  listMisses: z.strictObject({}),
  /**
   * A student asks a shop: named, or the shop of one of their own orders (the order page); with
   * neither, the platform.
   */
  ask: z.strictObject({ merchantId: id.optional(), orderId: id.optional(), text: text(ASK_MAX, '问题') }),
  /** Questions the chat page offers before anything is asked: the shop's first, then the platform's. */
  suggestions: z.strictObject({ merchantId: id.optional(), orderId: id.optional() }),
  /**
   * WeChat's customer-service push (消息推送 to this function): a text message, or the event
   * user_enter_tempsession. WeChat's field names; others it adds are let through and ignored.
   */
  csPush: z.object({
    ToUserName: z.string().max(64).optional(),
    FromUserName: z.string().max(64).optional(),
    CreateTime: z.coerce.number().int().nonnegative(),
    MsgType: z.string().min(1).max(32),
    Content: z.string().max(2000).optional(),
    MsgId: z.union([z.string().max(64), z.number().int()]).optional(),
    Event: z.string().max(64).optional(),
    /** session-from of the <button open-type="contact"> the student tapped: `shop:<merchantId>` or `order:<orderId>`. */
    SessionFrom: z.string().max(1000).optional(),
  }),
};

export interface FaqView {
  faqId: string;
  question: string;
  answer: string;
  keywords: string[];
  updatedAt: number;
}

export interface MissView {
  missId: string;
  question: string;
  count: number;
  lastAt: number;
}

export interface AnswerView {
  faqId: string;
  question: string;
  answer: string;
}

export interface SupportResults {
  saveFaq: { faqId: string };
  removeFaq: { faqId: string };
  listFaqs: { items: FaqView[]; max: number };
  listMisses: { items: MissView[] };
  ask: { answers: AnswerView[]; fallback: boolean };
  suggestions: { questions: { faqId: string; question: string }[] };
  csPush: { outcome: 'replied' | 'fallback' | 'greeted' | 'over_quota' | 'duplicate' | 'ignored' | 'send_failed' };
}
