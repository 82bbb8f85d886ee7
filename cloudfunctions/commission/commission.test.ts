import { KOC, OWNER, PRICE_FEN, STUDENTS, world } from '../groupbuy/fixture';

const DAY = 86_400_000;
const [S1, S2] = STUDENTS;

it('a sale through a KOC card: pending at payment, available after completion + 7 days, a later partial refund claws back pro rata; settling twice posts nothing twice', async () => {
  const g = await world();
  const settle = () => g.settleCommission();
  const summary = () => g.summary(KOC);
  await g.bind(S2, KOC, 'group', 1008);
  const lead = await g.open(S1);
  const mate = lead.ok ? await g.join(S2, lead.data.groupId) : lead;
  if (!lead.ok || !mate.ok) throw new Error('setup failed');
  await g.pay(S1, lead.data.orderId);
  await g.pay(S2, mate.data.orderId, 3);
  await settle();
  // 10% of the fixture's group price PRICE_FEN = 1990 is 199 (the demo lamp's 5900 gave 590).
  expect(PRICE_FEN).toBe(1990);
  expect(await summary()).toMatchObject({ pendingFen: 199, availableFen: 0, earnedFen: 199 });
  const list = await g.call<{ items: { reason: string; rateBp: number; state: string }[] }>('commission', KOC, { action: 'list' });
  expect(list).toMatchObject({ ok: true, data: { items: [{ rateBp: 1000, state: 'pending' }] } });
  expect(list.ok && list.data.items[0].reason).toMatch(/群聊卡片/);

  await g.call('merchant', OWNER, { action: 'ship', orderId: mate.data.orderId, carrier: '商家配送' });
  await g.call('order', S2, { action: 'confirmReceipt', orderId: mate.data.orderId });
  await settle();
  g.clock.advance(6 * DAY);
  await settle();
  expect(await summary()).toMatchObject({ pendingFen: 199, availableFen: 0 });
  g.clock.advance(1 * DAY + 1000);
  await settle();
  expect(await summary()).toMatchObject({ pendingFen: 0, availableFen: 199 });

  await g.call('order', S2, { action: 'requestRefund', orderId: mate.data.orderId, amountFen: 1000, reason: '少件或漏发' });
  await g.call('merchant', OWNER, { action: 'approveRefund', orderId: mate.data.orderId, refundId: (await g.order(mate.data.orderId)).openRefund });
  await g.tick();
  await settle();
  // Pro rata: 1000 of 1990 refunded takes back 199 × 1000 / 1990 = 100, leaving 99 (demo: 100 of 590, leaving 490).
  expect(await summary()).toMatchObject({ pendingFen: 0, availableFen: 99, earnedFen: 199, clawedBackFen: 100 });
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
  const g = await world();
  await g.bind(KOC, KOC); // self-referral is refused anyway
  const lead = await g.open(KOC);
  const mate = lead.ok ? await g.join(S1, lead.data.groupId) : lead;
  if (!lead.ok || !mate.ok) throw new Error('setup failed');
  await g.pay(KOC, lead.data.orderId);
  await g.pay(S1, mate.data.orderId);
  await g.settleCommission();
  expect((await g.cloud.db.collection('ledger').count()).total).toBe(0);
});

it("a group that fills pays its leader the campaign's reward through the ledger, available after the leader's order completes", async () => {
  const g = await world({ groupSize: 2, endInMs: 7 * DAY, leaderRewardFen: 300 });
  const settle = () => g.settleCommission();
  const lead = await g.open(S1);
  const mate = lead.ok ? await g.join(S2, lead.data.groupId) : lead;
  if (!lead.ok || !mate.ok) throw new Error('setup failed');
  await g.pay(S1, lead.data.orderId);
  await settle();
  expect((await g.cloud.db.collection('ledger').count()).total).toBe(0); // not before the group fills
  await g.pay(S2, mate.data.orderId);
  await settle();
  await settle();
  expect(await g.summary(S1)).toMatchObject({ pendingFen: 300, availableFen: 0 });
  await g.call('merchant', OWNER, { action: 'readyForPickup', orderId: lead.data.orderId });
  await g.call('order', S1, { action: 'confirmReceipt', orderId: lead.data.orderId });
  await settle();
  g.clock.advance(7 * DAY + 1000);
  await settle();
  expect(await g.summary(S1)).toMatchObject({ pendingFen: 0, availableFen: 300 });
});
