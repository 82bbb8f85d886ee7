import { KOC, kocSale, mature, OWNER, RIVAL, SHOP, STUDENTS, world } from '../groupbuy/fixture';

const MERCHANT = SHOP;
// The fixture's lamp sells at 5900 in a 2-seat group (the product lists at 9900); at the
// default 10% each sale through the KOC's card earns 590. Two sales: 1180; three: 1770.
const sellingAt = () => world({ productPriceFen: 9900, groupPriceFen: 5900 });
const [S1, S2, S3, S4, S5, S6] = STUDENTS;

describe('withdrawals', () => {
  it('request, approve, confirm: paid out; a later refund shows a negative line the next withdrawal nets', async () => {
    const c = await sellingAt();
    const first = await kocSale(c, S2, S1);
    const second = await kocSale(c, S3, S5);
    await mature(c, first, S2);
    await mature(c, second, S3);
    expect(await c.summary()).toMatchObject({ availableFen: 1180, pendingFen: 0 });
    expect(await c.call('commission', KOC, { action: 'requestWithdrawal', merchantId: MERCHANT, amountFen: 500, requestId: 'withdraw-small-1' })).toMatchObject(
      {
        ok: false,
        code: 'BELOW_MINIMUM',
      },
    );
    expect(await c.call('commission', KOC, { action: 'requestWithdrawal', merchantId: MERCHANT, amountFen: 5000, requestId: 'withdraw-big-1' })).toMatchObject({
      ok: false,
      code: 'INSUFFICIENT',
    });
    const req = await c.call<{ withdrawalId: string }>('commission', KOC, {
      action: 'requestWithdrawal',
      merchantId: MERCHANT,
      amountFen: 1180,
      requestId: 'withdraw-all-1',
    });
    if (!req.ok) throw new Error(req.message);
    expect(await c.call('commission', RIVAL, { action: 'approveWithdrawal', withdrawalId: req.data.withdrawalId })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await c.call('commission', OWNER, { action: 'approveWithdrawal', withdrawalId: req.data.withdrawalId })).toMatchObject({
      ok: true,
      data: { status: 'awaiting_confirmation' },
    });
    expect(await c.summary()).toMatchObject({ availableFen: 0, inTransitFen: 1180 });
    expect(await c.call('commission', KOC, { action: 'confirmWithdrawal', withdrawalId: req.data.withdrawalId })).toMatchObject({
      ok: true,
      data: { status: 'awaiting_confirmation' },
    });
    c.cloud.payout.confirm(req.data.withdrawalId); // the KOC taps 确认收款 in WeChat's sheet
    expect(await c.call('commission', KOC, { action: 'confirmWithdrawal', withdrawalId: req.data.withdrawalId })).toMatchObject({
      ok: true,
      data: { status: 'paid' },
    });
    expect(await c.summary()).toMatchObject({ availableFen: 0, inTransitFen: 0, paidOutFen: 1180 });
    expect(c.cloud.payout.bills.get(req.data.withdrawalId)).toBe(1180);

    // A refund after payout: the commission comes back as a negative balance.
    await c.call('order', S2, { action: 'requestRefund', orderId: first, reason: '商品有质量问题' });
    await c.call('merchant', OWNER, { action: 'approveRefund', orderId: first, refundId: (await c.order(first)).openRefund });
    await c.tick();
    await c.settleCommission();
    expect(await c.summary()).toMatchObject({ availableFen: -590, paidOutFen: 1180, clawedBackFen: 590 });
    // The next sale's commission is netted: only what is left after the negative line can be withdrawn.
    const third = await kocSale(c, S4, S6);
    await mature(c, third, S4);
    expect(await c.summary()).toMatchObject({ availableFen: 0 });
    expect(
      await c.call('commission', KOC, { action: 'requestWithdrawal', merchantId: MERCHANT, amountFen: 1000, requestId: 'withdraw-after-1' }),
    ).toMatchObject({
      ok: false,
      code: 'INSUFFICIENT',
    });
  });

  it('a single withdrawal stays below ¥2,000, where WeChat would want the real name Sprout does not collect', async () => {
    const c = await sellingAt();
    const ask = (amountFen: number) =>
      c.call('commission', KOC, { action: 'requestWithdrawal', merchantId: MERCHANT, amountFen, requestId: `withdraw-max-${amountFen}` });
    expect(await ask(200_000)).toMatchObject({ ok: false, code: 'ABOVE_MAXIMUM', message: expect.stringContaining('单笔提现需低于 ¥2000') });
    // Just below the line the amount itself is fine; this KOC simply has no such balance.
    expect(await ask(199_999)).toMatchObject({ ok: false, code: 'INSUFFICIENT' });
  });

  it('a failed transfer and an unconfirmed one return the money to available; rejection holds nothing', async () => {
    const c = await sellingAt();
    for (const [buyer, leader] of [
      [S2, S1],
      [S3, S5],
      [S4, S6],
    ])
      await mature(c, await kocSale(c, buyer, leader), buyer);
    expect((await c.summary()).availableFen).toBe(1770);
    const ask = async (fen: number, rid: string) => {
      const r = await c.call<{ withdrawalId: string }>('commission', KOC, {
        action: 'requestWithdrawal',
        merchantId: MERCHANT,
        amountFen: fen,
        requestId: rid,
      });
      if (!r.ok) throw new Error(r.message);
      return r.data.withdrawalId;
    };
    const a = await ask(1000, 'withdraw-fail-01');
    c.cloud.payout.failNextTransfers(1);
    expect(await c.call('commission', OWNER, { action: 'approveWithdrawal', withdrawalId: a })).toMatchObject({
      ok: true,
      data: { status: 'failed' },
    });
    expect((await c.summary()).availableFen).toBe(1770);
    const b = await ask(1000, 'withdraw-expire-1');
    await c.call('commission', OWNER, { action: 'approveWithdrawal', withdrawalId: b });
    // The KOC never confirms: after 24 hours the money goes back.
    c.clock.advance(25 * 3600_000);
    await c.settleCommission();
    expect((await c.summary()).availableFen).toBe(1770);
    const r = await ask(1000, 'withdraw-reject-1');
    expect(await c.call('commission', OWNER, { action: 'rejectWithdrawal', withdrawalId: r, reason: '请先核对订单' })).toMatchObject({
      ok: true,
      data: { status: 'rejected' },
    });
    const mine = await c.call<{ status: string }[]>('commission', KOC, { action: 'myWithdrawals' });
    expect(mine.ok && mine.data.map((w) => w.status).sort()).toEqual(['expired', 'failed', 'rejected']);
  });
});

describe('tiers', () => {
  it('the monthly job promotes a KOC over the threshold and demotes one below, with audit entries; a second run changes nothing', async () => {
    const c = await sellingAt();
    await c.call('commission', OWNER, {
      action: 'setProgram',
      defaultRateBp: 1000,
      holdDays: 7,
      selfPurchaseRebates: false,
      tiers: [
        { tier: 'primary', rateBp: 1000, minRevenueFen: 0, minOrders: 0 },
        { tier: 'intermediate', rateBp: 1200, minRevenueFen: 5000, minOrders: 1 },
        { tier: 'advanced', rateBp: 1500, minRevenueFen: 1_000_000, minOrders: 100 },
      ],
    });
    // S3 was placed advanced earlier but sold nothing in the window.
    await c.cloud.db
      .collection('koc_tiers')
      .doc(`${MERCHANT}:${S3}`)
      .set({ data: { merchantId: MERCHANT, koc: S3, tier: 'advanced', updatedAt: new Date(0) } });
    await kocSale(c, S2, S1); // 5900 of revenue in one order: over the intermediate line (5000, 1 order)
    c.clock.advance(10 * 86_400_000); // into the next campus month (December)
    await c.settleCommission();
    const tiers = (await c.cloud.db.collection('koc_tiers').where({ merchantId: MERCHANT }).get()).data.map((t) => [t.koc, t.tier]).sort();
    expect(tiers).toEqual([
      [KOC, 'intermediate'], // 'fx-koc' sorts before 'fx-s3'
      [S3, 'primary'],
    ]);
    expect((await c.cloud.db.collection('tier_audit').count()).total).toBe(2);
    const before = c.fingerprint();
    await c.settleCommission();
    expect(c.fingerprint()).toBe(before);
    // The new tier's rate applies to the next sale.
    await kocSale(c, S3, S5);
    const list = await c.call<{ items: { rateBp: number; rateSource: string }[] }>('commission', KOC, { action: 'list' });
    expect(list.ok && list.data.items[0]).toMatchObject({ rateBp: 1200, rateSource: 'tier' });
  });
});
