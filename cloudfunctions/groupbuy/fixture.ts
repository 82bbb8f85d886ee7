// A small world of its own for order and group-buy tests (never the demo seed): a campus, a
// shop and its owner, one product, a campaign made through merchant.createCampaign, students.
// With `durable`, the cloud can crash after the k-th write and restart on the same data.
import type { CommissionSummary } from '../../core/contracts/commission';
import { simulatePayment } from '../../local-cloud/pay-sim';
import { type TestCloudOptions, testCloud } from '../../local-cloud/testing';
import type { ProductDoc } from '../../server/catalog/products';
import type { StockFields } from '../../server/catalog/stock';
import type { CampaignDoc, GroupDoc } from '../../server/groupbuy/groups';
import type { OrderDoc } from '../../server/orders/orders';
import type { RefundDoc } from '../../server/payments/refunds';

export const OWNER = 'fx-owner';
export const SHOP = 'fx-shop';
export const STUDENTS = ['fx-s1', 'fx-s2', 'fx-s3', 'fx-s4', 'fx-s5', 'fx-s6'];
export const PRICE_FEN = 1990;
/** A KOC whose cards students open (see `bind`). */
export const KOC = 'fx-koc';
/** The owner of a second shop on the same campus: never allowed to touch the first shop's orders. */
export const RIVAL = 'fx-rival';
export const RIVAL_SHOP = 'fx-rival-shop';

export interface CampaignSpec {
  groupSize?: number;
  stock?: number;
  perStudentLimit?: number;
  startInMs?: number;
  endInMs?: number;
  groupHours?: number;
  /** The group price (default PRICE_FEN); it must stay below the product's price. */
  groupPriceFen?: number;
  course?: { name: string };
  leaderRewardFen?: number;
}

export interface WorldOptions extends TestCloudOptions, CampaignSpec {
  /** The product's own price (default 2990). */
  productPriceFen?: number;
  /** The product's own stock, for orders bought alone (default 10). */
  productStock?: number;
}

/** The test shop's pickup points and delivery (set with `shopFulfilment()`). */
export const SHOP_FULFILMENT = {
  pickupPoints: [
    { name: '二食堂门口', place: '二食堂东门左手边', hours: '每天 11:30-13:00、17:00-19:00' },
    { name: '图书馆东侧快递柜', place: '图书馆东侧', hours: '全天' },
  ],
  delivery: { enabled: true, note: '晚上 9 点后送到宿舍楼下' },
};
export const ADDRESS = { building: '竹园 3 号楼', room: '502', name: '学生二', phone: '13800000002' };

/** Everyone in the world and their roles; nicknames are never openids, so views can be checked for leaks. */
const PEOPLE: [string, string[]][] = [
  [OWNER, ['student', 'merchant']],
  [RIVAL, ['merchant']],
  [KOC, ['student', 'koc']],
  ...STUDENTS.map((s): [string, string[]] => [s, ['student']]),
];
export const NICKNAME: Record<string, string> = {
  [OWNER]: '店主',
  [RIVAL]: '隔壁店主',
  [KOC]: '种草达人',
  ...Object.fromEntries(STUDENTS.map((s, i) => [s, `学生${'一二三四五六'[i]}`])),
};
export const CAMPUS = { id: 'fx-campus', name: '测试大学' };
export const SHOP_NAME = '测试小店';
export const PRODUCT = { id: 'fx-product', title: '测试台灯', priceFen: 2990 };

type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export async function world(options: WorldOptions = {}) {
  const t = await testCloud({ ...options, seed: false });
  const db = () => t.cloud.db;
  const now = new Date(t.clock.now());
  await db()
    .collection('campuses')
    .add({ data: { _id: CAMPUS.id, name: CAMPUS.name, city: '上海', periods: [] } });
  for (const [openid, roles] of PEOPLE) {
    const user = {
      _id: openid,
      roles,
      campusId: 'fx-campus',
      nickname: NICKNAME[openid],
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
    .add({ data: { _id: SHOP, name: SHOP_NAME, logo: '', campusId: 'fx-campus', ownerOpenid: OWNER } });
  await db()
    .collection('merchants')
    .add({ data: { _id: RIVAL_SHOP, name: '隔壁小店', logo: '', campusId: 'fx-campus', ownerOpenid: RIVAL } });
  // The KOC is an approved KOC of both programs (a trial passed a year ago), so their cards earn; other
  // students' cards are plain shares (programs pay approved KOCs only by default).
  for (const shop of [SHOP, RIVAL_SHOP])
    await db()
      .collection('koc_members')
      .add({ data: { _id: `${shop}:${KOC}`, merchantId: shop, openid: KOC, since: new Date(now.getTime() - 365 * 86_400_000), via: 'trial' } });
  const product = {
    _id: 'fx-product',
    merchantId: SHOP,
    title: PRODUCT.title,
    subtitle: '',
    description: '测试用',
    priceFen: options.productPriceFen ?? PRODUCT.priceFen,
    originalPriceFen: null,
    stock: options.productStock ?? 10,
    stocked: options.productStock ?? 10,
  };
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
      groupPriceFen: spec.groupPriceFen ?? PRICE_FEN,
      groupSize: spec.groupSize ?? 2,
      groupHours: spec.groupHours ?? 24,
      startAt: t.clock.now() + (spec.startInMs ?? -60_000),
      endAt: t.clock.now() + (spec.endInMs ?? 30 * 86_400_000),
      stock: spec.stock ?? 10,
      perStudentLimit: spec.perStudentLimit ?? 2,
      ...(spec.course ? { course: spec.course } : {}),
      ...(spec.leaderRewardFen !== undefined ? { leaderRewardFen: spec.leaderRewardFen } : {}),
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
  /** `koc` shares the product on a card and `buyer` opens it: `buyer`'s next orders carry that binding. */
  const bind = async (buyer: string, koc = KOC, channel: 'chat' | 'group' = 'chat', scene = 1007) => {
    const card = await t.call<{ code: string }>('share', koc, { action: 'create', targetType: 'product', targetId: 'fx-product', channel });
    if (!card.ok) throw new Error(`fixture: share failed: ${card.message}`);
    await t.call('share', buyer, { action: 'open', code: card.data.code, scene });
    return card.data.code;
  };
  /** The shop saves SHOP_FULFILMENT (or `f`); returns what was stored, pickup point ids included. */
  const shopFulfilment = async (f: object = SHOP_FULFILMENT, owner = OWNER) => {
    const saved = await t.call<{ pickupPoints: { id: string; name: string }[]; delivery: { enabled: boolean } }>('merchant', owner, {
      action: 'saveShopFulfilment',
      ...f,
    });
    if (!saved.ok) throw new Error(`fixture: saveShopFulfilment failed: ${saved.message}`);
    return saved.data;
  };
  type Bought = Answer<{ orderId: string }>;
  /** `who` buys the product alone; fulfilment defaults to delivery to ADDRESS. */
  const buy = (who: string, quantity = 1, fulfilment: object = { type: 'delivery', address: ADDRESS }, requestId = rid()) =>
    t.call('order', who, { action: 'buy', productId: 'fx-product', quantity, fulfilment, requestId }) as Promise<Bought>;
  /** The commission timer, once. */
  const settleCommission = () => t.cloud.invoke('commission', { Type: 'Timer', TriggerName: 'settle' }, { source: 'wx_trigger' });
  const summary = async (who = KOC) => {
    const r = await t.call<CommissionSummary>('commission', who, { action: 'summary' });
    if (!r.ok) throw new Error(r.message);
    return r.data;
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
    shopFulfilment,
    buy,
    product: (id = 'fx-product') => get<ProductDoc & StockFields>('products', id),
    open,
    join,
    pay,
    tick,
    settle,
    bind,
    settleCommission,
    summary,
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

/** `buyer` opens the KOC's card, then buys in a 2-seat group `leader` opens; both pay and the
 *  commission timer runs. Returns the buyer's order (the one that carries the KOC's binding). */
export async function kocSale(w: World, buyer: string, leader: string, koc = KOC) {
  await w.bind(buyer, koc);
  const { mate } = await paidGroup(w, leader, buyer);
  await w.settleCommission();
  return mate;
}

/** The merchant ships, the buyer confirms, and the 7-day after-sales window passes. */
export async function mature(w: World, orderId: string, buyer: string) {
  await w.call('merchant', OWNER, { action: 'ship', orderId, carrier: '商家配送' });
  await w.call('order', buyer, { action: 'confirmReceipt', orderId });
  await w.settleCommission();
  w.clock.advance(7 * 86_400_000 + 1000);
  await w.settleCommission();
}
