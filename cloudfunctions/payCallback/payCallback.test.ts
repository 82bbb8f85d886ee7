// payCallback with WeChat Pay APIv3: notices arrive as HTTP requests (云函数 HTTP 访问服务),
// are verified and decrypted by the v3 adapter and then take the same idempotent paths as
// cloudPay's. Unverifiable ones change nothing and answer an error status.
import type { Ctx } from '../../server/context';
import { jsonLog } from '../../server/log';
import type { RefundDoc } from '../../server/payments/refunds';
import type { CodesPort, ContentCheckPort, CustomerServicePort, MessagesPort, PayoutPort } from '../../server/ports';
import { wxPayV3 } from '../../server/wx/pay-v3';
import { config, fakeFetch, notice, refundResource, stranger, transaction } from '../../server/wx/pay-v3.fixtures';
import { STUDENTS, world } from '../groupbuy/fixture';
import payCallback, { platformAnswer } from './function';

async function setup() {
  const g = await world({ groupSize: 2 });
  const lead = await g.open(STUDENTS[0]);
  if (!lead.ok) throw new Error(lead.message);
  const orderId = lead.data.orderId;
  const totalFen = (await g.order(orderId)).totalFen;
  /** payCallback as WeChat Cloud runs it for an HTTP request, with the v3 adapter as its pay port. */
  const deliver = async (n: { headers: Record<string, string>; body: string }, extra: Record<string, unknown> = {}) => {
    const ctx: Ctx = {
      openid: '',
      source: 'wx_http',
      db: g.cloud.db,
      now: g.clock.now,
      timeLeft: () => 20_000,
      log: jsonLog({ fn: 'payCallback' }, () => {}),
      call: async () => null,
      contentCheck: {} as ContentCheckPort,
      codes: {} as CodesPort,
      payout: {} as PayoutPort,
      messages: {} as MessagesPort,
      customerService: {} as CustomerServicePort,
      pay: wxPayV3(config, fakeFetch([]).fn, g.clock.now),
    };
    // Through JSON, as the event crosses the wire.
    const event = JSON.parse(JSON.stringify({ path: '/payCallback', httpMethod: 'POST', headers: n.headers, body: n.body, isBase64Encoded: false, ...extra }));
    return platformAnswer(event, await payCallback.handle(event, ctx)) as { statusCode: number; body: string };
  };
  return { ...g, orderId, totalFen, deliver };
}

describe('payCallback over HTTP (WeChat Pay APIv3)', () => {
  it('a verified payment notice pays the order once, however often it comes; the answer is 200', async () => {
    const g = await setup();
    const n = notice('TRANSACTION.SUCCESS', transaction(g.orderId, g.totalFen), { nowMs: g.clock.now() });
    for (let i = 0; i < 3; i++) expect(await g.deliver(n)).toMatchObject({ statusCode: 200, body: '' });
    const order = await g.order(g.orderId);
    expect(order.history.filter((h) => h.to === 'paid')).toHaveLength(1);
    expect(order.status).toBe('awaiting_group');
    expect((await g.cloud.db.collection('events').where({ type: 'order_paid', orderId: g.orderId }).limit(5).get()).data).toHaveLength(1);
  });

  it('the body may come base64-encoded', async () => {
    const g = await setup();
    const n = notice('TRANSACTION.SUCCESS', transaction(g.orderId, g.totalFen), { nowMs: g.clock.now() });
    expect(await g.deliver({ headers: n.headers, body: Buffer.from(n.body).toString('base64') }, { isBase64Encoded: true })).toMatchObject({ statusCode: 200 });
    expect((await g.order(g.orderId)).status).toBe('awaiting_group');
  });

  it('a tampered, foreign-signed or stale notice changes nothing and answers 401 with FAIL', async () => {
    const g = await setup();
    const before = g.fingerprint();
    const now = g.clock.now();
    const good = notice('TRANSACTION.SUCCESS', transaction(g.orderId, g.totalFen), { nowMs: now });
    const cases = [
      { headers: good.headers, body: good.body.replace('"summary"', '"summary" ') },
      notice('TRANSACTION.SUCCESS', transaction(g.orderId, g.totalFen), { nowMs: now, signer: stranger.privateKeyPem }),
      notice('TRANSACTION.SUCCESS', transaction(g.orderId, g.totalFen), { nowMs: now - 10 * 60_000 }),
    ];
    for (const n of cases) {
      const answer = await g.deliver(n);
      expect(answer.statusCode).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'FAIL' });
    }
    expect(await g.deliver(good, { httpMethod: 'GET' })).toMatchObject({ statusCode: 401 });
    expect(g.fingerprint()).toBe(before);
  });

  it('a verified payment for the wrong amount is recorded as a mismatch, not paid', async () => {
    const g = await setup();
    expect(await g.deliver(notice('TRANSACTION.SUCCESS', transaction(g.orderId, 1), { nowMs: g.clock.now() }))).toMatchObject({ statusCode: 200 });
    expect((await g.order(g.orderId)).status).toBe('created');
  });

  it('a verified refund notice completes a processing refund once; one for an unknown refund changes nothing', async () => {
    const g = await setup();
    await g.deliver(notice('TRANSACTION.SUCCESS', transaction(g.orderId, g.totalFen), { nowMs: g.clock.now() }));
    g.cloud.pay.holdRefunds();
    g.clock.advance(25 * 3600_000); // the group fails: the sweep sends the refund, WeChat is processing it
    await g.tick();
    const r = (await g.cloud.db.collection<RefundDoc>('refunds').where({ orderId: g.orderId }).limit(1).get()).data[0];
    expect(r.status).toBe('processing');

    const before = g.fingerprint();
    expect(await g.deliver(notice('REFUND.SUCCESS', refundResource('Rnobody', g.orderId, g.totalFen, g.totalFen), { nowMs: g.clock.now() }))).toMatchObject({
      statusCode: 200,
    });
    expect(g.fingerprint()).toBe(before);

    const n = notice('REFUND.SUCCESS', refundResource(r._id, g.orderId, g.totalFen, g.totalFen), { nowMs: g.clock.now() });
    for (let i = 0; i < 3; i++) expect(await g.deliver(n)).toMatchObject({ statusCode: 200 });
    expect(await g.order(g.orderId)).toMatchObject({ money: 'refunded', refundedFen: g.totalFen });
    expect((await g.cloud.db.collection('events').where({ type: 'refund_succeeded', orderId: g.orderId }).limit(5).get()).data).toHaveLength(1);
  });

  it('the platform answer: cloudPay events keep {errcode}; HTTP gets 200, or 401/400/500 with FAIL', () => {
    expect(platformAnswer({ returnCode: 'SUCCESS' }, { ok: true, data: { errcode: 0, errmsg: 'OK' } })).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(platformAnswer({ returnCode: 'SUCCESS' }, { ok: false, code: 'INTERNAL', message: 'x' })).toEqual({ errcode: 1, errmsg: 'INTERNAL' });
    const http = { httpMethod: 'POST', headers: {}, body: '' };
    expect(platformAnswer(http, { ok: false, code: 'INTERNAL', message: 'x' })).toMatchObject({ statusCode: 500 });
    expect(platformAnswer(http, { ok: false, code: 'INVALID_INPUT', message: 'x' })).toMatchObject({ statusCode: 400 });
  });
});
