// analytics.dashboard: figures worked out by hand (orders with full, partial and split refunds
// across the 7- and 30-day edges, group-buys, the funnel by channel and sharer, K-factor, note
// engagement, reminders and cards with the under-5-students rule), then random histories over
// 100 days against the brute-force oracle for every window the page offers.
import { KOC, OWNER, RIVAL_SHOP, STUDENTS } from '../groupbuy/fixture';
import { comparable, oracleDashboard } from './dashboard-oracle';
import { analyticsWorld, campus, cardEvent, DAY, type Ev, groupEvent, mixedHistory, noteEvent, onCampus, orderEvent, SETTLE, touchEvent } from './fixture';

const [S1, S2, S3, S4, S5, S6] = STUDENTS;
const T = ['dt-1', 'dt-2', 'dt-3', 'dt-4', 'dt-5'];

async function setup() {
  const w = await analyticsWorld(); // now: 2026-11-22 10:00 campus
  const at = new Date(w.clock.now());
  for (const openid of T)
    await w.cloud.db.collection('users').add({
      data: {
        _id: openid,
        roles: ['student'],
        campusId: 'fx-campus',
        nickname: openid,
        avatarUrl: '',
        grade: '大一',
        major: '计算机',
        interests: [],
        createdAt: at,
        updatedAt: at,
      },
    });
  return w;
}

const paid = (wall: string, buyer: string, orderId: string, amountFen: number, card?: { code: string; sharer: string; channel: string }) =>
  orderEvent('order_paid', campus(wall), { buyer, orderId, amountFen, ...card });
const refund = (wall: string, buyer: string, orderId: string, amountFen: number, refundFen: number) =>
  orderEvent('refund_succeeded', campus(wall), { buyer, orderId, amountFen, refundFen });
const card = (wall: string, student: string, f: { grade?: string; kind?: string; scene?: string } = {}) =>
  touchEvent('touch_delivered', campus(wall), { student, grade: '大二', ...f });

function handHistory(): Ev[] {
  return [
    // A: one order left (the second refunded in full).
    paid('2026-11-20 12:00', S1, 'o-a1', 2000, { code: 'cK', sharer: KOC, channel: 'chat' }),
    paid('2026-11-21 12:00', S1, 'o-a2', 3000),
    refund('2026-11-21 18:00', S1, 'o-a2', 3000, 3000),
    // B: two orders, the second refunded in part: still two.
    paid('2026-11-18 12:00', S2, 'o-b1', 1000),
    paid('2026-11-22 09:00', S2, 'o-b2', 1500),
    refund('2026-11-22 09:30', S2, 'o-b2', 1500, 500),
    // C: three orders, the first 12 days ago (in 30 days, not in 7).
    paid('2026-11-10 12:00', S3, 'o-c1', 800),
    paid('2026-11-19 12:00', S3, 'o-c2', 800),
    paid('2026-11-21 12:00', S3, 'o-c3', 800, { code: 'cS', sharer: S6, channel: 'group' }),
    // D: one order refunded in two parts that add up to all of it: no buyer.
    paid('2026-11-17 12:00', S4, 'o-d1', 5000),
    refund('2026-11-17 18:00', S4, 'o-d1', 5000, 2000),
    refund('2026-11-19 18:00', S4, 'o-d1', 5000, 3000),
    // E: one order in the 7-day window's last millisecond before it, one in its first.
    orderEvent('order_paid', new Date(campus('2026-11-16 00:00').getTime() - 1), { buyer: S5, orderId: 'o-e1', amountFen: 700 }),
    paid('2026-11-16 00:00', S5, 'o-e2', 700),
    // Another shop's order: in no figure of this shop (it does convert S1's open below).
    orderEvent('order_paid', campus('2026-11-22 09:30'), { buyer: S1, orderId: 'o-r1', amountFen: 900, merchantId: RIVAL_SHOP }),
    // Group-buys ending.
    groupEvent('group_succeeded', campus('2026-11-20 10:00')),
    groupEvent('group_succeeded', campus('2026-11-20 11:00')),
    groupEvent('group_succeeded', campus('2026-11-20 12:00')),
    groupEvent('group_failed', campus('2026-11-21 10:00')),
    groupEvent('group_failed', campus('2026-11-01 10:00')),
    // The funnel: the KOC's chat card, a student's group card.
    cardEvent('share_created', campus('2026-11-20 09:00'), { code: 'cK', openid: KOC, channel: 'chat' }),
    cardEvent('open', campus('2026-11-20 09:10'), { code: 'cK', openid: S1 }),
    cardEvent('open', campus('2026-11-20 09:20'), { code: 'cK', openid: S2 }),
    cardEvent('open', campus('2026-11-20 09:30'), { code: 'cK', openid: S3 }),
    cardEvent('bind', campus('2026-11-20 09:10'), { code: 'cK', openid: S1, newCustomer: true }),
    cardEvent('share_created', campus('2026-11-21 09:00'), { code: 'cS', openid: S6, sharer: S6, channel: 'group' }),
    cardEvent('open', campus('2026-11-21 09:10'), { code: 'cS', openid: S4, sharer: S6, channel: 'group' }),
    cardEvent('bind', campus('2026-11-21 09:10'), { code: 'cS', openid: S4, sharer: S6, channel: 'group', newCustomer: true }),
    // Notes.
    noteEvent('note_liked', campus('2026-11-21 20:00'), S1),
    noteEvent('note_liked', campus('2026-11-21 20:01'), S2),
    noteEvent('note_commented', campus('2026-11-22 08:00'), S3),
    noteEvent('note_collected', campus('2026-11-10 08:00'), S1),
    // Precision cards (PE, 计算机): five 大二 students, S1 twice; four 大一 (T1-T4) this week, T5 earlier.
    ...[S1, S2, S3, S4, S5].map((s) => card('2026-11-21 08:00', s)),
    card('2026-11-22 08:00', S1),
    card('2026-11-10 08:00', S3),
    ...T.slice(0, 4).map((s) => card('2026-11-20 08:00', s, { grade: '大一' })),
    card('2026-11-05 08:00', T[4], { grade: '大一' }),
    // Opened: S2's open converts with its order 21 h later; S1's with an order at another shop.
    touchEvent('touch_opened', campus('2026-11-21 12:00'), { student: S2 }),
    touchEvent('touch_opened', campus('2026-11-22 09:00'), { student: S1 }),
    // A class reminder (LAB) to one student: every row it makes is under 5 students.
    card('2026-11-21 07:00', S6, { kind: 'class', scene: 'LAB' }),
  ];
}

describe('analytics.dashboard', () => {
  it('shows the hand-computed figures of the last 7 and 30 days, from the rollup alone', async () => {
    const w = await setup();
    w.insertEvents(handHistory());
    // Not rolled up yet: the dashboard reads counters only, so nothing shows.
    expect((await w.dashboard(7)).totals.orders).toBe(0);
    await w.rollupUntilQuiet();
    const week = await w.dashboard(7);
    expect(week).toMatchObject({ days: 7, from: '2026-11-16', to: '2026-11-22', campus: { id: 'fx-campus', name: '测试大学' } });
    expect(week.countedUntil).toBe(campus('2026-11-22 09:30').getTime());
    expect(week.series).toHaveLength(7);
    expect(week.series.find((d) => d.day === '2026-11-21')).toEqual({
      day: '2026-11-21',
      paidFen: 3800,
      refundedFen: 3000,
      orders: 2,
      groupsSucceeded: 0,
      groupsFailed: 1,
      likes: 2,
      comments: 0,
      collects: 0,
    });
    // 8 orders: a1 a2 b1 b2 c2 c3 d1 e2; refunds 3000 + 500 + 2000 + 3000.
    expect(week.totals).toEqual({ paidFen: 14_800, refundedFen: 8500, netFen: 6300, orders: 8, groupsSucceeded: 3, groupsFailed: 1, groupSuccessRate: 0.75 });
    expect(week.funnel).toEqual([
      { channel: 'chat', created: 1, opens: 3, binds: 1, orders: 1 },
      { channel: 'group', created: 1, opens: 1, binds: 1, orders: 1 },
      { channel: 'moments', created: 0, opens: 0, binds: 0, orders: 0 },
      { channel: 'poster', created: 0, opens: 0, binds: 0, orders: 0 },
    ]);
    expect(week.kocs).toEqual([
      { openid: KOC, nickname: '种草达人', created: 1, opens: 3, binds: 1, orders: 1, paidFen: 2000 },
      { openid: S6, nickname: '学生六', created: 1, opens: 1, binds: 1, orders: 1, paidFen: 800 },
    ]);
    // Two sharers, 4 opens, 2 new customers: 2 invitations each × 50% = K 1.
    expect(week.growth).toEqual({ sharers: 2, opens: 4, binds: 2, invitesPerSharer: 2, inviteConversion: 0.5, kFactor: 1 });
    // Buyers A (1), B (2), C (2 this week), E (1); D refunded in full. 2 of 4 came back; 6 orders.
    expect(week.repurchase).toEqual({ buyers: 4, repeatBuyers: 2, netOrders: 6, repurchaseRate: 0.5, purchaseFrequency: 1.5 });
    expect(week.notes).toEqual({ likes: 2, comments: 1, collects: 0 });
    const row = (students: number, delivered: number, opened: number, converted: number) => ({ students, delivered, opened, converted });
    expect(week.touches).toEqual([
      { family: 'card', dimension: 'scene', value: 'PE', label: '体育课', ...row(9, 10, 2, 2) },
      { family: 'card', dimension: 'grade', value: '大二', label: '大二', ...row(5, 6, 2, 2) },
      { family: 'card', dimension: 'major', value: '计算机', label: '计算机', ...row(9, 10, 2, 2) },
      { family: 'card', dimension: 'campus', value: 'fx-campus', label: '测试大学', ...row(9, 10, 2, 2) },
    ]);
    // 大一 has four students this week; the reminder reached one (its scene, grade, major, campus).
    expect(week.touchesHidden).toBe(5);

    const month = await w.dashboard(30);
    expect(month.totals).toMatchObject({ paidFen: 16_300, refundedFen: 8500, orders: 10, groupsSucceeded: 3, groupsFailed: 2, groupSuccessRate: 0.6 });
    // C has three orders and E two: 3 of 4 buyers came back, 8 orders.
    expect(month.repurchase).toEqual({ buyers: 4, repeatBuyers: 3, netOrders: 8, repurchaseRate: 0.75, purchaseFrequency: 2 });
    expect(month.notes).toEqual({ likes: 2, comments: 1, collects: 1 });
    // T5 makes 大一 five students; S3 reached twice (11-10 and 11-21) counts once.
    expect(month.touches.filter((r) => r.family === 'card')).toEqual([
      { family: 'card', dimension: 'scene', value: 'PE', label: '体育课', ...row(10, 12, 2, 2) },
      { family: 'card', dimension: 'grade', value: '大二', label: '大二', ...row(5, 7, 2, 2) },
      { family: 'card', dimension: 'grade', value: '大一', label: '大一', ...row(5, 5, 0, 0) },
      { family: 'card', dimension: 'major', value: '计算机', label: '计算机', ...row(10, 12, 2, 2) },
      { family: 'card', dimension: 'campus', value: 'fx-campus', label: '测试大学', ...row(10, 12, 2, 2) },
    ]);
    expect(month.touchesHidden).toBe(4);
    // The oracle agrees with the hand count.
    for (const days of [7, 30]) expect(comparable(await w.dashboard(days))).toEqual(oracleDashboard(handHistory(), w.clock.now(), days, onCampus));
    w.dispose();
  });

  it('is for merchants only', async () => {
    const w = await setup();
    expect(await w.call('analytics', S1, { action: 'dashboard', days: 7 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.call('analytics', OWNER, { action: 'dashboard', days: 91 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    w.dispose();
  });

  it('agrees with the brute-force oracle over 100 days of random history, for 7, 30 and 90 days', async () => {
    for (const seed of [3, 11, 29]) {
      const w = await setup();
      const now = w.clock.now();
      const events = mixedHistory(900, new Date(now - 100 * DAY), 100 * DAY - SETTLE, ['cA', 'cB', 'cC'], seed);
      w.insertEvents(events);
      await w.rollupUntilQuiet();
      for (const days of [7, 30, 90]) {
        const expected = oracleDashboard(events, now, days, onCampus);
        expect({ seed, days, view: comparable(await w.dashboard(days)) }).toEqual({ seed, days, view: expected });
      }
      w.dispose();
    }
  }, 60_000);
});
