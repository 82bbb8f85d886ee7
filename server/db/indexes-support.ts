// The support domain's indexes: FAQs and unanswered questions per shop (server/db/indexes.ts gathers every domain's).
import type { IndexPlan } from './index-spec';

export const supportIndexes = {
  support_faqs: [
    {
      name: 'merchant_updated',
      fields: [
        ['merchantId', 'asc'],
        ['updatedAt', 'desc'],
      ],
      why: "a shop's FAQs, newest first (the answerer reads them all: at most 100)",
    },
  ],
  // One per shop (_id the merchant id): the FAQ counter; read by _id.
  support_shops: [],
  // One per shop and normalized question (_id made from both): counted on each miss.
  support_misses: [
    {
      name: 'merchant_count',
      fields: [
        ['merchantId', 'asc'],
        ['count', 'desc'],
      ],
      why: "a shop's unanswered questions, most asked first",
    },
  ],
  // One per student (_id the openid): the reply window in WeChat's customer-service session.
  support_sessions: [],
  // One per push handled (_id from WeChat's MsgId, or the enter event's time): a push delivered again sends nothing.
  support_replies: [],
} satisfies IndexPlan;
