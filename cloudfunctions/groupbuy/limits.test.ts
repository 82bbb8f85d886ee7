import type { Ctx } from '../../server/context';
import { openGroup } from '../../server/groupbuy/open-group';
// Limits that must hold under concurrency (random 0-3 ms before every database operation, so
// requests interleave as they do against WeChat's database): the per-student limit, stock,
// closed campaigns, one open unpaid group per student, and stock an unpaid leader held.

import { paidGroup, STUDENTS, world } from './fixture';
import { orderInvariants } from './invariants';

const random = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const [A, B, C] = STUDENTS;

describe('limits under concurrency', () => {
  it('perStudentLimit 2: ten joins at once by one student into ten groups hold at most 2 seats', async () => {
    const w = await world({ latencyMs: [0, 3], random: random(7), perStudentLimit: 2, stock: 100, groupSize: 2 });
    const leaders = [];
    for (let i = 0; i < 10; i++) {
      const lead = await w.open(`fx-lead-${i}`);
      if (!lead.ok) throw new Error(lead.message);
      leaders.push(lead.data.groupId);
    }
    const answers = await Promise.all(leaders.map((g) => w.join(A, g)));
    expect(answers.filter((a) => a.ok)).toHaveLength(2);
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.code))).toEqual(Array(8).fill('LIMIT_REACHED'));
    const mine = (await w.orders()).filter((o) => o.buyer === A && ['created', 'reserving'].includes(o.status));
    expect(mine).toHaveLength(2);
    expect(await orderInvariants(w, false)).toEqual([]);
  });

  it('a seat given back (expired) frees its unit of the limit; a second open unpaid group is refused with UNPAID_GROUP', async () => {
    const w = await world({ perStudentLimit: 2, stock: 100 });
    const first = await w.open(A);
    expect(first.ok).toBe(true);
    expect(await w.open(A)).toMatchObject({ ok: false, code: 'UNPAID_GROUP' });
    if (!first.ok) return;
    await w.pay(A, first.data.orderId);
    const second = await w.open(A); // paid: the slot is free again
    expect(second.ok).toBe(true);
    expect(await w.open(A)).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    w.clock.advance(16 * 60_000);
    await w.settle(); // the unpaid second seat expires
    expect((await w.open(A)).ok).toBe(true);
    expect(await orderInvariants(w, true)).toEqual([]);
  });

  it('a refused 开团 leaves nothing in 我的订单: only orders that held a seat or took money are listed', async () => {
    const w = await world({ perStudentLimit: 2, stock: 100 });
    const first = await w.open(A);
    expect(await w.open(A)).toMatchObject({ ok: false, code: 'UNPAID_GROUP' });
    expect(await w.open(A)).toMatchObject({ ok: false, code: 'UNPAID_GROUP' });
    const list = await w.call<{ items: { id: string }[] }>('order', A, { action: 'list' });
    expect(list.ok && list.data.items.map((o) => o.id)).toEqual([first.ok && first.data.orderId]);
  });

  it('SOLD_OUT: stock for one group; of five opens at once one wins, stock never below zero', async () => {
    const w = await world({ latencyMs: [0, 3], random: random(3), stock: 3, groupSize: 3 });
    const answers = await Promise.all(STUDENTS.slice(0, 5).map((s) => w.open(s)));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.code))).toEqual(Array(4).fill('SOLD_OUT'));
    expect((await w.campaign()).stock).toBe(0);
    expect(await orderInvariants(w, false)).toEqual([]);
  });

  it('CAMPAIGN_CLOSED: before its start, after its end and once the merchant closed it; nothing written', async () => {
    const w = await world({ startInMs: 3600_000 });
    const before = w.fingerprint();
    expect(await w.open(A)).toMatchObject({ ok: false, code: 'CAMPAIGN_CLOSED' });
    expect(w.fingerprint()).toBe(before);
    const live = await w.makeCampaign({ endInMs: 3600_000 });
    const lead = await w.open(A, w.rid(), live);
    if (!lead.ok) throw new Error(lead.message);
    w.clock.advance(2 * 3600_000);
    const after = w.fingerprint();
    expect(await w.open(B, w.rid(), live)).toMatchObject({ ok: false, code: 'CAMPAIGN_CLOSED' });
    expect(await w.join(B, lead.data.groupId)).toMatchObject({ ok: false, code: 'CAMPAIGN_CLOSED' });
    expect(w.fingerprint()).toBe(after);
    const closing = await w.makeCampaign();
    await w.call('merchant', 'fx-owner', { action: 'closeCampaign', campaignId: closing });
    expect(await w.open(C, w.rid(), closing)).toMatchObject({ ok: false, code: 'CAMPAIGN_CLOSED' });
  });

  it("a leader's request retried after its group ended cannot set stock aside again; the campaign lists only groups holding stock", async () => {
    const w = await world({ stock: 6, groupSize: 2 });
    const lead = await w.open(A, 'fx-late-retry');
    if (!lead.ok) throw new Error(lead.message);
    const other = await w.open(B);
    if (!other.ok) throw new Error(other.message);
    expect((await w.campaign()).heldGroups.sort()).toEqual([lead.data.groupId, other.data.groupId].sort());
    w.clock.advance(16 * 60_000); // both unpaid seats expire: the groups end, their stock goes back
    await w.settle();
    expect(await w.campaign()).toMatchObject({ stock: 6, heldGroups: [] });
    const retry = await w.open(A, 'fx-late-retry');
    expect(retry.ok).toBe(false);
    await w.settle();
    expect(await w.campaign()).toMatchObject({ stock: 6, heldGroups: [] });
    expect(await orderInvariants(w, true)).toEqual([]);
  });

  it('a reservation racing the end of its own group (the request resumed after the sweep gave the stock back) returns what it took', async () => {
    const w = await world({ stock: 6, groupSize: 2 });
    const lead = await w.open(A);
    if (!lead.ok) throw new Error(lead.message);
    w.clock.advance(16 * 60_000);
    await w.settle(); // the group ended empty and its 2 units went back
    expect(await w.campaign()).toMatchObject({ stock: 6, heldGroups: [] });
    // The leader's request, paused before openGroup, resumes now: the step runs as finish() runs it.
    const ctx = { db: w.cloud.db, now: w.clock.now, openid: A } as unknown as Ctx;
    expect(await openGroup(ctx, await w.campaign(), lead.data.groupId, A)).toBe('GROUP_CLOSED');
    expect(await w.campaign()).toMatchObject({ stock: 6, heldGroups: [] });
    expect(await orderInvariants(w, true)).toEqual([]);
  });

  it('a succeeded group sells its units once: a late retry of its leader that reserves again gets them back at once', async () => {
    const w = await world({ stock: 6, groupSize: 2 });
    const { groupId } = await paidGroup(w);
    await w.settle();
    expect(await w.campaign()).toMatchObject({ stock: 4, heldGroups: [] });
    expect(await w.group(groupId)).toMatchObject({ status: 'succeeded', stockState: 'sold' });
    const ctx = { db: w.cloud.db, now: w.clock.now, openid: A } as unknown as Ctx;
    expect(await openGroup(ctx, await w.campaign(), groupId, A)).toBe('GROUP_CLOSED');
    expect(await w.campaign()).toMatchObject({ stock: 4, heldGroups: [] });
    expect(await orderInvariants(w, true)).toEqual([]);
  });

  it('stock a dead retry left held by a settled group goes back on the next sweep', async () => {
    const w = await world({ stock: 6, groupSize: 2 });
    const lead = await w.open(A);
    if (!lead.ok) throw new Error(lead.message);
    w.clock.advance(16 * 60_000);
    await w.settle();
    // What a retry that reserved again and died before giving it back leaves behind.
    const _ = w.cloud.db.command;
    await w.cloud.db
      .collection('campaigns')
      .doc(w.campaignId)
      .update({ data: { stock: _.inc(-2), heldGroups: _.push([lead.data.groupId]) } });
    expect(await orderInvariants(w, true)).toContain(`campaign ${w.campaignId}: settled group ${lead.data.groupId} still holds stock`);
    await w.settle();
    expect(await w.campaign()).toMatchObject({ stock: 6, heldGroups: [] });
    expect(await orderInvariants(w, true)).toEqual([]);
  });

  it('a campaign of the older shape (every group reserved and released listed) is moved to heldGroups by the sweep', async () => {
    const w = await world({ stock: 6, groupSize: 2 });
    const lead = await w.open(A); // holds 2 units
    if (!lead.ok) throw new Error(lead.message);
    const _ = w.cloud.db.command;
    await w.cloud.db
      .collection('campaigns')
      .doc(w.campaignId)
      .update({ data: { heldGroups: _.remove(), reservedGroups: ['g-old', lead.data.groupId], releasedGroups: ['g-old'] } });
    await w.tick();
    const c = await w.all<Record<string, unknown>>('campaigns');
    expect(c[0]).toMatchObject({ heldGroups: [lead.data.groupId], stock: 4 });
    expect(c[0]).not.toHaveProperty('reservedGroups');
    expect(c[0]).not.toHaveProperty('releasedGroups');
  });

  it("an unpaid leader's expired seat gives the group's stock back at once, not at the deadline", async () => {
    const w = await world({ stock: 4, groupSize: 2 });
    const lead = await w.open(A);
    if (!lead.ok) throw new Error(lead.message);
    expect((await w.campaign()).stock).toBe(2);
    w.clock.advance(16 * 60_000); // seat paid within 15 minutes, or it expires
    await w.settle();
    expect(await w.group(lead.data.groupId)).toMatchObject({ status: 'failed', failedReason: 'empty', settled: true, taken: 0 });
    expect((await w.campaign()).stock).toBe(4);
    // The group is gone from the campaign page.
    const page = await w.call<{ openGroups: unknown[] }>('groupbuy', B, { action: 'getCampaign', campaignId: w.campaignId });
    expect(page).toMatchObject({ ok: true, data: { openGroups: [] } });
    expect(await orderInvariants(w, true)).toEqual([]);
  });

  it('a request id reused for another target is another intent: after GROUP_FULL the same id still opens a group', async () => {
    const w = await world({ groupSize: 2 });
    const lead = await w.open(A);
    if (!lead.ok) throw new Error(lead.message);
    expect((await w.join(B, lead.data.groupId)).ok).toBe(true);
    expect(await w.join(C, lead.data.groupId, 'fx-reused-1')).toMatchObject({ ok: false, code: 'GROUP_FULL' });
    expect(await w.open(C, 'fx-reused-1')).toMatchObject({ ok: true });
  });
});
