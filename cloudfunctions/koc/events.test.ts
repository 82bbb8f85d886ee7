import type { EventResults } from '../../core/contracts/koc-events';
import type { HonoursResults } from '../../core/contracts/koc-honours';
import type { SignupDoc } from '../../server/koc/events';
import { KOC, OWNER, PRODUCT, SHOP, STUDENTS } from '../groupbuy/fixture';
import { courseInput, honoursWorld } from './fixture';

const HOUR = 3_600_000;
const [S1, S2, S3, S4, S5, S6] = STUDENTS;

type World = Awaited<ReturnType<typeof honoursWorld>>;

/** Places `openid` at `tier` with the shop, as the monthly tier job would. */
const placeAt = (w: World, openid: string, tier: string) =>
  w.cloud.db.collection('koc_tiers').add({ data: { _id: `${SHOP}:${openid}`, merchantId: SHOP, koc: openid, tier, updatedAt: new Date(w.clock.now()) } });

/** A brand event opening in an hour: 高级 first, each tier 24 h later, closing after 100 h. */
const eventInput = (w: World, extra: Record<string, unknown> = {}) => ({
  action: 'saveEvent',
  requestId: 'event-request-1',
  kind: 'event',
  title: '新品品鉴会',
  description: '试吃新品，现场拍笔记',
  place: '图书馆一楼报告厅',
  startsAt: w.clock.now() + 120 * HOUR,
  capacity: 2,
  opensAt: w.clock.now() + HOUR,
  closesAt: w.clock.now() + 100 * HOUR,
  headStartHours: 24,
  ...extra,
});

const conserved = (p: { stock: number; heldUnits?: number; soloSold?: number; stocked?: number }) =>
  p.stock + (p.heldUnits ?? 0) + (p.soloSold ?? 0) === p.stocked;

describe('koc events: sign-up windows by tier', () => {
  it('advanced KOCs sign up first, then intermediate, then primary; places never exceed capacity', async () => {
    const w = await honoursWorld();
    const t0 = w.clock.now();
    for (const s of [S1, S2]) await w.member(SHOP, s);
    await placeAt(w, KOC, 'advanced');
    await placeAt(w, S1, 'intermediate');
    const { eventId } = await w.must<EventResults['saveEvent']>(OWNER, eventInput(w));
    // The same request again makes one event.
    expect(await w.must(OWNER, eventInput(w))).toEqual({ eventId });
    expect(await w.all('koc_events')).toHaveLength(1);

    // Before opening nobody may sign up; the refusal says when the caller's turn comes (campus time).
    expect(await w.koc(KOC, { action: 'signUp', eventId })).toMatchObject({ ok: false, code: 'NOT_OPEN_YET' });
    w.clock.advance(HOUR);
    expect(await w.must(KOC, { action: 'signUp', eventId })).toEqual({ eventId, orderId: null });
    const early = await w.koc(S1, { action: 'signUp', eventId });
    expect(early).toEqual({ ok: false, code: 'NOT_OPEN_YET', message: expect.stringMatching(/^中级达人从 \d+月\d+日 \d\d:\d\d 开始报名$/) });
    // A student who is not a KOC of the program is refused whatever the time.
    expect(await w.koc(S3, { action: 'signUp', eventId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const mine = await w.must<EventResults['events']>(S2, { action: 'events' });
    expect(mine.items[0]).toMatchObject({ id: eventId, myTier: 'primary', myOpensAt: t0 + HOUR + 48 * HOUR, state: 'not_yet', signedUp: false, taken: 1 });

    w.clock.advance(24 * HOUR);
    await w.must(S1, { action: 'signUp', eventId });
    // Repeating a sign-up takes no second place.
    await w.must(S1, { action: 'signUp', eventId });
    w.clock.advance(24 * HOUR);
    expect(await w.koc(S2, { action: 'signUp', eventId })).toMatchObject({ ok: false, code: 'EVENT_FULL' });
    expect((await w.must<EventResults['events']>(S2, { action: 'events' })).items[0]).toMatchObject({ state: 'full', taken: 2 });

    // A place given back goes to the next KOC whose turn has come.
    await w.must(KOC, { action: 'cancelSignUp', eventId });
    await w.must(S2, { action: 'signUp', eventId });
    const listed = await w.must<EventResults['listEvents']>(OWNER, { action: 'listEvents' });
    expect(listed.items[0]).toMatchObject({ taken: 2, capacity: 2 });
    const who = await w.must<EventResults['eventSignups']>(OWNER, { action: 'eventSignups', eventId });
    expect(who.items.map((s) => s.tierName)).toEqual(['中级达人', '初级达人']);

    w.clock.advance(100 * HOUR);
    expect(await w.koc(KOC, { action: 'signUp', eventId })).toMatchObject({ ok: false, code: 'BAD_STATE', message: '报名已截止' });
    expect(await w.koc(S1, { action: 'cancelSignUp', eventId })).toMatchObject({ ok: false, code: 'BAD_STATE' });
  });

  it('twelve sign-ups at once with latency: exactly the capacity, and one student asking five times takes one place', async () => {
    const w = await honoursWorld({ latencyMs: [0, 3] });
    const kocs = [KOC, S1, S2, S3, S4, S5, S6];
    for (const s of kocs.slice(1)) await w.member(SHOP, s);
    const { eventId } = await w.must<EventResults['saveEvent']>(OWNER, eventInput(w, { capacity: 3, opensAt: w.clock.now() + 1000 }));
    w.clock.advance(49 * HOUR);
    const answers = await Promise.all([...kocs, S1, S1, S1, S1, S1].map((s) => w.koc(s, { action: 'signUp', eventId })));
    const signups = (await w.all<SignupDoc>('koc_event_signups')).filter((s) => s.state === 'in');
    const event = (await w.all<{ taken: number }>('koc_events'))[0];
    expect(signups).toHaveLength(3);
    expect(event.taken).toBe(3);
    expect(new Set(signups.map((s) => s.openid)).size).toBe(3);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.code === 'EVENT_FULL')).toBe(true);
  });

  it('bad input writes nothing', async () => {
    const w = await honoursWorld();
    const before = w.fingerprint();
    // The lowest tier's turn would come after sign-up closed.
    expect(await w.koc(OWNER, eventInput(w, { closesAt: w.clock.now() + 40 * HOUR, startsAt: w.clock.now() + 50 * HOUR }))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(await w.koc(OWNER, eventInput(w, { startsAt: w.clock.now() + 2 * HOUR }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await w.koc(OWNER, eventInput(w, { capacity: 0 }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await w.koc(KOC, eventInput(w))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // A trial drop with more places than the product has units.
    const trial = eventInput(w, { kind: 'trial', place: undefined, startsAt: undefined, productId: PRODUCT.id, capacity: 11 });
    expect(await w.koc(OWNER, trial)).toEqual({ ok: false, code: 'INVALID_INPUT', message: 'capacity: 库存只有 10 件，少于名额' });
    expect(w.fingerprint()).toBe(before);
  });
});

describe('koc events: trial drops', () => {
  const trialDrop = (w: World, capacity = 2) =>
    eventInput(w, { kind: 'trial', title: '台灯试用', place: undefined, startsAt: undefined, productId: PRODUCT.id, capacity, opensAt: w.clock.now() + 1000 });

  it('a place is a ¥0 order of the product, issued once; it cannot be cancelled', async () => {
    const w = await honoursWorld();
    const { eventId } = await w.must<EventResults['saveEvent']>(OWNER, trialDrop(w));
    w.clock.advance(49 * HOUR);
    const first = await w.must<EventResults['signUp']>(KOC, { action: 'signUp', eventId });
    expect(first.orderId).toEqual(expect.any(String));
    expect(await w.must(KOC, { action: 'signUp', eventId })).toEqual(first);
    const orders = (await w.all<{ _id: string; kind: string; buyer: string; totalFen: number; status: string }>('orders')).filter((o) => o.kind === 'trial');
    expect(orders.map((o) => [o._id, o.buyer, o.totalFen, o.status])).toEqual([[first.orderId, KOC, 0, 'confirmed']]);
    expect(await w.koc(KOC, { action: 'cancelSignUp', eventId })).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect((await w.must<EventResults['events']>(KOC, { action: 'events' })).items[0]).toMatchObject({ signedUp: true, orderId: first.orderId });
  });

  it('a sign-up that dies after any write: after the timer, one place, one ¥0 order, stock conserved', async () => {
    let finished = false;
    let crashed = 0;
    for (let k = 1; k <= 14 && !finished; k++) {
      const w = await honoursWorld({ durable: true });
      const { eventId } = await w.must<EventResults['saveEvent']>(OWNER, trialDrop(w));
      w.clock.advance(49 * HOUR);
      w.crashAfterWrites(k);
      await w.koc(KOC, { action: 'signUp', eventId }).catch(() => null);
      finished = w.crashes() === 0;
      if (!finished) {
        crashed++;
        await w.restart();
      }
      w.cloud.engine.faults.arm({});
      // Nobody asks again: the sweep cancels a half-made order, the koc timer issues the place's order.
      w.clock.advance(5 * 60_000);
      await w.settle();
      await w.badgeTimer();
      const signups = (await w.all<SignupDoc>('koc_event_signups')).filter((s) => s.state === 'in');
      const taken = (await w.all<{ taken: number }>('koc_events'))[0].taken;
      expect(taken).toBe(signups.length);
      const live = (await w.all<{ _id: string; kind: string; status: string }>('orders')).filter((o) => o.kind === 'trial' && o.status !== 'cancelled');
      if (signups.length === 1) {
        expect(live.map((o) => o._id)).toEqual([signups[0].orderId]);
      } else {
        expect(live).toEqual([]); // died before the place was taken: nothing happened
        await w.must(KOC, { action: 'signUp', eventId });
      }
      const product = (await w.all<{ _id: string; stock: number; stocked: number }>('products')).find((p) => p._id === PRODUCT.id);
      expect(product && conserved(product)).toBe(true);
      w.dispose();
    }
    expect(finished).toBe(true);
    expect(crashed).toBeGreaterThan(1);
  });
});

describe('koc exclusive training', () => {
  it('a course kept for intermediate KOCs is shown locked to a primary one and opens after the tier rises', async () => {
    const w = await honoursWorld();
    const { courseId } = await w.must<HonoursResults['saveCourse']>(OWNER, courseInput('course-request-1', { minTier: 'intermediate' }));
    const listed = await w.must<HonoursResults['courses']>(KOC, { action: 'courses' });
    expect(listed.items[0]).toMatchObject({ id: courseId, minTier: 'intermediate', locked: true });
    const before = w.fingerprint();
    expect(await w.koc(KOC, { action: 'course', courseId })).toEqual({ ok: false, code: 'FORBIDDEN', message: '这门课是中级达人及以上专享，升级后就能学' });
    expect(await w.koc(KOC, { action: 'submitQuiz', courseId, answers: [1, 0, 0] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(w.fingerprint()).toBe(before);
    // The course that gates promoting must be open to every KOC.
    expect(await w.koc(OWNER, { action: 'setRequiredCourse', courseId })).toMatchObject({ ok: false, code: 'BAD_STATE' });

    await placeAt(w, KOC, 'intermediate');
    expect((await w.must<HonoursResults['courses']>(KOC, { action: 'courses' })).items[0]).toMatchObject({ locked: false });
    expect(await w.must(KOC, { action: 'submitQuiz', courseId, answers: [1, 0, 0] })).toMatchObject({ passed: true });
  });
});
