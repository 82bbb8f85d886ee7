import { groupbuyCloud } from '../groupbuy/testing';

const DAY = 86_400_000;

it('a sale through a KOC card: pending at payment, available after completion + 7 days, a later partial refund claws back pro rata; settling twice posts nothing twice', async () => {
  const g = await groupbuyCloud();
  const settle = () => g.cloud.invoke('commission', { Type: 'Timer', TriggerName: 'settle' }, { source: 'wx_trigger' });
  const summary = async () => {
    const r = await g.call<Record<string, number>>('commission', 'demo-koc-1', { action: 'summary' });
    if (!r.ok) throw new Error(r.message);
    return r.data;
  };
  const share = await g.call<{ code: string }>('share', 'demo-koc-1', { action: 'create', targetType: 'product', targetId: 'p-lamp', channel: 'group' });
  if (!share.ok) throw new Error(share.message);
  await g.call('share', 'demo-student-2', { action: 'open', code: share.data.code, scene: 1008 });
  const lead = await g.open('demo-student-1', 'c-lamp');
  const mate = lead.ok ? await g.join('demo-student-2', lead.data.groupId) : lead;
  if (!lead.ok || !mate.ok) throw new Error('setup failed');
  await g.pay('demo-student-1', lead.data.orderId);
  await g.pay('demo-student-2', mate.data.orderId, 3);
  await settle();
  expect(await summary()).toMatchObject({ pendingFen: 590, availableFen: 0, earnedFen: 590 });
  const list = await g.call<{ items: { reason: string; rateBp: number; state: string }[] }>('commission', 'demo-koc-1', { action: 'list' });
  expect(list).toMatchObject({ ok: true, data: { items: [{ rateBp: 1000, state: 'pending' }] } });
  expect(list.ok && list.data.items[0].reason).toMatch(/群聊卡片/);

  await g.call('merchant', 'demo-merchant-2', { action: 'ship', orderId: mate.data.orderId });
  await g.call('order', 'demo-student-2', { action: 'confirmReceipt', orderId: mate.data.orderId });
  await settle();
  g.clock.advance(6 * DAY);
  await settle();
  expect(await summary()).toMatchObject({ pendingFen: 590, availableFen: 0 });
  g.clock.advance(1 * DAY + 1000);
  await settle();
  expect(await summary()).toMatchObject({ pendingFen: 0, availableFen: 590 });

  await g.call('order', 'demo-student-2', { action: 'requestRefund', orderId: mate.data.orderId, amountFen: 1000, reason: '少了一个配件' });
  await g.call('merchant', 'demo-merchant-2', { action: 'approveRefund', orderId: mate.data.orderId });
  await g.tick();
  await settle();
  expect(await summary()).toMatchObject({ pendingFen: 0, availableFen: 490, earnedFen: 590, clawedBackFen: 100 });
  const before = g.fingerprint();
  await settle();
  await settle();
  expect(g.fingerprint()).toBe(before);
  const postings = (await g.cloud.db.collection('ledger').get()).data as unknown as { lines: { fen: number }[] }[];
  expect(postings.flatMap((p) => p.lines).reduce((s, l) => s + l.fen, 0)).toBe(0);
  expect(postings).toHaveLength(3); // accrue, mature, clawback
  expect(postings.find((p) => (p as unknown as { kind: string }).kind === 'clawback')).toMatchObject({ corrects: expect.stringMatching(/^accrue:/) });
});

it("the leader's own order brought by nobody earns nothing; a KOC's own purchase earns nothing by default", async () => {
  const g = await groupbuyCloud();
  const share = await g.call<{ code: string }>('share', 'demo-koc-1', { action: 'create', targetType: 'product', targetId: 'p-lamp', channel: 'chat' });
  if (!share.ok) throw new Error(share.message);
  await g.call('share', 'demo-koc-1', { action: 'open', code: share.data.code, scene: 1007 }); // self-referral is refused anyway
  const lead = await g.open('demo-koc-1', 'c-lamp');
  const mate = lead.ok ? await g.join('demo-student-1', lead.data.groupId) : lead;
  if (!lead.ok || !mate.ok) throw new Error('setup failed');
  await g.pay('demo-koc-1', lead.data.orderId);
  await g.pay('demo-student-1', mate.data.orderId);
  await g.cloud.invoke('commission', { Type: 'Timer', TriggerName: 'settle' }, { source: 'wx_trigger' });
  expect((await g.cloud.db.collection('ledger').count()).total).toBe(0);
});

it("a group that fills pays its leader the campaign's reward through the ledger, available after the leader's order completes", async () => {
  const g = await groupbuyCloud();
  const settle = () => g.cloud.invoke('commission', { Type: 'Timer', TriggerName: 'settle' }, { source: 'wx_trigger' });
  const now = g.clock.now();
  const made = await g.call<{ campaignId: string }>('merchant', 'demo-merchant-1', {
    action: 'createCampaign',
    productId: 'p-desk',
    requestId: g.rid(),
    groupPriceFen: 3900,
    groupSize: 2,
    stock: 10,
    startAt: now - 1000,
    endAt: now + 7 * DAY,
    leaderRewardFen: 300,
  });
  if (!made.ok) throw new Error(made.message);
  const lead = await g.open('demo-student-1', made.data.campaignId);
  const mate = lead.ok ? await g.join('demo-student-2', lead.data.groupId) : lead;
  if (!lead.ok || !mate.ok) throw new Error('setup failed');
  await g.pay('demo-student-1', lead.data.orderId);
  await settle();
  expect((await g.cloud.db.collection('ledger').count()).total).toBe(0); // not before the group fills
  await g.pay('demo-student-2', mate.data.orderId);
  await settle();
  await settle();
  const summary = async () =>
    (await g.call<{ pendingFen: number; availableFen: number }>('commission', 'demo-student-1', { action: 'summary' })) as {
      ok: true;
      data: { pendingFen: number; availableFen: number };
    };
  expect((await summary()).data).toMatchObject({ pendingFen: 300, availableFen: 0 });
  await g.call('merchant', 'demo-merchant-1', { action: 'readyForPickup', orderId: lead.data.orderId });
  await g.call('order', 'demo-student-1', { action: 'confirmReceipt', orderId: lead.data.orderId });
  await settle();
  g.clock.advance(7 * DAY + 1000);
  await settle();
  expect((await summary()).data).toMatchObject({ pendingFen: 0, availableFen: 300 });
});
