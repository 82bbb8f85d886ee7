// After-sales on the fixture world: money apart from fulfilment (a partly refunded order is
// still received and completed), an honest answer to a second refund request, and the states
// that allow asking for a refund at all.

import type { OrderPage, OrderView } from '../../core/contracts/groupbuy';
import { OWNER, PRICE_FEN, paidGroup, RIVAL, STUDENTS, world } from '../groupbuy/fixture';
import { orderInvariants } from '../groupbuy/invariants';

const [A, B, C] = STUDENTS;
const DAY = 86_400_000;

async function shippedWithPartialRefund() {
  const w = await world({ groupSize: 2 });
  const g = await paidGroup(w);
  for (const id of [g.leader, g.mate])
    expect(await w.call('merchant', OWNER, { action: 'ship', orderId: id, carrier: '商家配送' })).toMatchObject({ ok: true });
  for (const [who, id] of [
    [A, g.leader],
    [B, g.mate],
  ]) {
    expect(await w.call('order', who, { action: 'requestRefund', orderId: id, amountFen: 500, reason: '少件或漏发' })).toMatchObject({ ok: true });
    expect(await w.call('merchant', OWNER, { action: 'approveRefund', orderId: id, refundId: (await w.order(id)).openRefund })).toMatchObject({
      ok: true,
      data: { refundFen: 500 },
    });
  }
  await w.settle();
  for (const id of [g.leader, g.mate]) expect(await w.order(id)).toMatchObject({ refundedFen: 500 });
  return { w, g };
}

describe('after-sales', () => {
  it('a shipped order with a partial refund can still be received: the buyer confirms, and order_completed is written', async () => {
    const { w, g } = await shippedWithPartialRefund();
    expect(await w.call('order', A, { action: 'confirmReceipt', orderId: g.leader })).toMatchObject({ ok: true, data: { state: 'completed' } });
    expect(await w.order(g.leader)).toMatchObject({ status: 'completed', money: 'partially_refunded' });
    expect((await w.events('order_completed')).map((e) => e.orderId)).toEqual([g.leader]);
    expect(await orderInvariants(w, true)).toEqual([]);
  });

  it('and auto-confirm completes it 10 days after shipping', async () => {
    const { w, g } = await shippedWithPartialRefund();
    w.clock.advance(10 * DAY + 1000);
    await w.settle();
    expect((await w.order(g.mate)).history.map((h) => h.to)).toContain('completed');
    expect(await w.order(g.mate)).toMatchObject({ status: 'completed', money: 'partially_refunded' });
    expect((await w.events('order_completed')).map((e) => e.orderId).sort()).toEqual([g.leader, g.mate].sort());
  });

  it('a second refund request while one is open is refused with REFUND_IN_PROGRESS, not silently dropped', async () => {
    const w = await world({ groupSize: 2 });
    const g = await paidGroup(w);
    const ask = (amountFen: number) => w.call('order', B, { action: 'requestRefund', orderId: g.mate, amountFen, reason: '商品有质量问题' });
    expect(await ask(300)).toMatchObject({ ok: true, data: { amountFen: 300 } });
    const before = w.fingerprint();
    const second = await ask(700);
    expect(second).toMatchObject({ ok: false, code: 'REFUND_IN_PROGRESS' });
    expect(second.ok ? '' : second.message).toMatch(/退款在处理中/);
    expect(w.fingerprint()).toBe(before);
    // Approved and paid, the order can ask again for what is left.
    await w.call('merchant', OWNER, { action: 'approveRefund', orderId: g.mate, refundId: (await w.order(g.mate)).openRefund });
    expect(await ask(700)).toMatchObject({ ok: false, code: 'REFUND_IN_PROGRESS' });
    await w.settle();
    expect(await ask(PRICE_FEN)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await ask(PRICE_FEN - 300)).toMatchObject({ ok: true });
    await w.call('merchant', OWNER, { action: 'approveRefund', orderId: g.mate, refundId: (await w.order(g.mate)).openRefund });
    await w.settle();
    expect(await w.order(g.mate)).toMatchObject({ money: 'refunded', refundedFen: PRICE_FEN, status: 'closed' });
    expect(await orderInvariants(w, true)).toEqual([]);
  });

  it('two refund requests at once make one request', async () => {
    const w = await world({ groupSize: 2, latencyMs: [0, 3], random: () => 0.5 });
    const g = await paidGroup(w);
    const answers = await Promise.all([1, 2, 3].map(() => w.call('order', B, { action: 'requestRefund', orderId: g.mate, amountFen: 100, reason: '其他' })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect((await w.refunds()).filter((r) => r.orderId === g.mate)).toHaveLength(1);
  });

  it('a refund can be asked for only once the group succeeded and while money is left', async () => {
    const w = await world({ groupSize: 3 });
    const ask = (who: string, orderId: string) => w.call('order', who, { action: 'requestRefund', orderId, reason: '不想要了' });
    const lead = await w.open(A);
    if (!lead.ok) throw new Error(lead.message);
    expect(await ask(A, lead.data.orderId)).toMatchObject({ ok: false, code: 'BAD_STATE' }); // not paid
    await w.pay(A, lead.data.orderId);
    expect(await ask(A, lead.data.orderId)).toMatchObject({ ok: false, code: 'BAD_STATE' }); // paid, the group not full: it refunds itself if it fails
    const mate = await w.join(B, lead.data.groupId);
    if (!mate.ok) throw new Error(mate.message);
    w.clock.advance(25 * 3600_000);
    await w.settle(); // the group failed: both cancelled, A refunded in full
    // The paid leader may start again (the order page offers 再拼一单); B's unpaid seat had expired long before.
    expect(await w.call('order', A, { action: 'get', orderId: lead.data.orderId })).toMatchObject({
      ok: true,
      data: { state: 'cancelled', actions: ['regroup'] },
    });
    expect(await w.call('order', B, { action: 'get', orderId: mate.data.orderId })).toMatchObject({ ok: true, data: { state: 'cancelled', actions: [] } });
    expect(await ask(A, lead.data.orderId)).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect(await ask(B, mate.data.orderId)).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect(await ask(C, lead.data.orderId)).toMatchObject({ ok: false, code: 'NOT_FOUND' }); // not the buyer
    const w2 = await world({ groupSize: 2 });
    const g = await paidGroup(w2);
    expect(await w2.call('order', A, { action: 'requestRefund', orderId: g.leader, reason: '不想要了' })).toMatchObject({ ok: true }); // confirmed
    await w2.call('merchant', OWNER, { action: 'approveRefund', orderId: g.leader, refundId: (await w2.order(g.leader)).openRefund });
    await w2.settle();
    expect(await w2.order(g.leader)).toMatchObject({ status: 'closed', money: 'refunded' });
    expect(await w2.call('order', A, { action: 'requestRefund', orderId: g.leader, reason: '其他' })).toMatchObject({ ok: false, code: 'BAD_STATE' });
  });

  it('approve and reject act only on the request the merchant saw: a newer request is refused as changed, a repeat on the same one answers ok', async () => {
    const w = await world({ groupSize: 2 });
    const g = await paidGroup(w);
    const ask = async (amountFen: number) => {
      const r = await w.call<{ refundId: string }>('order', B, { action: 'requestRefund', orderId: g.mate, amountFen, reason: '商品有质量问题' });
      if (!r.ok) throw new Error(r.message);
      return r.data.refundId;
    };
    const merchant = (action: string, refundId: string, extra: object = {}) => w.call('merchant', OWNER, { action, orderId: g.mate, refundId, ...extra });
    const first = await ask(800);
    // Rejected (say on another phone), and the buyer asks again for more.
    expect(await merchant('rejectRefund', first, { reason: '请补拍照片' })).toMatchObject({ ok: true });
    const second = await ask(1500);
    // The page still showing the first request approves it: refused, nothing written.
    const before = w.fingerprint();
    const stale = await merchant('approveRefund', first);
    expect(stale).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect(stale.ok ? '' : stale.message).toBe('买家的退款申请已变化，请刷新后再处理');
    expect(w.fingerprint()).toBe(before);
    // Rejecting the first again is a repeat: ok, and the second request is untouched.
    expect(await merchant('rejectRefund', first, { reason: '请补拍照片' })).toMatchObject({ ok: true });
    expect(w.fingerprint()).toBe(before);
    expect(await w.order(g.mate)).toMatchObject({ openRefund: second, money: 'paid' });
    // The second, named: approved once; approving it again answers the same; rejecting it now is refused.
    expect(await merchant('approveRefund', second)).toEqual({ ok: true, data: { orderId: g.mate, refundFen: 1500 } });
    const approved = w.fingerprint();
    expect(await merchant('approveRefund', second)).toEqual({ ok: true, data: { orderId: g.mate, refundFen: 1500 } });
    const late = await merchant('rejectRefund', second, { reason: '不同意' });
    expect(late).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect(w.fingerprint()).toBe(approved);
    // Another order's request is not this order's.
    expect(await w.call('merchant', OWNER, { action: 'approveRefund', orderId: g.leader, refundId: second })).toMatchObject({ ok: false, code: 'BAD_STATE' });
    await w.settle();
    expect(await w.order(g.mate)).toMatchObject({ money: 'partially_refunded', refundedFen: 1500 });
    expect(await orderInvariants(w, true)).toEqual([]);
  });

  it('a request rejected with a reason: the buyer sees why and may ask again (a new request), which is approved and paid', async () => {
    const w = await world({ groupSize: 2 });
    const g = await paidGroup(w);
    const ask = (extra: object) => w.call<{ refundId: string }>('order', B, { action: 'requestRefund', orderId: g.mate, reason: '商品有质量问题', ...extra });
    const first = await ask({ amountFen: 800, note: '灯罩有裂纹', photos: ['cloud://fx/1.jpg'] });
    if (!first.ok) throw new Error(first.message);
    const seen = await w.call<{ items: OrderView[] }>('merchant', OWNER, { action: 'listOrders', state: 'refunding' });
    expect(seen.ok && seen.data.items.map((o) => [o.id, o.refundRequest])).toEqual([
      [g.mate, { id: first.data.refundId, amountFen: 800, reason: '商品有质量问题', note: '灯罩有裂纹', photos: ['cloud://fx/1.jpg'] }],
    ]);
    // Only the shop, with a reason.
    const named = { orderId: g.mate, refundId: first.data.refundId };
    expect(await w.call('merchant', OWNER, { action: 'rejectRefund', ...named, reason: ' ' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await w.call('merchant', OWNER, { action: 'rejectRefund', orderId: g.mate, reason: '没写申请号' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(await w.call('merchant', RIVAL, { action: 'rejectRefund', ...named, reason: '不是我的' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.call('merchant', OWNER, { action: 'rejectRefund', ...named, reason: '照片看不出问题，请补拍' })).toEqual({
      ok: true,
      data: { orderId: g.mate },
    });
    expect(await w.call('merchant', OWNER, { action: 'rejectRefund', ...named, reason: '照片看不出问题，请补拍' })).toEqual({
      ok: true,
      data: { orderId: g.mate },
    });
    expect(await w.call('merchant', OWNER, { action: 'approveRefund', ...named })).toMatchObject({ ok: false, code: 'BAD_STATE' });
    const view = await w.call<OrderView>('order', B, { action: 'get', orderId: g.mate });
    expect(view).toMatchObject({
      ok: true,
      data: {
        money: 'paid',
        refund: {
          id: first.data.refundId,
          state: 'rejected',
          rejectReason: '照片看不出问题，请补拍',
          note: '灯罩有裂纹',
          photos: ['cloud://fx/1.jpg'],
          amountFen: 800,
        },
        refundableFen: PRICE_FEN,
        actions: ['requestRefund'],
      },
    });
    const again = await ask({ amountFen: 800, note: '补拍了', photos: ['cloud://fx/2.jpg'] });
    if (!again.ok) throw new Error(again.message);
    expect(again.data.refundId).not.toBe(first.data.refundId);
    expect(await w.call('merchant', OWNER, { action: 'approveRefund', orderId: g.mate, refundId: again.data.refundId })).toMatchObject({
      ok: true,
      data: { refundFen: 800 },
    });
    await w.settle();
    expect(await w.order(g.mate)).toMatchObject({ money: 'partially_refunded', refundedFen: 800, openRefund: null });
    expect(await w.call('order', B, { action: 'get', orderId: g.mate })).toMatchObject({
      ok: true,
      data: { refund: { id: again.data.refundId, state: 'succeeded', rejectReason: null }, refundableFen: PRICE_FEN - 800 },
    });
    const after = await w.call<OrderPage>('order', B, { action: 'list', tab: 'after_sales' });
    expect(after.ok && after.data.items.map((o) => o.id)).toEqual([g.mate]);
    expect((await w.refunds()).map((r) => [r._id, r.status]).sort()).toEqual(
      [
        [first.data.refundId, 'rejected'],
        [again.data.refundId, 'succeeded'],
      ].sort(),
    );
    expect(await orderInvariants(w, true)).toEqual([]);
  });

  it('more than is left to refund: INVALID_INPUT saying the most in yuan, nothing written; photos at most 3, a reason from the list', async () => {
    const w = await world({ groupSize: 2 });
    const g = await paidGroup(w);
    const print = w.fingerprint();
    const over = await w.call('order', B, { action: 'requestRefund', orderId: g.mate, amountFen: PRICE_FEN + 1, reason: '不想要了' });
    expect(over).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(over.ok ? '' : over.message).toContain('最多可退 ¥19.90');
    expect(await w.call('order', B, { action: 'requestRefund', orderId: g.mate, reason: '随便写的' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const pics = ['/files/refunds/a.png', '/files/refunds/b.png', 'cloud://env/refunds/c.jpg', 'cloud://env/refunds/d.jpg'];
    expect(await w.call('order', B, { action: 'requestRefund', orderId: g.mate, reason: '其他', photos: pics })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(w.fingerprint()).toBe(print);
  });

  it("refund photos must be the app's uploads (cloud:// or /files/): any other string is refused with 照片要先上传, nothing written", async () => {
    const w = await world({ groupSize: 2 });
    const g = await paidGroup(w);
    const print = w.fingerprint();
    for (const photos of [['https://evil.example.com/a.jpg'], ['/files/refunds/a.png', 'a'], ['wxfile://tmp_1.jpg']]) {
      const res = await w.call('order', B, { action: 'requestRefund', orderId: g.mate, reason: '其他', photos });
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
      expect(res.ok ? '' : res.message).toContain('照片要先上传');
    }
    expect(w.fingerprint()).toBe(print);
    const photos = ['/files/refunds/a.png', 'cloud://env-1.7370/refunds/b.jpg'];
    expect(await w.call('order', B, { action: 'requestRefund', orderId: g.mate, reason: '其他', photos })).toMatchObject({ ok: true });
    expect((await w.refunds()).map((r) => r.photos)).toEqual([photos]);
  });
});
