// The simulator's own world, built for each seed (never the demo seed): a campus, a shop with a
// product and a group-buy campaign, two KOCs whose cards the students opened, and students.
import type { TestCloudOptions } from '../../local-cloud/testing';
import { testCloud } from '../../local-cloud/testing';

export const SHOP = 'sim-shop';
export const OWNER = 'sim-owner';
export const KOCS = ['sim-koc-1', 'sim-koc-2'];
export const STUDENTS = ['sim-s1', 'sim-s2', 'sim-s3', 'sim-s4', 'sim-s5', 'sim-s6'];
export const PRICE_FEN = 9990;
export const GROUP_SIZE = 3;
export const STOCK = 12;
/** The shop's pickup point (its id as saved); the shop also delivers. */
export const SIM_PICKUP_POINT = 'sim-point';

export type SimCloud = Awaited<ReturnType<typeof testCloud>>;

export async function buildWorld(options: TestCloudOptions): Promise<{ t: SimCloud; campaignId: string }> {
  const t = await testCloud({ ...options, seed: false, durable: true });
  const db = t.cloud.db;
  const now = new Date(t.clock.now());
  await db.collection('campuses').add({ data: { _id: 'sim-campus', name: '模拟大学', city: '上海', periods: [] } });
  const user = (openid: string, roles: string[]) => ({
    _id: openid,
    roles,
    campusId: 'sim-campus',
    nickname: openid,
    avatarUrl: '',
    grade: null,
    major: '',
    interests: [],
    createdAt: now,
    updatedAt: now,
  });
  await db.collection('users').add({ data: user(OWNER, ['student', 'merchant']) });
  for (const k of KOCS) {
    await db.collection('users').add({ data: user(k, ['student', 'koc']) });
    // Approved KOCs of the shop's program (a trial passed): their cards earn.
    await db
      .collection('koc_members')
      .add({ data: { _id: `${SHOP}:${k}`, merchantId: SHOP, openid: k, since: new Date(t.clock.now() - 365 * 86_400_000), via: 'trial' } });
  }
  for (const s of STUDENTS) await db.collection('users').add({ data: user(s, ['student']) });
  const fulfilment = {
    pickupPoints: [{ id: SIM_PICKUP_POINT, name: '二食堂门口', place: '二食堂东门', hours: '每天 11:30-13:00' }],
    delivery: { enabled: true, note: '送到宿舍楼下' },
  };
  await db.collection('merchants').add({ data: { _id: SHOP, name: '模拟小店', logo: '', campusId: 'sim-campus', ownerOpenid: OWNER, fulfilment } });
  await db.collection('products').add({
    data: {
      _id: 'sim-product',
      merchantId: SHOP,
      title: '模拟台灯',
      subtitle: '',
      description: '模拟用的商品',
      priceFen: 12900,
      originalPriceFen: null,
      images: [],
      category: 'digital',
      // Bought alone as well as in groups: few enough units that solo orders run out.
      stock: 10,
      stocked: 10,
      status: 'on_sale',
      listedKey: `${String(t.clock.now()).padStart(15, '0')}_sim-product`,
      createdAt: now,
    },
  });
  const created = await t.call<{ campaignId: string }>('merchant', OWNER, {
    action: 'createCampaign',
    productId: 'sim-product',
    requestId: 'sim-campaign-1',
    groupPriceFen: PRICE_FEN,
    groupSize: GROUP_SIZE,
    groupHours: 24,
    startAt: t.clock.now() - 60_000,
    endAt: t.clock.now() + 365 * 86_400_000,
    stock: STOCK,
    perStudentLimit: 2,
  });
  if (!created.ok) throw new Error(`world: createCampaign failed: ${created.message}`);
  // No after-sales hold: a completed order's commission is available at once, so KOCs have
  // money to withdraw within a run and withdrawals race with refunds and clawbacks.
  const program = await t.call<Record<string, unknown>>('commission', OWNER, { action: 'getProgram' });
  if (!program.ok) throw new Error('world: getProgram failed');
  const set = await t.call('commission', OWNER, { action: 'setProgram', ...program.data, holdDays: 0 });
  if (!set.ok) throw new Error(`world: setProgram failed: ${(set as { message: string }).message}`);
  // Each student met a KOC's card first: their orders carry that KOC's binding.
  for (const [i, s] of STUDENTS.entries()) {
    const koc = KOCS[i % KOCS.length];
    const card = await t.call<{ code: string }>('share', koc, { action: 'create', targetType: 'product', targetId: 'sim-product', channel: 'chat' });
    if (!card.ok) throw new Error(`world: share failed: ${card.message}`);
    const opened = await t.call('share', s, { action: 'open', code: card.data.code, scene: 1007 });
    if (!opened.ok) throw new Error('world: open failed');
  }
  return { t, campaignId: created.data.campaignId };
}
