// Customer service on the local cloud: the merchant's FAQ (only the shop's owner), the answerer
// students ask, misses counted once per normalized question, and WeChat's customer-service
// pushes answered within the reply quota, only when they come from the platform.
import type { SupportResults } from '../../core/contracts/support';
import { FALLBACK_TEXT } from '../../core/support/match';
import { REPLY_WINDOW_MS } from '../../core/support/quota';
import { OWNER, RIVAL, SHOP, STUDENTS, supportWorld } from './fixture';

const [S1, S2, S3] = STUDENTS;

describe('merchant FAQ', () => {
  it('the owner adds, edits, lists and removes FAQs; a student is FORBIDDEN and writes nothing', async () => {
    const w = await supportWorld();
    const add = w.faq('营业时间是几点？', '每天 10:00 到 22:00', ['营业时间']);
    const { faqId } = await w.must<SupportResults['saveFaq']>(OWNER, add);
    // The same request again (a retried save) is the same FAQ.
    expect((await w.must<SupportResults['saveFaq']>(OWNER, add)).faqId).toBe(faqId);
    await w.must(OWNER, { ...w.faq('营业时间是几点？', '每天 9:00 到 22:00', ['营业时间', '几点开门']), faqId });
    const list = await w.must<SupportResults['listFaqs']>(OWNER, { action: 'listFaqs' });
    expect(list.items).toEqual([expect.objectContaining({ faqId, answer: '每天 9:00 到 22:00', keywords: ['营业时间', '几点开门'] })]);

    const before = w.fingerprint();
    for (const event of [w.faq('学生的问题', '学生的回答'), { action: 'listFaqs' }, { action: 'listMisses' }, { action: 'removeFaq', faqId }])
      expect(await w.support(S1, event)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Another shop's owner cannot edit or remove this shop's FAQ.
    expect(await w.support(RIVAL, { ...w.faq('改别人的', '不行'), faqId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.support(RIVAL, { action: 'removeFaq', faqId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(w.fingerprint()).toEqual(before);

    await w.must(OWNER, { action: 'removeFaq', faqId });
    expect((await w.must<SupportResults['listFaqs']>(OWNER, { action: 'listFaqs' })).items).toEqual([]);
    expect(await w.support(OWNER, { action: 'removeFaq', faqId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('bad input writes nothing: an empty question, a 501-character answer, a blocked word', async () => {
    const w = await supportWorld();
    const before = w.fingerprint();
    const empty = await w.support(OWNER, w.faq('   ', '回答'));
    expect(empty).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(empty.ok ? '' : empty.message).toContain('请填写问题');
    const long = await w.support(OWNER, w.faq('问题', '字'.repeat(501)));
    expect(long).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(long.ok ? '' : long.message).toContain('回答最多 500 个字');
    expect(await w.support(OWNER, w.faq('字'.repeat(61), '回答'))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await w.support(OWNER, w.faq('可以刷单吗', '可以'))).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(await w.support(S1, { action: 'ask', merchantId: SHOP, text: ' ' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(w.fingerprint()).toEqual(before);
    // 500 characters are fine.
    expect(await w.support(OWNER, w.faq('问题', '字'.repeat(500)))).toMatchObject({ ok: true });
  });
});

describe('asking', () => {
  it("finds the shop's FAQ first and the platform's answers for everyone", async () => {
    const w = await supportWorld();
    const { faqId } = await w.must<SupportResults['saveFaq']>(OWNER, w.faq('营业时间是几点？', '每天 10:00 到 22:00'));
    const hours = await w.must<SupportResults['ask']>(S1, { action: 'ask', merchantId: SHOP, text: '你们几点营业' });
    expect(hours).toEqual({ answers: [{ faqId, question: '营业时间是几点？', answer: '每天 10:00 到 22:00' }], fallback: false });
    const refund = await w.must<SupportResults['ask']>(S1, { action: 'ask', merchantId: SHOP, text: '怎么退款' });
    expect(refund.answers.map((a) => a.faqId)).toEqual(['builtin-refund']);
    // Another shop's FAQ is not this shop's.
    expect((await w.must<SupportResults['ask']>(S1, { action: 'ask', merchantId: 'cs-rival-shop', text: '你们几点营业' })).fallback).toBe(true);
    const suggested = await w.must<SupportResults['suggestions']>(S1, { action: 'suggestions', merchantId: SHOP });
    expect(suggested.questions[0]).toEqual({ faqId, question: '营业时间是几点？' });
    expect(suggested.questions).toHaveLength(6);
  });

  it("from an order page, the student's own order names the shop; someone else's does not", async () => {
    const w = await supportWorld();
    const { faqId } = await w.must<SupportResults['saveFaq']>(OWNER, w.faq('营业时间是几点？', '每天 10:00 到 22:00'));
    await w.cloud.db.collection('orders').add({ data: { _id: 'cs-order', buyer: S1, merchantId: SHOP } });
    const mine = await w.must<SupportResults['ask']>(S1, { action: 'ask', orderId: 'cs-order', text: '你们几点营业' });
    expect(mine.answers.map((a) => a.faqId)).toEqual([faqId]);
    expect((await w.must<SupportResults['ask']>(S2, { action: 'ask', orderId: 'cs-order', text: '你们几点营业' })).fallback).toBe(true);
    expect((await w.must<SupportResults['suggestions']>(S1, { action: 'suggestions', orderId: 'cs-order' })).questions[0].faqId).toBe(faqId);
    // In WeChat's session: session-from order:<id> makes later questions about that shop.
    await w.pushEnter(S1, 'order:cs-order');
    expect(await w.pushText(S1, '你们几点营业')).toEqual({ ok: true, data: { outcome: 'replied' } });
    expect(w.sent(S1).at(-1)?.content).toBe('每天 10:00 到 22:00');
  });

  it('a miss answers the fallback and is counted once per normalized question; 添加为问答 clears it', async () => {
    const w = await supportWorld();
    for (const [who, text] of [
      [S1, '可以送到宿舍吗？'],
      [S2, '可以 送到宿舍吗'],
      [S3, '可以送到宿舍吗!!'],
      [S1, '能开发票吗'],
    ])
      expect(await w.must<SupportResults['ask']>(who, { action: 'ask', merchantId: SHOP, text })).toEqual({ answers: [], fallback: true });
    const misses = await w.must<SupportResults['listMisses']>(OWNER, { action: 'listMisses' });
    expect(misses.items.map((m) => [m.question, m.count])).toEqual([
      ['可以送到宿舍吗？', 3],
      ['能开发票吗', 1],
    ]);
    // The rival shop sees none of them.
    expect((await w.must<SupportResults['listMisses']>(RIVAL, { action: 'listMisses' })).items).toEqual([]);

    await w.must(OWNER, w.faq('可以送到宿舍吗？', '晚上 9 点后送到宿舍楼下', ['送到宿舍', '配送'], { missId: misses.items[0].missId }));
    expect((await w.must<SupportResults['listMisses']>(OWNER, { action: 'listMisses' })).items.map((m) => m.question)).toEqual(['能开发票吗']);
    expect((await w.must<SupportResults['ask']>(S2, { action: 'ask', merchantId: SHOP, text: '能送到宿舍吗' })).fallback).toBe(false);
  });

  it('a shop keeps at most 100 FAQs (LIMIT_REACHED); removing one frees a place', async () => {
    const w = await supportWorld();
    for (let i = 0; i < 100; i++) await w.must(OWNER, w.faq(`问题${i}`, `回答${i}`));
    expect(await w.support(OWNER, w.faq('第一百零一', '回答'))).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    const { items } = await w.must<SupportResults['listFaqs']>(OWNER, { action: 'listFaqs' });
    expect(items).toHaveLength(100);
    await w.must(OWNER, { action: 'removeFaq', faqId: items[0].faqId });
    expect(await w.support(OWNER, w.faq('第一百零一', '回答'))).toMatchObject({ ok: true });
  });
});

describe("WeChat's customer-service session", () => {
  it('answers a text with the best answer, and greets on entering with the top questions', async () => {
    const w = await supportWorld();
    await w.must(OWNER, w.faq('营业时间是几点？', '每天 10:00 到 22:00'));
    expect(await w.pushEnter(S1, `shop:${SHOP}`)).toEqual({ ok: true, data: { outcome: 'greeted' } });
    expect(w.sent(S1)[0].content).toContain('· 营业时间是几点？');
    // Entering again at once greets no more.
    w.clock.advance(1000);
    expect(await w.pushEnter(S1, `shop:${SHOP}`)).toEqual({ ok: true, data: { outcome: 'ignored' } });
    // The session is about the shop the student came from.
    expect(await w.pushText(S1, '你们几点营业')).toEqual({ ok: true, data: { outcome: 'replied' } });
    expect(w.sent(S1).map((m) => m.content)).toEqual([expect.any(String), '每天 10:00 到 22:00']);
    expect(await w.pushText(S1, '今天天气怎么样')).toEqual({ ok: true, data: { outcome: 'fallback' } });
    expect(w.sent(S1)[2].content).toBe(FALLBACK_TEXT);
    expect((await w.must<SupportResults['listMisses']>(OWNER, { action: 'listMisses' })).items.map((m) => m.question)).toEqual(['今天天气怎么样']);
  });

  it('replies to five messages in 48 hours, never a sixth; a new window opens after 48 hours', async () => {
    const w = await supportWorld();
    for (let i = 0; i < 5; i++) {
      expect(await w.pushText(S2, '怎么退款')).toEqual({ ok: true, data: { outcome: 'replied' } });
      w.clock.advance(3_600_000);
    }
    expect(await w.pushText(S2, '怎么退款')).toEqual({ ok: true, data: { outcome: 'over_quota' } });
    expect(w.sent(S2)).toHaveLength(5);
    // Another student's quota is their own.
    expect(await w.pushText(S3, '怎么退款')).toEqual({ ok: true, data: { outcome: 'replied' } });
    w.clock.advance(REPLY_WINDOW_MS);
    expect(await w.pushText(S2, '取货码在哪')).toEqual({ ok: true, data: { outcome: 'replied' } });
    expect(w.sent(S2)).toHaveLength(6);
  });

  it('a push delivered twice is answered once', async () => {
    const w = await supportWorld();
    const again = { MsgId: 'same-message' };
    expect(await w.pushText(S1, '怎么退款', again)).toEqual({ ok: true, data: { outcome: 'replied' } });
    expect(await w.pushText(S1, '怎么退款', again)).toEqual({ ok: true, data: { outcome: 'duplicate' } });
    expect(w.sent(S1)).toHaveLength(1);
  });

  it('a push from a caller (not the platform) is refused and writes nothing', async () => {
    const w = await supportWorld();
    const before = w.fingerprint();
    for (const source of ['wx_client', 'wx_http', 'wx_client,scf', 'wx_trigger'])
      expect(await w.pushText(S1, '怎么退款', {}, source)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Naming the action does not help either.
    expect(await w.support(S1, { action: 'csPush', CreateTime: 1, MsgType: 'text', Content: '怎么退款' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(w.fingerprint()).toEqual(before);
    expect(w.sent()).toEqual([]);
  });
});
