// A small world of its own for order and group-buy tests (never the demo seed): a campus, a
// shop and its owner, one product, a campaign made through merchant.createCampaign, students.
// With `durable`, the cloud can crash after the k-th write and restart on the same data.
import { simulatePayment } from '../../local-cloud/pay-sim';
import { type TestCloudOptions, testCloud } from '../../local-cloud/testing';
import type { CampaignDoc, GroupDoc } from '../../server/groupbuy/groups';
import type { OrderDoc } from '../../server/orders/orders';
import type { RefundDoc } from '../../server/payments/refunds';

export const OWNER = 'fx-owner';
export const SHOP = 'fx-shop';
export const STUDENTS = ['fx-s1', 'fx-s2', 'fx-s3', 'fx-s4', 'fx-s5', 'fx-s6'];
export const PRICE_FEN = 1990;

export interface CampaignSpec {
  groupSize?: number;
  stock?: number;
  perStudentLimit?: number;
  startInMs?: number;
  endInMs?: number;
  groupHours?: number;
}

type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export async function world(options: TestCloudOptions & CampaignSpec = {}) {
  const t = await testCloud({ ...options, seed: false });
  const db = () => t.cloud.db;
  const now = new Date(t.clock.now());
  await db()
    .collection('campuses')
    .add({ data: { _id: 'fx-campus', name: '测试大学', city: '上海', periods: [] } });
  for (const [openid, roles] of [[OWNER, ['student', 'merchant']], ...STUDENTS.map((s) => [s, ['student']])] as [string, string[]][]) {
    const user = {
      _id: openid,
      roles,
      campusId: 'fx-campus',
      nickname: openid,
      avatarUrl: '',
      grade: null,
      major: '',
      interests: [],
      createdAt: now,
      updatedAt: now,
    };
    await db().collection('users').add({ data: user });
  }
  await db()
    .collection('merchants')
    .add({ data: { _id: SHOP, name: '测试小店', logo: '', campusId: 'fx-campus', ownerOpenid: OWNER } });
  const product = { _id: 'fx-product', merchantId: SHOP, title: '测试台灯', subtitle: '', description: '测试用', priceFen: 2990, originalPriceFen: null };
  await db()
    .collection('products')
    .add({ data: { ...product, images: [], category: 'life', status: 'on_sale', listedKey: `${t.clock.now()}_fx-product`, createdAt: now } });

  let n = 0;
  const rid = () => `fx-request-${n++}`;
  const makeCampaign = async (spec: CampaignSpec = {}) => {
    const made = await t.call<{ campaignId: string }>('merchant', OWNER, {
      action: 'createCampaign',
      productId: 'fx-product',
      requestId: rid(),
      groupPriceFen: PRICE_FEN,
      groupSize: spec.groupSize ?? 2,
      groupHours: spec.groupHours ?? 24,
      startAt: t.clock.now() + (spec.startInMs ?? -60_000),
      endAt: t.clock.now() + (spec.endInMs ?? 30 * 86_400_000),
      stock: spec.stock ?? 10,
      perStudentLimit: spec.perStudentLimit ?? 2,
    });
    if (!made.ok) throw new Error(`fixture: createCampaign failed: ${made.message}`);
    return made.data.campaignId;
  };
  const campaignId = await makeCampaign(options);

  type Seat = Answer<{ groupId: string; orderId: string }>;
  const open = (who: string, requestId = rid(), cid = campaignId) => t.call('groupbuy', who, { action: 'open', campaignId: cid, requestId }) as Promise<Seat>;
  const join = (who: string, groupId: string, requestId = rid()) => t.call('groupbuy', who, { action: 'join', groupId, requestId }) as Promise<Seat>;
  /** The buyer asks to pay (the server prices it), then WeChat reports success `repeat` times. */
  const pay = async (who: string, orderId: string, repeat = 1) => {
    const res = await t.call('order', who, { action: 'pay', orderId });
    if (res.ok) await simulatePayment(t.cloud, orderId, 'success', repeat);
    return res;
  };
  const tick = () => t.cloud.invoke('groupbuy', { Type: 'Timer', TriggerName: 'sweep', Time: new Date(t.clock.now()).toISOString() }, { source: 'wx_trigger' });
  /** Runs the timer until a run changes nothing (at most 20 runs). */
  const settle = async () => {
    for (let i = 0; i < 20; i++) {
      const before = t.fingerprint();
      await tick();
      if (t.fingerprint() === before) return i;
    }
    throw new Error('the sweep never settled');
  };
  const get = async <T>(c: string, id: string) => (await db().collection<T>(c).where({ _id: id }).limit(1).get()).data[0] as T;
  const all = async <T>(c: string) => {
    const out: T[] = [];
    for (let skip = 0; ; skip += 100) {
      const { data } = await db().collection<T>(c).orderBy('_id', 'asc').skip(skip).limit(100).get();
      out.push(...(data as T[]));
      if (data.length < 100) return out;
    }
  };
  return {
    ...t,
    /** The cloud now running (a restart replaces it). */
    get cloud() {
      return t.cloud;
    },
    campaignId,
    makeCampaign,
    rid,
    open,
    join,
    pay,
    tick,
    settle,
    order: (id: string) => get<OrderDoc>('orders', id),
    group: (id: string) => get<GroupDoc>('groups', id),
    campaign: (id = campaignId) => get<CampaignDoc>('campaigns', id),
    orders: () => all<OrderDoc>('orders'),
    groups: () => all<GroupDoc>('groups'),
    refunds: () => all<RefundDoc>('refunds'),
    events: (type: string) => all<{ _id: string; type: string; orderId?: string; groupId?: string }>('events').then((e) => e.filter((x) => x.type === type)),
    all,
  };
}

export type World = Awaited<ReturnType<typeof world>>;

/** Two students fill a 2-seat group and pay: the group succeeds. */
export async function paidGroup(w: World, a = STUDENTS[0], b = STUDENTS[1]) {
  const lead = await w.open(a);
  if (!lead.ok) throw new Error(lead.message);
  const mate = await w.join(b, lead.data.groupId);
  if (!mate.ok) throw new Error(mate.message);
  await w.pay(a, lead.data.orderId);
  await w.pay(b, mate.data.orderId);
  return { groupId: lead.data.groupId, leader: lead.data.orderId, mate: mate.data.orderId };
}
