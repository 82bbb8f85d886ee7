// Refunds complete on WeChat's word only (its refund notice, or a query answering SUCCESS),
// never on WeChat accepting the request; duplicate, late and unknown notices change nothing.
import { refundNoticeEvent, simulateRefundNotice } from '../../local-cloud/pay-sim';
import type { RefundDoc } from '../../server/payments/refunds';
import { PRICE_FEN, STUDENTS, world } from './fixture';

const HOUR = 3600_000;
// Each member paid the fixture's group price, PRICE_FEN = 1990 (the demo notebook's was 990):
// a full refund is 1990 of 1990.
const PAID = PRICE_FEN;

/** Two members of a 5-seat, 24-hour group pay, then the group fails: both are owed a full refund. */
async function failedGroup() {
  const g = await world({ groupSize: 5, groupHours: 24 });
  const lead = await g.open(STUDENTS[0]);
  if (!lead.ok) throw new Error(lead.message);
  const mate = await g.join(STUDENTS[1], lead.data.groupId);
  if (!mate.ok) throw new Error(mate.message);
  await g.pay(STUDENTS[0], lead.data.orderId);
  await g.pay(STUDENTS[1], mate.data.orderId);
  const refund = async (orderId: string) => (await g.cloud.db.collection<RefundDoc>('refunds').where({ orderId }).limit(1).get()).data[0] as RefundDoc;
  const refundEvents = async (orderId: string) => (await g.cloud.db.collection('events').where({ type: 'refund_succeeded', orderId }).limit(10).get()).data;
  const notify = (event: Record<string, unknown>) => g.cloud.invoke('payCallback', event, { source: 'wx_paycallback' });
  return { ...g, ids: [lead.data.orderId, mate.data.orderId], refund, refundEvents, notify };
}

describe('refunds complete only on WeChat saying so', () => {
  it('a refund WeChat accepted but never confirmed stays processing: the order is not refunded, no refund event', async () => {
    const g = await failedGroup();
    g.cloud.pay.holdRefunds();
    g.clock.advance(25 * HOUR);
    for (let i = 0; i < 3; i++) {
      await g.tick();
      g.clock.advance(10 * 60_000);
    }
    for (const id of g.ids) {
      expect(await g.refund(id)).toMatchObject({ status: 'processing', refundFen: PAID, attempts: 1 });
      expect((await g.order(id)).money).toBe('refunding');
      expect(await g.refundEvents(id)).toHaveLength(0);
    }
    expect(g.cloud.pay.refunds.size).toBe(2); // asked once each, not again
  });

  it('its refund notice, delivered 3 times, completes it once; a late one changes nothing', async () => {
    const g = await failedGroup();
    g.cloud.pay.holdRefunds();
    g.clock.advance(25 * HOUR);
    await g.tick();
    const [id] = g.ids;
    const no = (await g.refund(id))._id;
    const answers = (await simulateRefundNotice(g.cloud, no, 3)) as { ok: boolean; data: { errcode: number; outcome: string } }[];
    expect(answers.map((a) => a.data)).toEqual([
      { errcode: 0, errmsg: 'OK', outcome: 'succeeded' },
      { errcode: 0, errmsg: 'OK', outcome: 'duplicate' },
      { errcode: 0, errmsg: 'OK', outcome: 'duplicate' },
    ]);
    expect(await g.refund(id)).toMatchObject({ status: 'succeeded', confirmedBy: 'notice' });
    const order = await g.order(id);
    expect(order).toMatchObject({ status: 'cancelled', money: 'refunded', refundedFen: PAID });
    expect(order.history.filter((h) => h.to === 'refunded')).toHaveLength(1);
    expect(await g.refundEvents(id)).toMatchObject([{ refundFen: PAID, amountFen: PAID, orderId: id }]);
    // The other member's refund is still processing, untouched by this notice.
    expect((await g.refund(g.ids[1])).status).toBe('processing');

    const before = g.fingerprint();
    await simulateRefundNotice(g.cloud, no, 1);
    expect(g.fingerprint()).toBe(before);
  });

  it('a query answering SUCCESS completes it once, even racing 3 deliveries of its notice', async () => {
    const g = await failedGroup();
    g.cloud.pay.holdRefunds();
    g.clock.advance(25 * HOUR);
    await g.tick(); // accepted, asked at once: still processing
    const [id, other] = g.ids;
    const no = (await g.refund(id))._id;
    g.cloud.pay.settleRefund(no);
    await g.tick();
    expect((await g.refund(id)).status).toBe('processing'); // not asked again before its time
    g.clock.advance(60_000);
    const notice = refundNoticeEvent(no, id, PAID, PAID);
    await Promise.all([g.tick(), g.notify(notice), g.notify(notice), g.notify(notice)]);
    expect(await g.refund(id)).toMatchObject({ status: 'succeeded' });
    expect((await g.order(id)).history.filter((h) => h.to === 'refunded')).toHaveLength(1);
    expect(await g.refundEvents(id)).toHaveLength(1);
    expect((await g.order(other)).money).toBe('refunding');

    // Once WeChat finishes the other one, the sweep's query completes it without any notice.
    g.cloud.pay.holdRefunds(false);
    g.clock.advance(10 * 60_000);
    await g.tick();
    expect(await g.refund(other)).toMatchObject({ status: 'succeeded', confirmedBy: 'query' });
    expect(await g.order(other)).toMatchObject({ money: 'refunded', refundedFen: PAID });
    expect(await g.refundEvents(other)).toHaveLength(1);
  });

  it('a notice for an unknown refund, a wrong amount or a caller other than WeChat changes nothing', async () => {
    const g = await failedGroup();
    g.cloud.pay.holdRefunds();
    g.clock.advance(25 * HOUR);
    await g.tick();
    const [id] = g.ids;
    const no = (await g.refund(id))._id;
    const before = g.fingerprint();
    expect(await g.notify(refundNoticeEvent('Rnot-ours', id, PAID, PAID))).toMatchObject({ ok: true, data: { errcode: 0, outcome: 'unknown_refund' } });
    expect(await g.notify(refundNoticeEvent(no, id, PAID, 1))).toMatchObject({ ok: true, data: { errcode: 0, outcome: 'amount_mismatch' } });
    // Only WeChat's callback counts: the same event from a client is refused.
    expect(await g.cloud.invoke('payCallback', refundNoticeEvent(no, id, PAID, PAID), { openid: STUDENTS[0] })).toMatchObject({ ok: false });
    expect(g.fingerprint()).toBe(before);
  });

  it('WeChat closing a refund leaves the order refunding for a person, with no refund event', async () => {
    const g = await failedGroup();
    g.cloud.pay.holdRefunds();
    g.clock.advance(25 * HOUR);
    await g.tick();
    const [id] = g.ids;
    const no = (await g.refund(id))._id;
    expect(await g.notify(refundNoticeEvent(no, id, PAID, PAID, 'REFUNDCLOSE'))).toMatchObject({ data: { outcome: 'closed' } });
    expect(await g.refund(id)).toMatchObject({ status: 'closed', wxState: 'CLOSED' });
    expect((await g.order(id)).money).toBe('refunding');
    expect(await g.refundEvents(id)).toHaveLength(0);
    // A success notice after that does not reopen it.
    expect(await g.notify(refundNoticeEvent(no, id, PAID, PAID))).toMatchObject({ data: { outcome: 'unknown_refund' } });
  });
});
