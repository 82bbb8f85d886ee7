import { KOC, OWNER, PRICE_FEN, RIVAL, STUDENTS, world } from './fixture';

const MIN = 60_000;
const [S1, S2, S3, S4] = STUDENTS;

describe('group-buy', () => {
  it('a 3-seat group: leader opens, two join and all pay; the group succeeds and the merchant ships', async () => {
    const g = await world({ groupSize: 3 });
    const lead = await g.open(S1);
    if (!lead.ok) throw new Error(lead.message);
    const { groupId } = lead.data;
    const a = await g.join(S2, groupId);
    const b = await g.join(S3, groupId);
    if (!a.ok || !b.ok) throw new Error('join failed');
    expect(await g.join(S4, groupId)).toMatchObject({ ok: false, code: 'GROUP_FULL' });
    for (const [who, id] of [
      [S1, lead.data.orderId],
      [S2, a.data.orderId],
      [S3, b.data.orderId],
    ] as const) {
      // Each seat pays the group price, PRICE_FEN = 1990 (was the demo campaign's 2990).
      expect(await g.pay(who, id)).toMatchObject({ ok: true, data: { outTradeNo: id, totalFen: PRICE_FEN } });
    }
    expect(await g.group(groupId)).toMatchObject({ status: 'succeeded', paid: 3, taken: 3 });
    const view = await g.call<{ state: string; members: { nickname: string; paid: boolean }[] }>('groupbuy', S2, { action: 'getGroup', groupId });
    expect(view).toMatchObject({ ok: true, data: { state: 'succeeded', seatsLeft: 0 } });
    expect(JSON.stringify(view)).not.toMatch(/fx-s\d/);
    const orders = await g.call<{ items: { id: string; state: string }[] }>('merchant', OWNER, { action: 'listOrders', state: 'confirmed' });
    expect(orders.ok && orders.data.items).toHaveLength(3);
    for (const o of orders.ok ? orders.data.items : [])
      expect(await g.call('merchant', OWNER, { action: 'ship', orderId: o.id, carrier: '商家配送' })).toMatchObject({ ok: true, data: { state: 'shipped' } });
    expect((await g.order(a.data.orderId)).history.map((h) => h.to)).toEqual(['created', 'paid', 'awaiting_group', 'confirmed', 'shipped']);
    expect(await g.call('merchant', RIVAL, { action: 'ship', orderId: a.data.orderId, carrier: '商家配送' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('a callback delivered 5 times gives one paid transition; one arriving after the seat expired is refunded', async () => {
    const g = await world({ groupSize: 3 }); // 3 seats: the late joiner does not fill the group
    const lead = await g.open(S1);
    if (!lead.ok) throw new Error(lead.message);
    await g.pay(S1, lead.data.orderId, 5);
    expect((await g.order(lead.data.orderId)).history.filter((h) => h.to === 'paid')).toHaveLength(1);
    expect((await g.group(lead.data.groupId)).paid).toBe(1);

    const late = await g.join(S2, lead.data.groupId);
    if (!late.ok) throw new Error(late.message);
    expect(await g.call('order', S2, { action: 'pay', orderId: late.data.orderId })).toMatchObject({ ok: true });
    g.clock.advance(16 * MIN);
    await g.tick(); // the seat expires before the money arrives
    expect((await g.order(late.data.orderId)).status).toBe('cancelled');
    const { simulatePayment } = await import('../../local-cloud/pay-sim');
    await simulatePayment(g.cloud, late.data.orderId, 'success', 5);
    await g.tick();
    expect(await g.order(late.data.orderId)).toMatchObject({ status: 'cancelled', money: 'refunded' });
    expect([...g.cloud.pay.refunds.keys()].filter((k) => k.includes(late.data.orderId))).toHaveLength(1);
    expect(await g.group(lead.data.groupId)).toMatchObject({ paid: 1, taken: 1 });
  });

  it('past the deadline the timer fails the group and refunds every paid member; firing again changes nothing', async () => {
    const g = await world({ groupSize: 5, groupHours: 24 });
    const lead = await g.open(S1);
    if (!lead.ok) throw new Error(lead.message);
    const a = await g.join(S2, lead.data.groupId);
    if (!a.ok) throw new Error(a.message);
    await g.pay(S1, lead.data.orderId);
    await g.pay(S2, a.data.orderId);
    const stockBefore = (await g.campaign()).stock;
    g.cloud.pay.failNextRefunds(1); // the first refund attempt fails: it is retried
    g.clock.advance(25 * 3600_000);
    await g.tick();
    await g.tick();
    for (const id of [lead.data.orderId, a.data.orderId]) expect(await g.order(id)).toMatchObject({ status: 'cancelled', money: 'refunded' });
    expect(g.cloud.pay.refunds.size).toBe(2);
    expect((await g.group(lead.data.groupId)).status).toBe('failed');
    expect((await g.campaign()).stock).toBe(stockBefore + 5); // all 5 seats of the group go back
    const before = g.fingerprint();
    await g.tick();
    expect(g.fingerprint()).toBe(before);
    const view = await g.call('groupbuy', S2, { action: 'getGroup', groupId: lead.data.groupId });
    // What members of a failed group see: the real members, each with their money back.
    expect(view).toMatchObject({
      ok: true,
      data: {
        state: 'failed',
        paid: 2,
        members: [
          { money: 'refunded', leader: true },
          { money: 'refunded', leader: false },
        ],
      },
    });
    expect(await g.call<{ items: { state: string }[] }>('order', S2, { action: 'list' })).toMatchObject({
      ok: true,
      data: { items: [{ money: 'refunded', label: '已退款' }] },
    });
  });

  it('bad input gets a clear code and writes nothing', async () => {
    const g = await world({ groupSize: 3, groupHours: 24 });
    const lead = await g.open(S1);
    if (!lead.ok) throw new Error(lead.message);
    const campaign = {
      action: 'createCampaign',
      productId: 'fx-product',
      requestId: g.rid(),
      groupPriceFen: PRICE_FEN,
      groupSize: 3,
      stock: 10,
      startAt: g.clock.now(),
      endAt: g.clock.now() + 86_400_000,
    };
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['merchant', OWNER, { ...campaign, groupSize: 6 }, 'INVALID_INPUT'],
      ['merchant', OWNER, { ...campaign, groupSize: 1 }, 'INVALID_INPUT'],
      ['merchant', OWNER, { ...campaign, groupPriceFen: 0 }, 'INVALID_INPUT'],
      ['merchant', OWNER, { ...campaign, groupPriceFen: -100 }, 'INVALID_INPUT'],
      ['merchant', S1, campaign, 'FORBIDDEN'],
      ['groupbuy', S1, { action: 'join', groupId: lead.data.groupId, requestId: g.rid() }, 'ALREADY_JOINED'],
      ['order', S2, { action: 'pay', orderId: lead.data.orderId }, 'NOT_FOUND'],
      ['groupbuy', S2, { action: 'open', campaignId: g.campaignId, requestId: 'x' }, 'INVALID_INPUT'],
    ];
    for (const [fn, who, ev, code] of cases) {
      const before = g.fingerprint();
      expect([fn, await g.call(fn, who, ev)]).toMatchObject([fn, { ok: false, code }]);
      expect(g.fingerprint()).toBe(before);
    }
    g.clock.advance(25 * 3600_000);
    const before = g.fingerprint();
    expect(await g.join(S2, lead.data.groupId)).toMatchObject({ ok: false, code: 'GROUP_CLOSED' });
    expect(g.fingerprint()).toBe(before);
  });

  it('a valid campaign is created once per request, within 2 to 5 seats', async () => {
    const g = await world();
    const requestId = g.rid();
    const now = g.clock.now();
    const ev = {
      action: 'createCampaign',
      productId: 'fx-product',
      requestId,
      groupPriceFen: PRICE_FEN,
      groupSize: 5,
      stock: 10,
      startAt: now - 1000,
      endAt: now + 86_400_000,
    };
    const a = await g.call<{ campaignId: string }>('merchant', OWNER, ev);
    const b = await g.call<{ campaignId: string }>('merchant', OWNER, ev);
    expect(a.ok && b.ok && a.data.campaignId === b.data.campaignId).toBe(true);
    const live = await g.call<{ id: string }[]>('groupbuy', S1, { action: 'listCampaigns' });
    expect(live.ok && live.data.map((c) => c.id)).toContain(a.ok ? a.data.campaignId : '');
  });
});

describe('after-sales refunds', () => {
  it('a student asks for part of the money back after shipping; the merchant approves; the sweep pays it once', async () => {
    const g = await world();
    const lead = await g.open(S1);
    if (!lead.ok) throw new Error(lead.message);
    const mate = await g.join(S2, lead.data.groupId);
    if (!mate.ok) throw new Error(mate.message);
    await g.pay(S1, lead.data.orderId);
    await g.pay(S2, mate.data.orderId);
    await g.call('merchant', OWNER, { action: 'ship', orderId: mate.data.orderId, carrier: '商家配送' });
    // 10_000 is more than the 1990 paid.
    expect(await g.call('order', S2, { action: 'requestRefund', orderId: mate.data.orderId, amountFen: 10_000, reason: '其他' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(await g.call('order', S2, { action: 'requestRefund', orderId: mate.data.orderId, amountFen: 1000, reason: '收到时已损坏' })).toMatchObject({
      ok: true,
    });
    const { openRefund } = await g.order(mate.data.orderId);
    expect(await g.call('merchant', OWNER, { action: 'approveRefund', orderId: mate.data.orderId, refundId: openRefund })).toMatchObject({
      ok: true,
      data: { refundFen: 1000 },
    });
    await g.tick();
    await g.tick();
    expect(await g.order(mate.data.orderId)).toMatchObject({ status: 'shipped', money: 'partially_refunded', refundedFen: 1000 });
    expect(g.cloud.pay.refunds.size).toBe(1);
  });

  it('receipt is confirmed automatically 10 days after shipping and 2 days after a pickup notice', async () => {
    const g = await world();
    const lead = await g.open(S1);
    const mate = lead.ok ? await g.join(S2, lead.data.groupId) : lead;
    if (!lead.ok || !mate.ok) throw new Error('setup failed');
    await g.pay(S1, lead.data.orderId);
    await g.pay(S2, mate.data.orderId);
    await g.call('merchant', OWNER, { action: 'ship', orderId: lead.data.orderId, carrier: '商家配送' });
    await g.call('merchant', OWNER, { action: 'readyForPickup', orderId: mate.data.orderId });
    g.clock.advance(2 * 86_400_000 + 1000);
    await g.tick();
    expect((await g.order(mate.data.orderId)).status).toBe('completed');
    expect((await g.order(lead.data.orderId)).status).toBe('shipped');
    g.clock.advance(8 * 86_400_000);
    await g.tick();
    expect((await g.order(lead.data.orderId)).status).toBe('completed');
  });
});

describe('orders meet the sharing figures', () => {
  it("an order copies the buyer's binding, and the KOC's card shows the order and its revenue net of refunds", async () => {
    const g = await world();
    const code = await g.bind(S2);
    const lead = await g.open(S1);
    const mate = lead.ok ? await g.join(S2, lead.data.groupId) : lead;
    if (!lead.ok || !mate.ok) throw new Error('setup failed');
    expect((await g.order(mate.data.orderId)).binding).toMatchObject({ sharer: KOC, code, channel: 'chat' });
    expect((await g.order(lead.data.orderId)).binding).toBeNull();
    await g.pay(S1, lead.data.orderId);
    await g.pay(S2, mate.data.orderId);
    const stats = await g.call<{ code: string; orders: number; revenueFen: number }[]>('share', KOC, { action: 'stats' });
    // One order at the group price: PRICE_FEN = 1990 (was the demo lamp's 5900).
    expect(stats.ok && stats.data.find((c) => c.code === code)).toMatchObject({ orders: 1, revenueFen: PRICE_FEN, newCustomers: 1 });
  });
});
