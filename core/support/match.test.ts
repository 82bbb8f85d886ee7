// The answerer with hand-computed scores: terms are bigrams minus stop terms, an FAQ's score is
// its keywords found in the question plus |shared terms| / sqrt(|question terms| * |FAQ terms|).
import { BUILTIN_FAQS } from './builtin';
import { compact, type Faq, match, missKey, score, THRESHOLD, terms } from './match';

const byId = (id: string) => BUILTIN_FAQS.find((f) => f.faqId === id) as Faq;
const HOURS: Faq = { faqId: 'shop-hours', question: '营业时间是几点？', answer: '每天 10:00-22:00', keywords: [] };

describe('terms', () => {
  it('cuts Chinese into bigrams, keeps ASCII words, drops stop terms and punctuation', () => {
    expect([...terms('怎么退款？')]).toEqual(['么退', '退款']);
    expect([...terms('ＫＯＣ佣金')]).toEqual(['koc', '佣金']);
    expect([...terms('书')]).toEqual(['书']);
    expect([...terms('取货码在哪里')]).toEqual(['取货', '货码', '码在']);
  });

  it('compacts a question to its letters, digits and Chinese characters', () => {
    expect(compact(' 怎么 退款？ ')).toBe('怎么退款');
    expect(missKey('怎么、退款!!')).toBe(missKey('怎么退款'));
    expect(Array.from(missKey('字'.repeat(80)))).toHaveLength(60);
  });
});

describe('score', () => {
  it('怎么退款: keyword 退款 (1) + 1 shared of 2 and 6 terms = 1 + 1/sqrt(12)', () => {
    // question {么退, 退款}; FAQ {么申, 申请, 请退, 退款, 退货, 退钱}
    expect(score('怎么退款', byId('builtin-refund'))).toBeCloseTo(1 + 1 / Math.sqrt(12), 10);
    expect(score('怎么退款', byId('builtin-pickup'))).toBe(0);
  });

  it('取货码在哪: keywords 取货码 and 取货 (2) + 3 shared of 3 and 4 terms', () => {
    // question {取货, 货码, 码在}; FAQ {取货, 货码, 码在, 自提}
    expect(score('取货码在哪', byId('builtin-pickup'))).toBeCloseTo(2 + 3 / Math.sqrt(12), 10);
  });

  it('an ASCII keyword counts, full-width or not: KOC佣金 = 2 + 2/sqrt(2*10)', () => {
    // FAQ terms: 达人 人佣 佣金 金什 么时 时候 候到 到账 提现 koc
    expect(score('ＫＯＣ佣金', byId('builtin-payout'))).toBeCloseTo(2 + 2 / Math.sqrt(20), 10);
  });

  it('without keywords the overlap alone decides, against the threshold', () => {
    // {们几, 几点, 点营, 营业} vs {营业, 业时, 时间, 间是, 是几, 几点}: 2 / sqrt(24) ≈ 0.41
    expect(score('你们几点营业', HOURS)).toBeCloseTo(2 / Math.sqrt(24), 10);
    expect(score('你们几点营业', HOURS)).toBeGreaterThanOrEqual(THRESHOLD);
    // 13 terms sharing only 营业: 1 / sqrt(78) ≈ 0.11, below the threshold
    expect(score('明天营业吗今天下雨了会不会送', HOURS)).toBeCloseTo(1 / Math.sqrt(78), 10);
    expect(score('明天营业吗今天下雨了会不会送', HOURS)).toBeLessThan(THRESHOLD);
  });

  it('a one-character keyword is not a keyword hit', () => {
    // {退} vs {无关, 退}: no keyword point, 1 / sqrt(1 * 2) from the overlap
    expect(score('退', { faqId: 'x', question: '无关', answer: '', keywords: ['退'] })).toBeCloseTo(1 / Math.sqrt(2), 10);
  });
});

describe('match', () => {
  it('怎么退款 finds the refund FAQ, and only it', () => {
    expect(match('怎么退款', BUILTIN_FAQS).map((s) => s.faq.faqId)).toEqual(['builtin-refund']);
  });

  it('a long question still finds the FAQ whose keyword it contains', () => {
    expect(match('我昨天买的台灯坏了想退款怎么办', BUILTIN_FAQS)[0].faq.faqId).toBe('builtin-refund');
  });

  it('orders best first, at most three, the shop before the platform on a tie', () => {
    const shop: Faq = { faqId: 'shop-refund', question: '怎么申请退款？', answer: '找店主', keywords: ['退款', '退货', '退钱'] };
    // 11 question terms. groupbuy: keyword 拼团 + 4 shared (拼团 团没 没成 成功) of 7 = 1 + 4/sqrt(77) ≈ 1.46;
    // both refunds (退款) and orders (订单): 1 + 1/sqrt(66) ≈ 1.12 each, so the given order decides.
    const ranked = match('拼团没成功要退款吗，订单在哪看', [shop, ...BUILTIN_FAQS]);
    expect(ranked).toHaveLength(3);
    expect(ranked.map((s) => s.faq.faqId)).toEqual(['builtin-groupbuy', 'shop-refund', 'builtin-refund']);
  });

  it('a question about nothing known matches nothing', () => {
    expect(match('今天天气怎么样', [HOURS, ...BUILTIN_FAQS])).toEqual([]);
  });
});
