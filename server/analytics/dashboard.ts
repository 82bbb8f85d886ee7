// The merchant dashboard (analytics.dashboard): everything for one window from the rollup's
// documents alone: the shop's day counters (one query for up to 90 days), its campus's day
// counters (one more), the sharers' nicknames and the campus's name. A constant number of
// reads however many events there were; the figures are as of the rollup's cursor (a minute
// or two behind: the page says so), never from the events themselves.
import { lastCampusDays } from '../../core/campus-days';
import {
  type DashboardDay,
  type DashboardView,
  type FunnelChannel,
  KOC_ROWS,
  type KocFunnelRow,
  type TouchDimension,
  type TouchFamily,
  type TouchRow,
} from '../../core/contracts/analytics';
import { kFactor, MIN_SEGMENT_STUDENTS, ratio, SCENE_LABELS } from '../../core/metrics';
import type { Ctx } from '../context';
import { campusName, findUsers } from '../users/users';
import { readCut } from './counters';
import { type CampusDayCounters, campusDayId, TOUCH_DIMENSIONS, valueOfKey } from './dashboard-fold';
import { type DayCounters, dayId, idOfKey } from './fold';

const CHANNELS: FunnelChannel[] = ['chat', 'group', 'moments', 'poster'];
const FAMILIES: TouchFamily[] = ['reminder', 'card'];

const sumInto = (into: Record<string, number>, from: object | undefined) => {
  for (const [k, v] of Object.entries(from ?? {})) if (typeof v === 'number') into[k] = (into[k] ?? 0) + v;
};

export async function dashboard(ctx: Ctx, shop: { _id: string; campusId: string | null }, days: number): Promise<DashboardView> {
  const range = lastCampusDays(ctx.now(), days);
  const shopCut = await readCut<DayCounters>(
    ctx,
    'analytics_days',
    range.map((d) => dayId(shop._id, d)),
    ['day', 'funnel', 'sales', 'groups', 'sharers', 'buyers'],
  );
  const campusCut = shop.campusId
    ? await readCut<CampusDayCounters>(
        ctx,
        'analytics_campus_days',
        range.map((d) => campusDayId(shop.campusId as string, d)),
        ['day', 'notes', 'touch', 'students'],
      )
    : null;
  const byDay = new Map(shopCut.docs.map((d) => [d.day, d]));
  const campusByDay = new Map((campusCut?.docs ?? []).map((d) => [d.day, d]));

  const series: DashboardDay[] = range.map((day) => {
    const d = byDay.get(day);
    const c = campusByDay.get(day);
    return {
      day,
      paidFen: d?.sales?.paidFen ?? 0,
      refundedFen: d?.sales?.refundedFen ?? 0,
      orders: d?.sales?.orders ?? 0,
      groupsSucceeded: d?.groups?.succeeded ?? 0,
      groupsFailed: d?.groups?.failed ?? 0,
      likes: c?.notes?.likes ?? 0,
      comments: c?.notes?.comments ?? 0,
      collects: c?.notes?.collects ?? 0,
    };
  });
  const total = (k: keyof DashboardDay) => series.reduce((s, d) => s + (d[k] as number), 0);

  const funnel = CHANNELS.map((channel) => {
    const f: Record<string, number> = {};
    for (const d of shopCut.docs) sumInto(f, d.funnel?.[channel]);
    return { channel, created: f.created ?? 0, opens: f.opens ?? 0, binds: f.binds ?? 0, orders: f.orders ?? 0 };
  });

  const sharers = new Map<string, Record<string, number>>();
  for (const d of shopCut.docs)
    for (const [key, f] of Object.entries(d.sharers ?? {})) {
      const into = sharers.get(key) ?? {};
      sumInto(into, f);
      sharers.set(key, into);
    }
  const active = [...sharers.entries()].filter(([, f]) => (f.created ?? 0) + (f.opens ?? 0) + (f.binds ?? 0) + (f.orders ?? 0) > 0);
  const top = active.sort(([a, x], [b, y]) => (y.orders ?? 0) - (x.orders ?? 0) || (y.opens ?? 0) - (x.opens ?? 0) || (a < b ? -1 : 1)).slice(0, KOC_ROWS);
  const names = top.length
    ? await findUsers(
        ctx,
        top.map(([key]) => idOfKey(key)),
      )
    : new Map();
  const kocs: KocFunnelRow[] = top.map(([key, f]) => {
    const openid = idOfKey(key);
    return {
      openid,
      nickname: names.get(openid)?.nickname || '同学',
      created: f.created ?? 0,
      opens: f.opens ?? 0,
      binds: f.binds ?? 0,
      orders: f.orders ?? 0,
      paidFen: f.paidFen ?? 0,
    };
  });

  const opens = funnel.reduce((s, f) => s + f.opens, 0);
  const binds = funnel.reduce((s, f) => s + f.binds, 0);
  const sharerCount = active.filter(([, f]) => (f.created ?? 0) + (f.opens ?? 0) > 0).length;
  const k = kFactor({ sharers: sharerCount, opens, binds });

  const buyers: Record<string, number> = {};
  for (const d of shopCut.docs) sumInto(buyers, d.buyers);

  const campus = shop.campusId ? { id: shop.campusId, name: (await campusName(ctx, shop.campusId)) ?? '本校' } : null;
  const { rows: touches, hidden } = touchRows(campusCut?.docs ?? [], campus?.name ?? '');

  const paidFen = total('paidFen');
  const refundedFen = total('refundedFen');
  const groupsSucceeded = total('groupsSucceeded');
  const groupsFailed = total('groupsFailed');
  return {
    days,
    from: range[0],
    to: range[range.length - 1],
    countedUntil: new Date(shopCut.cursor.at).getTime(),
    campus,
    series,
    totals: {
      paidFen,
      refundedFen,
      netFen: paidFen - refundedFen,
      orders: total('orders'),
      groupsSucceeded,
      groupsFailed,
      groupSuccessRate: ratio(groupsSucceeded, groupsSucceeded + groupsFailed),
    },
    funnel,
    kocs,
    kocsMore: Math.max(0, active.length - kocs.length),
    growth: { sharers: sharerCount, opens, binds, invitesPerSharer: k.invitesPerSharer, inviteConversion: k.inviteConversion, kFactor: k.k },
    repurchase: {
      buyers: buyers.first ?? 0,
      repeatBuyers: buyers.second ?? 0,
      netOrders: buyers.net ?? 0,
      repurchaseRate: ratio(buyers.second ?? 0, buyers.first ?? 0),
      purchaseFrequency: ratio(buyers.net ?? 0, buyers.first ?? 0),
    },
    notes: { likes: total('likes'), comments: total('comments'), collects: total('collects') },
    touches,
    touchesHidden: hidden,
  };
}

/** Touch figures per family, dimension and value over the window; segments under 5 students left out. */
function touchRows(docs: CampusDayCounters[], campusLabel: string): { rows: TouchRow[]; hidden: number } {
  const rows: TouchRow[] = [];
  let hidden = 0;
  for (const family of FAMILIES)
    for (const dimension of TOUCH_DIMENSIONS as readonly TouchDimension[]) {
      const figures = new Map<string, Record<string, number>>();
      for (const d of docs) {
        for (const [key, f] of Object.entries(d.touch?.[family]?.[dimension] ?? {})) {
          const into = figures.get(key) ?? {};
          sumInto(into, f);
          figures.set(key, into);
        }
        for (const [key, n] of Object.entries(d.students?.[family]?.[dimension] ?? {})) {
          const into = figures.get(key) ?? {};
          into.students = (into.students ?? 0) + n;
          figures.set(key, into);
        }
      }
      const part: TouchRow[] = [];
      for (const [key, f] of figures) {
        const students = f.students ?? 0;
        if (students === 0 && !f.delivered && !f.opened) continue;
        if (students < MIN_SEGMENT_STUDENTS) {
          hidden++;
          continue;
        }
        const value = valueOfKey(key);
        const label = dimension === 'scene' ? (SCENE_LABELS[value] ?? value) : dimension === 'campus' ? campusLabel || value : value;
        part.push({ family, dimension, value, label, students, delivered: f.delivered ?? 0, opened: f.opened ?? 0, converted: f.converted ?? 0 });
      }
      rows.push(...part.sort((a, b) => b.delivered - a.delivered || (a.value < b.value ? -1 : 1)));
    }
  return { rows, hidden };
}
