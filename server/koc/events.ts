// Brand events and trial-product drops (the tier privilege of signing up first). An event has a
// fixed number of places and a sign-up window that opens for 高级 KOCs first, then 中级, then
// 初级 (core/koc-events.ts); only the program's selected KOCs sign up. A place is held by one
// conditional update of the event (its openid pushed to `holders` while `taken` is below the
// capacity and the openid not there yet), so concurrent sign-ups never pass the capacity and a
// repeated one takes no second place; `holders` is the truth of who signed up, and a record per
// sign-up (koc_event_signups, _id `${eventId}:${openid}`) keeps the tier, time and order. A trial
// drop's place is a ¥0 order of its product (server/orders/trial-orders.ts, idempotent by the
// sign-up): a place whose order was not issued (a crash in between) is finished by the next
// sign-up call or by the koc timer (finishTrialSignups); a drop whose product ran out gives the
// place back.
import type { z } from 'zod';
import { campusMonthDayTime } from '../../core/campus-days';
import type { EventResults, EventView, eventInput, MyEventView, SignupView } from '../../core/contracts/koc-events';
import { type EventKind, opensFor, signupState, windowProblem } from '../../core/koc-events';
import { fail, ok } from '../../core/result';
import { TIER_NAMES, TIERS, type Tier } from '../../core/tiers';
import type { ProductDoc } from '../catalog/products';
import { tiersOf } from '../commission/tier-reads';
import { tierOf } from '../commission/tiers';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { hashId } from '../db/hash-id';
import { keysetAfter } from '../db/keyset';
import { isDuplicateKeyError } from '../db/types';
import { issueTrialOrder } from '../orders/trial-orders';
import type { RunBudget } from '../run-budget';
import { eachPage } from '../run-budget';
import { callerMerchant, merchantsById } from '../users/merchants';
import { findUsers } from '../users/users';
import { isMember } from './members';
import type { MemberDoc } from './store';

export interface EventDoc {
  _id: string;
  merchantId: string;
  kind: EventKind;
  title: string;
  description: string;
  place: string | null;
  startsAt: number | null;
  productId: string | null;
  capacity: number;
  /** Places taken: always holders.length, changed with it by one conditional update. */
  taken: number;
  /** Who holds a place (the truth of who signed up; at most 500). */
  holders: string[];
  opensAt: number;
  closesAt: number;
  headStartHours: number;
  createdAt: Date;
}

export interface SignupDoc {
  _id: string; // `${eventId}:${openid}`
  eventId: string;
  merchantId: string;
  openid: string;
  kind: EventKind;
  tier: Tier;
  state: 'in' | 'cancelled';
  /** A trial drop's ¥0 order; null until issued (and always for a brand event). */
  orderId: string | null;
  at: Date;
}

const signupId = (eventId: string, openid: string) => `${eventId}:${openid}`;
/** How long a trial sign-up may wait for its order before the timer issues it. */
const ORDER_GRACE_MS = 2 * 60_000;
/** Events a KOC still sees after sign-up closed (to find their place and its order). */
const SHOWN_AFTER_CLOSE_MS = 7 * 86_400_000;

function view(e: EventDoc, merchantName: string, product: ProductDoc | undefined): EventView {
  return {
    id: e._id,
    merchantId: e.merchantId,
    merchantName,
    kind: e.kind,
    title: e.title,
    description: e.description,
    place: e.place,
    startsAt: e.startsAt,
    product: product ? { id: product._id, title: product.title, image: product.images?.[0] ?? '' } : null,
    capacity: e.capacity,
    taken: e.taken,
    opensAt: e.opensAt,
    closesAt: e.closesAt,
    headStartHours: e.headStartHours,
    opensByTier: Object.fromEntries(TIERS.map((t) => [t, opensFor(e, t)])) as Record<Tier, number>,
  };
}

const notMerchant = () => fail('FORBIDDEN', '只有商家可以管理达人活动');

export async function saveEvent(ctx: Ctx, input: z.output<typeof eventInput.saveEvent>) {
  const shop = await callerMerchant(ctx);
  if (!shop) return notMerchant();
  const problem = windowProblem(input, ctx.now());
  if (problem) return fail('INVALID_INPUT', `${problem.field}: ${problem.message}`);
  if (input.kind === 'trial') {
    const product = input.productId ? await getDoc<ProductDoc & { stock: number }>(ctx, 'products', input.productId) : null;
    if (!product || product.merchantId !== shop._id || product.status !== 'on_sale') return fail('INVALID_INPUT', 'productId: 试用商品要是本店在售的商品');
    if (product.stock < input.capacity) return fail('INVALID_INPUT', `capacity: 库存只有 ${product.stock} 件，少于名额`);
  }
  const doc: EventDoc = {
    _id: `event_${hashId(shop._id, input.requestId)}`,
    merchantId: shop._id,
    kind: input.kind,
    title: input.title,
    description: input.description,
    place: input.kind === 'event' ? (input.place ?? null) : null,
    startsAt: input.kind === 'event' ? (input.startsAt ?? null) : null,
    productId: input.kind === 'trial' ? (input.productId ?? null) : null,
    capacity: input.capacity,
    taken: 0,
    holders: [],
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    headStartHours: input.headStartHours,
    createdAt: new Date(ctx.now()),
  };
  try {
    await ctx.db.collection('koc_events').add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e; // the same request again: the event is there
  }
  return ok<EventResults['saveEvent']>({ eventId: doc._id });
}

export async function listEvents(ctx: Ctx) {
  const shop = await callerMerchant(ctx);
  if (!shop) return notMerchant();
  const { data } = await ctx.db.collection<EventDoc>('koc_events').where({ merchantId: shop._id }).orderBy('createdAt', 'desc').limit(50).get();
  const products = await getDocsByIds<ProductDoc>(
    ctx,
    'products',
    data.flatMap((e) => (e.productId ? [e.productId] : [])),
  );
  return ok<EventResults['listEvents']>({ items: data.map((e) => view(e, shop.name, e.productId ? products.get(e.productId) : undefined)) });
}

export async function eventSignups(ctx: Ctx, { eventId }: z.output<typeof eventInput.eventSignups>) {
  const shop = await callerMerchant(ctx);
  if (!shop) return notMerchant();
  const event = await getDoc<EventDoc>(ctx, 'koc_events', eventId);
  if (!event || event.merchantId !== shop._id) return fail('NOT_FOUND', '没有这个活动');
  // The holders are who signed up; their records (at most 500, five reads) give tier and time.
  const records = await getDocsByIds<SignupDoc>(
    ctx,
    'koc_event_signups',
    event.holders.map((h) => signupId(eventId, h)),
  );
  const signups = event.holders
    .map((openid) => records.get(signupId(eventId, openid)) ?? { openid, tier: 'primary' as Tier, at: new Date(ctx.now()) })
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  const users = await findUsers(
    ctx,
    signups.map((s) => s.openid),
  );
  const items: SignupView[] = signups.map((s) => ({
    nickname: users.get(s.openid)?.nickname || '同学',
    tier: s.tier,
    tierName: TIER_NAMES[s.tier],
    at: new Date(s.at).getTime(),
  }));
  return ok<EventResults['eventSignups']>({ items });
}

/** The events of the programs the caller belongs to that are open, coming, or closed within a week. */
export async function myEvents(ctx: Ctx) {
  const _ = ctx.db.command;
  const { data: members } = await ctx.db.collection<MemberDoc>('koc_members').where({ openid: ctx.openid }).limit(100).get();
  const merchantIds = members.map((m) => m.merchantId);
  if (merchantIds.length === 0) return ok<EventResults['events']>({ programs: [], items: [] });
  const now = ctx.now();
  const { data: events } = await ctx.db
    .collection<EventDoc>('koc_events')
    .where({ merchantId: _.in(merchantIds), closesAt: _.gt(now - SHOWN_AFTER_CLOSE_MS) })
    .orderBy('closesAt', 'asc')
    .limit(50)
    .get();
  const [tiers, signups, shops, products] = await Promise.all([
    tiersOf(ctx, ctx.openid, merchantIds),
    getDocsByIds<SignupDoc>(
      ctx,
      'koc_event_signups',
      events.map((e) => signupId(e._id, ctx.openid)),
    ),
    merchantsById(ctx, merchantIds),
    getDocsByIds<ProductDoc>(
      ctx,
      'products',
      events.flatMap((e) => (e.productId ? [e.productId] : [])),
    ),
  ]);
  const items: MyEventView[] = events.map((e) => {
    const tier = tiers.get(e.merchantId) ?? 'primary';
    const mine = signups.get(signupId(e._id, ctx.openid));
    return {
      ...view(e, shops.get(e.merchantId)?.name ?? '', e.productId ? products.get(e.productId) : undefined),
      myTier: tier,
      myOpensAt: opensFor(e, tier),
      state: signupState(e, tier, e.taken, now),
      signedUp: e.holders.includes(ctx.openid),
      orderId: e.holders.includes(ctx.openid) ? (mine?.orderId ?? null) : null,
    };
  });
  const programs = merchantIds.map((merchantId) => ({ merchantId, merchantName: shops.get(merchantId)?.name ?? '', tier: tiers.get(merchantId) ?? 'primary' }));
  return ok<EventResults['events']>({ programs, items });
}

export async function signUp(ctx: Ctx, { eventId }: z.output<typeof eventInput.signUp>) {
  const event = await getDoc<EventDoc>(ctx, 'koc_events', eventId);
  if (!event) return fail('NOT_FOUND', '没有这个活动');
  if (!(await isMember(ctx, event.merchantId, ctx.openid))) return fail('FORBIDDEN', '只有这家店的达人可以报名');
  const tier = await tierOf(ctx, event.merchantId, ctx.openid);
  if (!event.holders.includes(ctx.openid)) {
    const state = signupState(event, tier, 0, ctx.now());
    if (state === 'closed') return fail('BAD_STATE', '报名已截止');
    if (state === 'not_yet') return fail('NOT_OPEN_YET', `${TIER_NAMES[tier]}从 ${campusMonthDayTime(opensFor(event, tier))} 开始报名`);
    // The place: one conditional update, so concurrent sign-ups never pass the capacity and a
    // student already holding one takes no second.
    const _ = ctx.db.command;
    const res = await ctx.db
      .collection('koc_events')
      .where({ _id: eventId, taken: _.lt(event.capacity), holders: _.nin([ctx.openid]) })
      .update({ data: { taken: _.inc(1), holders: _.push([ctx.openid]) } });
    if (res.stats.updated === 0 && !(await getDoc<EventDoc>(ctx, 'koc_events', eventId))?.holders.includes(ctx.openid))
      return fail('EVENT_FULL', '名额已经报满了');
  }
  await recordSignup(ctx, event, ctx.openid, tier);
  if (event.kind !== 'trial') return ok<EventResults['signUp']>({ eventId, orderId: null });
  const issued = await issueSignupOrder(ctx, event, ctx.openid);
  if (!issued) return fail('EVENT_FULL', '试用商品已经发完了，名额已退回');
  return ok<EventResults['signUp']>({ eventId, orderId: issued });
}

/** The sign-up's record (tier, time, order) for a place held: made once, or back in after a cancellation. */
async function recordSignup(ctx: Ctx, event: EventDoc, openid: string, tier: Tier): Promise<void> {
  const id = signupId(event._id, openid);
  const doc: SignupDoc = {
    _id: id,
    eventId: event._id,
    merchantId: event.merchantId,
    openid,
    kind: event.kind,
    tier,
    state: 'in',
    orderId: null,
    at: new Date(ctx.now()),
  };
  try {
    await ctx.db.collection('koc_event_signups').add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    await ctx.db
      .collection('koc_event_signups')
      .where({ _id: id, state: 'cancelled' })
      .update({ data: { state: 'in', tier, at: doc.at } });
  }
}

/** A trial sign-up's ¥0 order (issued once, recorded on the sign-up); null when the product ran out (the place is given back). */
async function issueSignupOrder(ctx: Ctx, event: EventDoc, openid: string): Promise<string | null> {
  const id = signupId(event._id, openid);
  const r = await issueTrialOrder(ctx, { applicationId: id, productId: event.productId ?? '', buyer: openid, merchantId: event.merchantId });
  if (r.ok) {
    await ctx.db
      .collection('koc_event_signups')
      .where({ _id: id, state: 'in', orderId: null })
      .update({ data: { orderId: r.orderId } });
    return r.orderId;
  }
  await giveBack(ctx, event._id, openid);
  return null;
}

/** The place back (the holder pulled, conditionally, so twice gives back once), then the record cancelled. */
async function giveBack(ctx: Ctx, eventId: string, openid: string): Promise<void> {
  const _ = ctx.db.command;
  await ctx.db
    .collection('koc_events')
    .where({ _id: eventId, holders: openid })
    .update({ data: { taken: _.inc(-1), holders: _.pull(openid) } });
  await ctx.db
    .collection('koc_event_signups')
    .where({ _id: signupId(eventId, openid), state: 'in' })
    .update({ data: { state: 'cancelled' } });
}

export async function cancelSignUp(ctx: Ctx, { eventId }: z.output<typeof eventInput.cancelSignUp>) {
  const event = await getDoc<EventDoc>(ctx, 'koc_events', eventId);
  if (!event) return fail('NOT_FOUND', '没有这个活动');
  if (event.kind === 'trial') return fail('BAD_STATE', '试用名额领取后不能取消，商品会按订单发放');
  if (ctx.now() >= event.closesAt) return fail('BAD_STATE', '报名已截止，不能再取消');
  await giveBack(ctx, eventId, ctx.openid);
  return ok<EventResults['cancelSignUp']>({ eventId });
}

/**
 * Timer step: trial places whose order was never issued (the function died between the place
 * and the order): each trial drop still shown to KOCs is read with its holders' records, and a
 * holder without an order (or without a record) gets both now, or the place back when the
 * product ran out.
 */
export async function finishTrialSignups(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  const base = { kind: 'trial' };
  const since = _.gt(ctx.now() - SHOWN_AFTER_CLOSE_MS);
  let issued = 0;
  await eachPage<EventDoc>(
    budget,
    async (size, last) =>
      (
        await ctx.db
          .collection<EventDoc>('koc_events')
          .where(keysetAfter(_, base, 'closesAt', since, last))
          .orderBy('closesAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(size)
          .get()
      ).data,
    async (event) => {
      const records = await getDocsByIds<SignupDoc>(
        ctx,
        'koc_event_signups',
        event.holders.map((h) => signupId(event._id, h)),
      );
      for (const openid of event.holders) {
        const r = records.get(signupId(event._id, openid));
        if (r?.state === 'in' && r.orderId) continue;
        if (r && r.state === 'in' && ctx.now() - new Date(r.at).getTime() < ORDER_GRACE_MS) continue; // its sign-up may still be issuing it
        await recordSignup(ctx, event, openid, await tierOf(ctx, event.merchantId, openid));
        if (await issueSignupOrder(ctx, event, openid)) issued++;
      }
    },
  );
  return issued;
}
