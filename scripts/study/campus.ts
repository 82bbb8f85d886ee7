// The study's campus on a fresh local cloud (SQLite in memory, the clock set before term):
// a campus with its map, a few shops with products, KOCs with notes, and students who sign in,
// fill in their grade and major and import their timetable, all through the real functions.
// Only what has no function of its own is written directly, as the test fixtures do: the
// campus, the shops' and KOCs' accounts and the KOC programme memberships.
import type { ExperimentView } from '../../core/contracts/experiments';
import { GRADES } from '../../core/profile';
import { Clock } from '../../local-cloud/clock';
import { createLocalCloud, type LocalCloud } from '../../local-cloud/host';
import type { Rng } from './rng';
import { CAMPUS_MAP, TIMETABLES } from './timetables';

export const DAY = 86_400_000;
export const CAMPUS_ID = 'study-campus';
/** The shop running the experiment, and its owner. */
export const SHOP = 'study-shop';
export const OWNER = 'study-owner';
/** Shops that are not in the experiment (their orders never count). */
export const OTHER_SHOPS = ['study-shop-2', 'study-shop-3'];

/** A campus instant: campusAt('2026-09-07', '08:00') → ms (UTC+8). */
export const campusAt = (date: string, time = '00:00') => Date.parse(`${date}T${time}:00+08:00`);

type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export interface Product {
  id: string;
  merchantId: string;
  priceFen: number;
}

export interface Student {
  openid: string;
  grade: string;
  major: string;
}

export interface Campus {
  cloud: LocalCloud;
  clock: Clock;
  /** Calls a function as `openid` and answers its data; throws on a refusal (the study expects none). */
  must: <T>(fn: string, openid: string, event: Record<string, unknown>) => Promise<T>;
  call: <T>(fn: string, openid: string, event: Record<string, unknown>) => Promise<Answer<T>>;
  /** Moves the clock forward to this instant (never back). */
  moveTo: (ms: number) => void;
  calls: () => number;
  /** Calls and milliseconds per function and action. */
  profile: Map<string, { n: number; ms: number }>;
  students: Student[];
  products: Product[];
  /** Pickup point ids per shop (what saveShopFulfilment stored). */
  pickup: Map<string, string>;
  notes: string[];
  kocs: string[];
  experimentId: string;
  termStart: number;
  termEnd: number;
}

interface CampusOptions {
  students: number;
  weeks: number;
  termStart: string;
  surveyPercent: number;
  /** Names the experiment: its id, and so every student's arm and survey sample, differ from seed to seed. */
  seed: number;
  rng: Rng;
}

const OWNERS: Record<string, string> = { [SHOP]: OWNER, 'study-shop-2': 'study-owner-2', 'study-shop-3': 'study-owner-3' };
const SHOP_NAMES: Record<string, string> = { [SHOP]: '萌芽校园店', 'study-shop-2': '东门便利店', 'study-shop-3': '文具小铺' };

/**
 * The study shop sells something for every scene a card can have (sport, art and lab classes,
 * a long morning, evening study, meals), with the scenes' own words in the titles, and lists
 * last: on a treated student's card its products come first.
 */
const STUDY_PRODUCTS: [string, string, number][] = [
  ['电解质运动饮料 500ml', '运动', 600],
  ['速干运动毛巾', '运动', 2500],
  ['运动护具套装', '运动', 4900],
  ['素描铅笔套装', '文具', 1800],
  ['水彩颜料 24 色', '文具', 3200],
  ['一次性实验手套 50 只', '日用', 1500],
  ['护目镜', '日用', 2200],
  ['全麦面包', '零食', 800],
  ['坚果能量棒', '零食', 1200],
  ['夜宵泡面组合', '零食', 1500],
  ['补水面膜 5 片', '美妆', 3900],
  ['护肤小样套装', '美妆', 5900],
];
const OTHER_PRODUCTS: Record<string, [string, string, number][]> = {
  'study-shop-2': [
    ['矿泉水 550ml', '零食', 200],
    ['饼干礼盒', '零食', 2600],
    ['洗衣凝珠', '日用', 2900],
    ['篮球', '运动', 8900],
  ],
  'study-shop-3': [
    ['中性笔 10 支', '文具', 1500],
    ['活页本', '文具', 1200],
    ['台灯', '数码', 6900],
  ],
};

const NOTE_TEXTS: [string, string][] = [
  ['体育课后的补水神器', '上完体育课来一瓶，口感清爽不齁甜，自提点就在体育馆旁边。'],
  ['素描课必备铅笔', '软硬度齐全，削起来不断芯，素描课老师也推荐。'],
  ['实验课护目镜测评', '戴着不压鼻梁，起雾也少，实验课安心不少。'],
  ['四节连上后的救命面包', '上完四节课饿到不行，全麦面包顶饿又不腻。'],
  ['晚自习夜宵清单', '晚自习后来一份夜宵组合，宿舍楼下就能拿。'],
  ['宿舍护肤小样开箱', '小样套装很适合试用，旅行也方便带。'],
  ['运动毛巾真的速干', '打完球擦汗不黏，晾一会儿就干。'],
  ['水彩颜料上色实测', '颜色饱和，叠色不脏，色彩课作业轻松多了。'],
];

export async function buildCampus(o: CampusOptions): Promise<Campus> {
  // The campus opens the Sunday before term, at noon: everyone signs up then.
  const termStart = campusAt(o.termStart);
  const clock = new Clock(() => termStart - 12 * 3600_000);
  const cloud = await createLocalCloud({ dataDir: ':memory:', clock, seed: false, logWrite: () => {} });
  let calls = 0;
  const profile = new Map<string, { n: number; ms: number }>();
  const call = async <T>(fn: string, openid: string, event: Record<string, unknown>) => {
    calls++;
    const started = performance.now();
    const r = (await cloud.invoke(fn, event, { openid })) as Answer<T>;
    const key = `${fn}.${String(event.action)}`;
    const p = profile.get(key) ?? { n: 0, ms: 0 };
    p.n++;
    p.ms += performance.now() - started;
    profile.set(key, p);
    return r;
  };
  const must = async <T>(fn: string, openid: string, event: Record<string, unknown>) => {
    const r = await call<T>(fn, openid, event);
    if (!r.ok) throw new Error(`${fn}.${String(event.action)} as ${openid}: ${r.code} ${r.message}`);
    return r.data;
  };
  const moveTo = (ms: number) => {
    if (ms > clock.now()) clock.advance(ms - clock.now());
  };
  const db = cloud.db;
  const now = () => new Date(clock.now());
  let rid = 0;
  const requestId = (p: string) => `${p}-request-${String(++rid).padStart(6, '0')}`;

  await db.collection('campuses').add({ data: { _id: CAMPUS_ID, name: '萌芽大学', city: '上海', periods: [], map: CAMPUS_MAP } });
  const account = (openid: string, roles: string[], nickname: string) => ({
    _id: openid,
    roles,
    campusId: CAMPUS_ID,
    nickname,
    avatarUrl: '',
    grade: null,
    major: '',
    interests: [],
    createdAt: now(),
    updatedAt: now(),
  });

  // Shops: accounts and shop documents, then fulfilment and products through the merchant function.
  const pickup = new Map<string, string>();
  const products: Product[] = [];
  for (const shop of [...OTHER_SHOPS, SHOP]) {
    const owner = OWNERS[shop];
    await db.collection('users').add({ data: account(owner, ['student', 'merchant'], `${SHOP_NAMES[shop]}店主`) });
    await db.collection('merchants').add({ data: { _id: shop, name: SHOP_NAMES[shop], logo: '', campusId: CAMPUS_ID, ownerOpenid: owner } });
    const saved = await must<{ pickupPoints: { id: string }[] }>('merchant', owner, {
      action: 'saveShopFulfilment',
      pickupPoints: [{ name: '中心食堂自提点', place: '中心食堂东门', hours: '每天 11:00-20:00' }],
      delivery: { enabled: false, note: '' },
    });
    pickup.set(shop, saved.pickupPoints[0].id);
    for (const [title, category, priceFen] of shop === SHOP ? STUDY_PRODUCTS : OTHER_PRODUCTS[shop]) {
      clock.advance(1000); // listed in this order: the study shop's products are the newest
      const { productId } = await must<{ productId: string }>('merchant', owner, {
        action: 'saveProduct',
        requestId: requestId('product'),
        title,
        images: [`/files/study/${products.length}.svg`],
        priceFen,
        stock: 100_000,
        category,
      });
      products.push({ id: productId, merchantId: shop, priceFen });
    }
  }

  // KOCs of the study shop's programme, each with notes about its products.
  const kocs = ['study-koc-1', 'study-koc-2', 'study-koc-3', 'study-koc-4'];
  const notes: string[] = [];
  const shopProducts = products.filter((p) => p.merchantId === SHOP);
  for (const [k, koc] of kocs.entries()) {
    await db.collection('users').add({ data: account(koc, ['student', 'koc'], `种草达人${k + 1}`) });
    await db
      .collection('koc_members')
      .add({ data: { _id: `${SHOP}:${koc}`, merchantId: SHOP, openid: koc, since: new Date(clock.now() - 365 * DAY), via: 'trial' } });
    for (let i = 0; i < 10; i++) {
      const [title, body] = NOTE_TEXTS[(k * 10 + i) % NOTE_TEXTS.length];
      const r = await must<{ noteId: string }>('notes', koc, {
        action: 'publish',
        title: `${title}·${k + 1}${i}`,
        body,
        topics: ['#校园好物'],
        productIds: [shopProducts[(k * 10 + i) % shopProducts.length].id],
        requestId: requestId('note'),
      });
      notes.push(r.noteId);
    }
  }

  // Students: sign in, profile, consent and timetable import (preview, then save what it found).
  const students: Student[] = [];
  for (let i = 0; i < o.students; i++) {
    const openid = `study-s${String(i + 1).padStart(5, '0')}`;
    const tt = TIMETABLES[o.rng.int(TIMETABLES.length)];
    const grade = GRADES[o.rng.int(4)];
    await must('user', openid, { action: 'login' });
    await must('user', openid, { action: 'updateProfile', nickname: `同学${i + 1}`, campusId: CAMPUS_ID, grade, major: tt.major });
    await must('timetable', openid, { action: 'consent', granted: true });
    const preview = await must<{ courses: unknown[] }>('timetable', openid, {
      action: 'preview',
      format: 'wakeup_csv',
      content: tt.csv,
      termStartDate: o.termStart,
    });
    await must('timetable', openid, { action: 'save', termStartDate: o.termStart, termWeeks: o.weeks, courses: preview.courses });
    students.push({ openid, grade, major: tt.major });
  }

  // The study shop's experiment, declared before it starts: control vs treatment 50/50, primary
  // metric repurchase, the survey to a sample of each arm, the window the whole term.
  const termEnd = termStart + o.weeks * 7 * DAY;
  const { experimentId } = await must<{ experimentId: string }>('experiments', OWNER, {
    action: 'save',
    requestId: `study-experiment-seed-${o.seed}`,
    name: '课表推荐学期对比',
    hypothesis: '空闲时段的精准推荐让复购、频次、互动和满意度更高',
    treatments: ['timetable'],
    arms: [
      { name: '对照组', weight: 50 },
      { name: '实验组', weight: 50 },
    ],
    coverage: 100,
    primaryMetric: 'repurchase',
    guardrails: ['refunds'],
    windowDays: Math.min(120, o.weeks * 7),
    startAt: termStart,
    stopAt: termEnd,
    surveyPercent: o.surveyPercent,
  });
  await must<ExperimentView>('experiments', OWNER, { action: 'start', experimentId });
  return { cloud, clock, must, call, moveTo, calls: () => calls, profile, students, products, pickup, notes, kocs, experimentId, termStart, termEnd };
}
