// What the group-buy pages cost in database round trips (5-20 ms each in WeChat): the same
// number however many rows a page shows. Each world is built twice, with a short and a longer
// page; the counts are equal and equal to the hand count in the comment, so a read per row, or
// one more read anywhere, fails here.
import { RIVAL, RIVAL_SHOP, STUDENTS, type World, world } from './fixture';

/** A product and a live campaign of the rival shop, so the cards name two merchants. */
async function rivalCampaign(w: World) {
  await w.cloud.db.collection('products').add({
    data: {
      _id: 'fx-rival-product',
      merchantId: RIVAL_SHOP,
      title: '隔壁的台灯',
      subtitle: '',
      description: '隔壁的',
      priceFen: 3990,
      originalPriceFen: null,
      images: [],
      category: 'life',
      status: 'on_sale',
      listedKey: `${w.clock.now()}_fx-rival-product`,
      createdAt: new Date(w.clock.now()),
    },
  });
  const made = await w.call<{ campaignId: string }>('merchant', RIVAL, {
    action: 'createCampaign',
    productId: 'fx-rival-product',
    requestId: w.rid(),
    groupPriceFen: 2990,
    groupSize: 2,
    groupHours: 24,
    startAt: w.clock.now() - 60_000,
    endAt: w.clock.now() + 86_400_000,
    stock: 5,
    perStudentLimit: 1,
  });
  if (!made.ok) throw new Error(made.message);
  return made.data.campaignId;
}

describe('group-buy pages cost the same whatever their length', () => {
  it('listCampaigns: 2 reads for 2 campaigns and for 12 (campaigns, then their merchants)', async () => {
    const page = async (n: number) => {
      const w = await world();
      await rivalCampaign(w);
      for (let i = 2; i < n; i++) await w.makeCampaign();
      const m = await w.callMetered<{ id: string; merchantName: string }[]>('groupbuy', STUDENTS[0], { action: 'listCampaigns' });
      w.dispose();
      return m;
    };
    const [small, large] = [await page(2), await page(12)];
    if (!small.result.ok || !large.result.ok) throw new Error('listCampaigns failed');
    expect([small.result.data.length, large.result.data.length]).toEqual([2, 12]);
    // Each card names its own shop (the join is by the campaign's merchantId, not the first one).
    expect(new Set(large.result.data.map((c) => c.merchantName))).toEqual(new Set(['测试小店', '隔壁小店']));
    // 1 campaigns query + 1 merchants `_.in` query.
    expect([small.ops.reads, large.ops.reads]).toEqual([2, 2]);
    expect([small.ops.writes, large.ops.writes]).toEqual([0, 0]);
  });

  it('getCampaign: 5 reads with 2 open groups and with 5', async () => {
    const page = async (n: number) => {
      const w = await world({ groupSize: 2, stock: 10, perStudentLimit: 2 });
      for (const s of STUDENTS.slice(0, n)) {
        const lead = await w.open(s);
        if (!lead.ok) throw new Error(lead.message);
      }
      const m = await w.callMetered<{ openGroups: { leaderNickname: string }[]; merchantName: string; description: string }>('groupbuy', STUDENTS[5], {
        action: 'getCampaign',
        campaignId: w.campaignId,
      });
      w.dispose();
      return m;
    };
    const [small, large] = [await page(2), await page(5)];
    if (!small.result.ok || !large.result.ok) throw new Error('getCampaign failed');
    expect(large.result.data.openGroups.map((g) => g.leaderNickname).sort()).toEqual(['学生一', '学生二', '学生三', '学生四', '学生五'].sort());
    expect(large.result.data).toMatchObject({ merchantName: '测试小店', description: '测试用' });
    // 1 campaign by id + 1 open groups query + 1 leaders (users `_.in`) + 1 product + 1 merchant.
    expect([small.ops.reads, large.ops.reads]).toEqual([5, 5]);
    expect([small.ops.writes, large.ops.writes]).toEqual([0, 0]);
  });

  it('getGroup: 4 reads for a group of 2 members and of 5', async () => {
    const page = async (n: number) => {
      const w = await world({ groupSize: 5 });
      const lead = await w.open(STUDENTS[0]);
      if (!lead.ok) throw new Error(lead.message);
      for (const s of STUDENTS.slice(1, n)) {
        const seat = await w.join(s, lead.data.groupId);
        if (!seat.ok) throw new Error(seat.message);
      }
      await w.pay(STUDENTS[0], lead.data.orderId);
      const m = await w.callMetered<{ members: { nickname: string; leader: boolean; paid: boolean }[]; myOrderId: string | null }>('groupbuy', STUDENTS[1], {
        action: 'getGroup',
        groupId: lead.data.groupId,
      });
      w.dispose();
      return m;
    };
    const [small, large] = [await page(2), await page(5)];
    if (!small.result.ok || !large.result.ok) throw new Error('getGroup failed');
    expect(large.result.data.members).toEqual([
      { nickname: '学生一', avatarUrl: '', paid: true, leader: true, money: 'paid' },
      ...['学生二', '学生三', '学生四', '学生五'].map((nickname) => ({ nickname, avatarUrl: '', paid: false, leader: false, money: 'unpaid' })),
    ]);
    expect(large.result.data.myOrderId).not.toBeNull();
    // 1 group by id + 1 campaign by id + 1 member orders query + 1 members (users `_.in`).
    expect([small.ops.reads, large.ops.reads]).toEqual([4, 4]);
    expect([small.ops.writes, large.ops.writes]).toEqual([0, 0]);
  });
});
