// The rules a payment notice must pass, each with a test that fails when the rule is removed:
// only WeChat's callback counts, the amount must be the stored one, and money that arrives for
// a group already ended goes back, once.

import { PRICE_FEN, STUDENTS, world } from '../groupbuy/fixture';
import { orderInvariants } from '../groupbuy/invariants';

const [A, B] = STUDENTS;
const notice = (orderId: string, totalFee = PRICE_FEN) => ({
  returnCode: 'SUCCESS',
  resultCode: 'SUCCESS',
  outTradeNo: orderId,
  totalFee,
  transactionId: `wx_${orderId}`,
});

async function unpaidLeader() {
  const w = await world({ groupSize: 2 });
  const lead = await w.open(A);
  if (!lead.ok) throw new Error(lead.message);
  expect(await w.call('order', A, { action: 'pay', orderId: lead.data.orderId })).toMatchObject({ ok: true });
  return { w, orderId: lead.data.orderId, groupId: lead.data.groupId };
}

describe('payment notices', () => {
  it('a client sending the payment notice itself is refused and its order stays unpaid', async () => {
    const { w, orderId } = await unpaidLeader();
    const before = w.fingerprint();
    for (const source of ['wx_client', 'wx_http', 'scf']) {
      expect(await w.cloud.invoke('payCallback', { action: 'notify', ...notice(orderId) }, { openid: A, source })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    }
    expect(w.fingerprint()).toBe(before);
    expect(await w.order(orderId)).toMatchObject({ status: 'created', money: 'unpaid' });
    // WeChat's own callback pays it.
    expect(await w.cloud.invoke('payCallback', notice(orderId), { source: 'wx_paycallback' })).toMatchObject({ ok: true, data: { outcome: 'paid' } });
    expect(await w.order(orderId)).toMatchObject({ status: 'awaiting_group', money: 'paid' });
  });

  it('a notice for another amount is recorded as a mismatch and pays nothing', async () => {
    const { w, orderId, groupId } = await unpaidLeader();
    for (const fee of [1, PRICE_FEN - 1, PRICE_FEN + 1]) {
      expect(await w.cloud.invoke('payCallback', notice(orderId, fee), { source: 'wx_paycallback' })).toMatchObject({
        ok: true,
        data: { errcode: 0, outcome: 'amount_mismatch' },
      });
    }
    expect(await w.order(orderId)).toMatchObject({ status: 'created', money: 'unpaid' });
    expect((await w.group(groupId)).paid).toBe(0);
    expect(await w.events('payment_mismatch')).toHaveLength(3);
    expect(await w.events('order_paid')).toHaveLength(0);
  });

  it('money for a group that already failed goes back once, however often the notice comes', async () => {
    const { w, orderId, groupId } = await unpaidLeader();
    const mate = await w.join(B, groupId);
    if (!mate.ok) throw new Error(mate.message);
    await w.call('order', B, { action: 'pay', orderId: mate.data.orderId });
    w.clock.advance(14 * 60_000);
    await w.pay(A, orderId); // A pays in time; B's money is late
    w.clock.advance(25 * 3600_000);
    await w.settle(); // the group fails: A refunded, B's seat cancelled
    expect(await w.group(groupId)).toMatchObject({ status: 'failed', paid: 1 });
    for (let i = 0; i < 3; i++) await w.cloud.invoke('payCallback', notice(mate.data.orderId), { source: 'wx_paycallback' });
    await w.settle();
    expect(await w.order(mate.data.orderId)).toMatchObject({ status: 'cancelled', money: 'refunded', refundedFen: PRICE_FEN });
    expect([...w.cloud.pay.refunds.keys()].filter((k) => k.includes(mate.data.orderId))).toHaveLength(1);
    expect(await w.group(groupId)).toMatchObject({ paid: 1 });
    expect(await w.events('order_paid')).toHaveLength(1); // A's only: the late money never became a sale
    expect(await orderInvariants(w, true)).toEqual([]);
  });

  it('money for an unpaid leader seat that ended with its group goes back', async () => {
    const { w, orderId, groupId } = await unpaidLeader();
    w.clock.advance(25 * 3600_000);
    await w.settle();
    expect(await w.group(groupId)).toMatchObject({ status: 'failed' });
    await w.cloud.invoke('payCallback', notice(orderId), { source: 'wx_paycallback' });
    await w.settle();
    expect(await w.order(orderId)).toMatchObject({ status: 'cancelled', money: 'refunded' });
    expect(await orderInvariants(w, true)).toEqual([]);
  });
});
