// The platform's own answers, for every shop: how orders, refunds, group-buys, pickup codes and
// KOC payouts work in Sprout. A shop's FAQs come first; these follow. Answers describe the
// service only (no offers): WeChat's rules forbid marketing in customer-service replies.
import type { Faq } from './match';

export const BUILTIN_FAQS: readonly Faq[] = [
  {
    faqId: 'builtin-refund',
    question: '怎么申请退款？',
    answer: '在「我的 - 订单」打开这笔订单，点「申请退款」并写明原因。拼团没成功的订单会自动全额退款。退款原路退回，一般 1-3 个工作日到账。',
    keywords: ['退款', '退货', '退钱'],
  },
  {
    faqId: 'builtin-orders',
    question: '在哪里查看我的订单？',
    answer: '在「我的 - 订单」可以看到全部订单，点开一笔能看到它的状态、取货方式和每一步的时间。',
    keywords: ['订单', '查订单'],
  },
  {
    faqId: 'builtin-groupbuy',
    question: '拼团没成功怎么办？',
    answer: '拼团在截止时间前人数不够会自动取消，已付的钱原路全额退回，不用另外申请。订单详情里可以看到拼团进度和还差几人。',
    keywords: ['拼团', '成团', '拼单'],
  },
  {
    faqId: 'builtin-pickup',
    question: '取货码在哪里？',
    answer: '在订单详情里可以看到取货码和取货地点、时间。到取货点出示取货码，商家核对后就算取货完成。',
    keywords: ['取货码', '取货', '自提'],
  },
  {
    faqId: 'builtin-payout',
    question: '达人佣金什么时候到账？',
    answer: '订单完成并过了售后期，佣金才会结算到你的余额。在「达人中心 - 收益」申请提现，之后要在微信里确认收款，钱才会到账。',
    keywords: ['佣金', '提现', '到账', 'koc'],
  },
];
