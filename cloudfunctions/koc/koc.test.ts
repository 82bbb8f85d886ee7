import type { KocResults } from '../../core/contracts/koc';
import type { MemberDoc } from '../../server/koc/store';
import { OWNER, PRODUCT, RIVAL, SHOP, STUDENTS, world } from '../groupbuy/fixture';

const [S1, S2, S3] = STUDENTS;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export const applyInput = (requestId: string, merchantId = SHOP) => ({
  action: 'apply',
  merchantId,
  socials: [{ platform: '小红书', handle: '@s1-notes', followers: 800, avgInteractions: 60, proofImages: ['/files/proof-1.png', '/files/proof-2.png'] }],
  categories: [{ category: '文具', selfAssessment: '喜欢写手账' }],
  portfolio: { links: ['https://example.com/note/1'], images: [] },
  consent: true,
  requestId,
});

export async function kocWorld(options: Parameters<typeof world>[0] = {}) {
  const w = await world(options);
  await w.shopFulfilment();
  const koc = <T>(who: string, event: Record<string, unknown>) => w.call<T>('koc', who, event) as Promise<Answer<T>>;
  const must = async <T>(who: string, event: Record<string, unknown>): Promise<T> => {
    const r = await koc<T>(who, event);
    if (!r.ok) throw new Error(`${String(event.action)}: ${r.code} ${r.message}`);
    return r.data;
  };
  const applyAs = async (who = S1, requestId = 'koc-request-1') => (await must<KocResults['apply']>(who, applyInput(requestId))).applicationId;
  /** Applied, screened, a slot offered and picked, the interview scored. */
  const interviewed = async (who = S1) => {
    const applicationId = await applyAs(who);
    await must(OWNER, { action: 'screen', applicationId, pass: true });
    const slot = w.clock.now() + DAY;
    await must(OWNER, { action: 'offerSlots', applicationId, slots: [slot, slot + HOUR] });
    await must(who, { action: 'pickSlot', applicationId, slot });
    await must(OWNER, { action: 'scoreInterview', applicationId, scores: { understanding: 4, ideas: 5, improvisation: 3 }, notes: '思路清楚' });
    return applicationId;
  };
  const trialInput = (applicationId: string, goals = { notes: 2, orders: 3 }) => ({
    action: 'startTrial',
    applicationId,
    productIds: [PRODUCT.id],
    endsAt: w.clock.now() + 14 * DAY,
    goals,
  });
  const app = (id: string) =>
    w.all<{ _id: string; state: string; history: { from: string; to: string }[] }>('koc_applications').then((a) => a.find((x) => x._id === id));
  return { ...w, koc, must, applyAs, interviewed, trialInput, app };
}

const conserved = (p: { stock: number; heldUnits?: number; soloSold?: number; stocked?: number }) =>
  p.stock + (p.heldUnits ?? 0) + (p.soloSold ?? 0) === p.stocked;

describe('koc pipeline', () => {
  it('apply → screen → interview → trial (¥0 order, stock taken) → metrics → selected: a member', async () => {
    const w = await kocWorld();
    const applicationId = await w.applyAs();
    // Repeating the request makes no second application.
    expect(await w.must(S1, applyInput('koc-request-1'))).toEqual({ applicationId });
    const mine = await w.must<KocResults['myApplication']>(S1, { action: 'myApplication', merchantId: SHOP });
    expect(mine.application).toMatchObject({ id: applicationId, state: 'applied', merchantName: '测试小店' });

    const listed = await w.must<KocResults['listApplications']>(OWNER, { action: 'listApplications' });
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ id: applicationId, nickname: '学生一', checklist: { passesCriteria: true, flags: [] } });

    expect(await w.must(OWNER, { action: 'screen', applicationId, pass: true })).toEqual({ applicationId, state: 'screened' });
    const slot = w.clock.now() + DAY;
    await w.must(OWNER, { action: 'offerSlots', applicationId, slots: [slot, slot + HOUR] });
    await w.must(S1, { action: 'pickSlot', applicationId, slot });
    await w.must(OWNER, { action: 'scoreInterview', applicationId, scores: { understanding: 4, ideas: 5, improvisation: 3 }, notes: '不错' });

    const before = await w.product();
    const started = await w.must<KocResults['startTrial']>(OWNER, w.trialInput(applicationId, { notes: 0, orders: 1 }));
    expect(started.orderIds).toHaveLength(1);
    const order = await w.order(started.orderIds[0]);
    expect(order).toMatchObject({ buyer: S1, kind: 'trial', totalFen: 0, money: 'paid', status: 'confirmed', binding: null, fulfilment: { type: 'pickup' } });
    const after = await w.product();
    expect(after.stock).toBe(before.stock - 1);
    expect(conserved(after)).toBe(true);
    // The same start repeated: ok, no second order, no second unit.
    expect(await w.must(OWNER, w.trialInput(applicationId, { notes: 0, orders: 1 }))).toEqual(started);
    expect((await w.product()).stock).toBe(before.stock - 1);

    // The applicant shares a card, a friend opens it and buys through it.
    const code = await w.bind(S2, S1);
    expect(code).toBeTruthy();
    const bought = await w.buy(S2);
    if (!bought.ok) throw new Error(bought.message);
    await w.pay(S2, bought.data.orderId);
    const metrics = await w.must<KocResults['trialMetrics']>(OWNER, { action: 'trialMetrics', applicationId });
    expect(metrics.figures.cardViews).toBeGreaterThanOrEqual(1);
    expect(metrics.figures.uniqueVisitors).toBe(1);
    expect(metrics.figures.orders).toBe(1);
    // Notes are counted (none were written in this trial, so their figures are 0, measured).
    expect(metrics.notesCounted).toBe(true);
    expect(metrics.figures.notes).toBe(0);
    expect(metrics.score).toBeGreaterThanOrEqual(70);
    // The applicant sees the same figures.
    expect(await w.must(S1, { action: 'trialMetrics', applicationId })).toEqual(metrics);
    expect(conserved(await w.product())).toBe(true);

    expect(await w.must(OWNER, { action: 'decide', applicationId, selected: true, reason: '表现很好' })).toEqual({ applicationId, state: 'selected' });
    const members = (await w.all<MemberDoc>('koc_members')).filter((m) => m.openid === S1);
    expect(members).toEqual([expect.objectContaining({ _id: `${SHOP}:${S1}`, merchantId: SHOP, openid: S1, via: 'trial', applicationId })]);
    const done = await w.app(applicationId);
    expect(done?.history.map((h) => h.to)).toEqual(['screened', 'interview', 'trial', 'selected']);
    const progs = await w.must<KocResults['programs']>(S1, { action: 'programs' });
    expect(progs.programs.find((p) => p.merchantId === SHOP)).toMatchObject({ member: true, kocMode: 'approved', application: { state: 'selected' } });
    w.dispose();
  });

  it('flags a social account another applicant already used', async () => {
    const w = await kocWorld();
    await w.applyAs(S1);
    await w.applyAs(S2, 'koc-request-2');
    const listed = await w.must<KocResults['listApplications']>(OWNER, { action: 'listApplications' });
    expect(listed.items.map((i) => i.checklist.flags)).toEqual([['profile_reused'], ['profile_reused']]);
    w.dispose();
  });

  it('a rejection needs a reason and starts the cooldown; withdrawing frees the program at once', async () => {
    const w = await kocWorld();
    const first = await w.applyAs();
    expect(await w.koc(OWNER, { action: 'screen', applicationId: first, pass: false })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    await w.must(OWNER, { action: 'screen', applicationId: first, pass: false, reason: '粉丝太少' });
    const mine = await w.must<KocResults['myApplication']>(S1, { action: 'myApplication', merchantId: SHOP });
    expect(mine.application).toMatchObject({ state: 'rejected', rejectReason: '粉丝太少' });
    w.clock.advance(31 * DAY);
    const second = await w.applyAs(S1, 'koc-request-2');
    await w.must(S1, { action: 'withdraw', applicationId: second });
    expect(await w.applyAs(S1, 'koc-request-3')).not.toBe(second);
    w.dispose();
  });
});

describe('koc: bad input writes nothing', () => {
  it('a second open application', async () => {
    const w = await kocWorld();
    await w.applyAs();
    const before = w.fingerprint();
    expect(await w.koc(S1, applyInput('koc-request-other'))).toMatchObject({ ok: false, code: 'APPLICATION_OPEN' });
    expect(w.fingerprint()).toBe(before);
    w.dispose();
  });

  it('applying during the cooldown', async () => {
    const w = await kocWorld();
    const applicationId = await w.applyAs();
    await w.must(OWNER, { action: 'screen', applicationId, pass: false, reason: '不符合要求' });
    w.clock.advance(10 * DAY);
    const before = w.fingerprint();
    const res = await w.koc(S1, applyInput('koc-request-again'));
    expect(res).toMatchObject({ ok: false, code: 'COOLDOWN' });
    expect(!res.ok && res.message).toMatch(/\d{4}-\d{2}-\d{2} 后可以再申请/);
    expect(w.fingerprint()).toBe(before);
    w.dispose();
  });

  it('a student (or another shop) calling merchant actions', async () => {
    const w = await kocWorld();
    const applicationId = await w.applyAs();
    const before = w.fingerprint();
    for (const who of [S1, S3, RIVAL]) {
      expect(await w.koc(who, { action: 'screen', applicationId, pass: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await w.koc(who, { action: 'decide', applicationId, selected: true, reason: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await w.koc(who, { action: 'offerSlots', applicationId, slots: [w.clock.now() + DAY] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await w.koc(S1, { action: 'listApplications' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Another student cannot act on S1's application.
    expect(await w.koc(S3, { action: 'withdraw', applicationId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(w.fingerprint()).toBe(before);
    w.dispose();
  });

  it('an interview slot in the past, and a pick not among the offered slots', async () => {
    const w = await kocWorld();
    const applicationId = await w.applyAs();
    await w.must(OWNER, { action: 'screen', applicationId, pass: true });
    let before = w.fingerprint();
    const past = await w.koc(OWNER, { action: 'offerSlots', applicationId, slots: [w.clock.now() + DAY, w.clock.now() - HOUR] });
    expect(past).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(!past.ok && past.message).toMatch(/不能早于现在/);
    expect(w.fingerprint()).toBe(before);
    const slot = w.clock.now() + DAY;
    await w.must(OWNER, { action: 'offerSlots', applicationId, slots: [slot] });
    before = w.fingerprint();
    expect(await w.koc(S1, { action: 'pickSlot', applicationId, slot: slot + HOUR })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(w.fingerprint()).toBe(before);
    w.dispose();
  });

  it('startTrial before scoring, and with changed goals after the trial started', async () => {
    const w = await kocWorld();
    const applicationId = await w.applyAs();
    await w.must(OWNER, { action: 'screen', applicationId, pass: true });
    const slot = w.clock.now() + DAY;
    await w.must(OWNER, { action: 'offerSlots', applicationId, slots: [slot] });
    await w.must(S1, { action: 'pickSlot', applicationId, slot });
    let before = w.fingerprint();
    expect(await w.koc(OWNER, w.trialInput(applicationId))).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect(w.fingerprint()).toBe(before);
    await w.must(OWNER, { action: 'scoreInterview', applicationId, scores: { understanding: 4, ideas: 4, improvisation: 4 }, notes: '' });
    await w.must(OWNER, w.trialInput(applicationId));
    before = w.fingerprint();
    expect(await w.koc(OWNER, w.trialInput(applicationId, { notes: 0, orders: 1 }))).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect(await w.koc(OWNER, { ...w.trialInput(applicationId), endsAt: w.clock.now() + 20 * DAY })).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect(w.fingerprint()).toBe(before);
    const app = await w.app(applicationId);
    expect(app).toMatchObject({ state: 'trial', trial: { goals: { notes: 2, orders: 3 } } });
    w.dispose();
  });

  it('decide outside a trial is refused', async () => {
    const w = await kocWorld();
    const applicationId = await w.applyAs();
    const before = w.fingerprint();
    expect(await w.koc(OWNER, { action: 'decide', applicationId, selected: true, reason: '直接入选' })).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect(w.fingerprint()).toBe(before);
    w.dispose();
  });
});

describe('koc: concurrency and crashes', () => {
  it('two applications at once with different request ids: exactly one is open', async () => {
    for (let round = 0; round < 3; round++) {
      const w = await kocWorld({ latencyMs: [0, 3] });
      const answers = await Promise.all([w.koc(S1, applyInput(`koc-race-a${round}`)), w.koc(S1, applyInput(`koc-race-b${round}`))]);
      expect(answers.filter((a) => a.ok)).toHaveLength(1);
      expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.code)).toEqual(['APPLICATION_OPEN']);
      const apps = await w.all<{ applicant: string; state: string }>('koc_applications');
      expect(apps.filter((a) => a.applicant === S1)).toHaveLength(1);
      w.dispose();
    }
  });

  it('decide dies after any write: retried, it selects once, with the member and the marker closed', async () => {
    let finished = false;
    let crashed = 0;
    for (let k = 1; k <= 10 && !finished; k++) {
      const w = await kocWorld({ durable: true });
      const applicationId = await w.interviewed();
      await w.must(OWNER, w.trialInput(applicationId));
      w.crashAfterWrites(k);
      const first = await w.koc(OWNER, { action: 'decide', applicationId, selected: true, reason: '入选' }).catch(() => null);
      finished = w.crashes() === 0;
      if (!finished) {
        crashed++;
        await w.restart();
      }
      w.cloud.engine.faults.arm({});
      // Either the move and the member were both written, or neither.
      const members = (await w.all<MemberDoc>('koc_members')).filter((m) => m.openid === S1);
      const state = (await w.app(applicationId))?.state;
      expect(members.length === 1).toBe(state === 'selected');
      expect(await w.must(OWNER, { action: 'decide', applicationId, selected: true, reason: '入选' })).toEqual({ applicationId, state: 'selected' });
      expect((await w.all<MemberDoc>('koc_members')).filter((m) => m.openid === S1)).toHaveLength(1);
      const marker = (await w.all<{ _id: string; open: boolean }>('koc_open')).find((m) => m._id === `${SHOP}:${S1}`);
      expect(marker?.open).toBe(false);
      if (finished) expect(first).toMatchObject({ ok: true });
      w.dispose();
    }
    expect(finished).toBe(true);
    expect(crashed).toBeGreaterThan(0);
  });

  it('startTrial dies after any write: after the sweep and a retry, one ¥0 order and stock conserved', async () => {
    let finished = false;
    let crashed = 0;
    for (let k = 1; k <= 12 && !finished; k++) {
      const w = await kocWorld({ durable: true });
      const applicationId = await w.interviewed();
      const stocked = await w.product();
      const input = w.trialInput(applicationId);
      w.crashAfterWrites(k);
      await w.koc(OWNER, input).catch(() => null);
      finished = w.crashes() === 0;
      if (!finished) {
        crashed++;
        await w.restart();
      }
      w.cloud.engine.faults.arm({});
      // Nobody retries for a while: the sweep cancels a half-made order and gives its unit back.
      w.clock.advance(5 * 60_000);
      await w.settle();
      expect(conserved(await w.product())).toBe(true);
      const again = await w.must<KocResults['startTrial']>(OWNER, input);
      expect(again.orderIds).toHaveLength(1);
      const trials = (await w.orders()).filter((o) => o.kind === 'trial');
      // A half-made try the sweep cancelled never became an order the student sees (never created).
      const abandoned = trials.filter((o) => o.status === 'cancelled');
      expect(abandoned.every((o) => o.money === 'unpaid' && !o.history.some((h) => h.to === 'created'))).toBe(true);
      expect(trials.filter((o) => o.status !== 'cancelled').map((o) => [o._id, o.buyer, o.totalFen, o.status])).toEqual([
        [again.orderIds[0], S1, 0, 'confirmed'],
      ]);
      const p = await w.product();
      expect(conserved(p)).toBe(true);
      expect([k, p.stock, p.soloSold, p.heldUnits, p.sold]).toEqual([k, stocked.stock - 1, 1, 0, 1]);
      expect(p.heldOrders ?? []).toEqual([]);
      w.dispose();
    }
    expect(finished).toBe(true);
    expect(crashed).toBeGreaterThan(1);
  });
});
