import { OWNER, STUDENTS, world } from '../groupbuy/fixture';

// What a mutation run of askRefund found no test saying: the request's number, and the amount
// the refusal names. The fixture's group price is 1990 fen.
const [S1, S2] = STUDENTS;

it("an after-sales request is the order's first, Q<order>-1, and asking too much names the most that can come back", async () => {
  const g = await world();
  const lead = await g.open(S1);
  if (!lead.ok) throw new Error(lead.message);
  const mate = await g.join(S2, lead.data.groupId);
  if (!mate.ok) throw new Error(mate.message);
  await g.pay(S1, lead.data.orderId);
  await g.pay(S2, mate.data.orderId);
  await g.call('merchant', OWNER, { action: 'ship', orderId: mate.data.orderId, carrier: '商家配送' });
  const orderId = mate.data.orderId;
  expect(await g.call('order', S2, { action: 'requestRefund', orderId, amountFen: 1991, reason: '其他' })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    message: '退款金额超过可退金额，最多可退 ¥19.90',
  });
  expect(await g.call('order', S2, { action: 'requestRefund', orderId, amountFen: 1000, reason: '收到时已损坏' })).toMatchObject({
    ok: true,
    data: { requested: true, refundId: `Q${orderId}-1`, amountFen: 1000 },
  });
  expect(await g.order(orderId)).toMatchObject({ openRefund: `Q${orderId}-1`, refundAsks: 1 });
  // Another student cannot ask for money back on this order.
  expect(await g.call('order', S1, { action: 'requestRefund', orderId, amountFen: 1, reason: '其他' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
});
