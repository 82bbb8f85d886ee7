// The demo world a newcomer meets on `npm start`: one campus with its section table and map, two
// merchants with products, and demo users with fixed openids.
import type { ShopFulfilment } from '../../core/contracts/fulfilment';
import type { Role } from '../../core/profile';
import type { CampusMap } from '../../core/timetable/campus-map';
import { DEFAULT_SECTIONS } from '../../core/timetable/sections';
import type { MerchantDoc, ProductDoc } from '../../server/catalog/products';

export const DEMO_CAMPUS = {
  _id: 'campus-huadong',
  name: '华东示范大学',
  city: '上海',
  // The section table (节次时间) in campus time: timetables place classes on it (a merchant edits it in 课表与场景设置).
  sections: DEFAULT_SECTIONS,
  // Teaching buildings and the demo shops' pickup points, metres east (x) and south (y) of the
  // map's corner, so picks can say 离二食堂门口 3 分钟 (a merchant edits it in 课表与场景设置).
  map: {
    places: [
      { id: 'pl-teach1', name: '一教', kind: 'building', x: 200, y: 500 },
      { id: 'pl-teach2', name: '二教', kind: 'building', x: 400, y: 600 },
      { id: 'pl-gym-east', name: '东区体育馆', kind: 'building', x: 900, y: 400 },
      { id: 'pl-art', name: '艺术楼', kind: 'building', x: 150, y: 250 },
      { id: 'pl-lab-east', name: '东区实验楼', kind: 'building', x: 850, y: 650 },
      { id: 'pl-library', name: '图书馆', kind: 'building', x: 400, y: 300 },
      { id: 'pl-canteen2', name: '二食堂门口', kind: 'pickup', x: 260, y: 660 },
      { id: 'pl-library-lockers', name: '图书馆东侧快递柜', kind: 'pickup', x: 480, y: 300 },
      { id: 'pl-studio', name: '青柠文创工作室', kind: 'pickup', x: 600, y: 200 },
    ],
  } satisfies CampusMap,
};

export interface DemoUser {
  openid: string;
  nickname: string;
  roles: Role[];
  grade: string | null;
  major: string;
  interests: string[];
  /** What the local sign-in page says about this user. */
  blurb: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    openid: 'demo-student-1',
    nickname: '林小满',
    roles: ['student'],
    grade: '大二',
    major: '计算机科学与技术',
    interests: ['数码', '零食饮料'],
    blurb: '大二学生，爱买数码小物',
  },
  { openid: 'demo-student-2', nickname: '周一一', roles: ['student'], grade: '大一', major: '英语', interests: ['美妆护肤', '宿舍好物'], blurb: '大一新生' },
  { openid: 'demo-student-3', nickname: '陈嘉禾', roles: ['student'], grade: '大三', major: '体育教育', interests: ['运动健身'], blurb: '大三学生，校篮球队' },
  {
    openid: 'demo-koc-1',
    nickname: '许知夏',
    roles: ['student', 'koc'],
    grade: '大三',
    major: '视觉传达设计',
    interests: ['学习文具', '美妆护肤'],
    blurb: '种草达人（KOC）',
  },
  { openid: 'demo-merchant-1', nickname: '云朵便利店', roles: ['merchant'], grade: null, major: '', interests: [], blurb: '商家：云朵便利店' },
  { openid: 'demo-merchant-2', nickname: '青柠文创', roles: ['merchant'], grade: null, major: '', interests: [], blurb: '商家：青柠文创' },
  { openid: 'demo-admin', nickname: '运营小助手', roles: ['admin'], grade: null, major: '', interests: [], blurb: '平台管理员' },
];

/** Where the demo shops hand orders over (checkout offers these), and their dormitory delivery. */
export const DEMO_MERCHANTS: (MerchantDoc & { fulfilment: ShopFulfilment })[] = [
  {
    _id: 'm-yunduo',
    name: '云朵便利店',
    logo: '/assets/merchants/m-yunduo.svg',
    campusId: DEMO_CAMPUS._id,
    ownerOpenid: 'demo-merchant-1',
    fulfilment: {
      pickupPoints: [
        { id: 'pp-yunduo-canteen2', name: '二食堂门口', place: '二食堂东门左手边的云朵小推车', hours: '每天 11:30-13:00、17:00-19:00' },
        { id: 'pp-yunduo-library', name: '图书馆东侧快递柜', place: '图书馆东侧 3 号快递柜', hours: '每天 8:00-22:00' },
      ],
      delivery: { enabled: true, note: '每晚 9 点后送到宿舍楼下，请留意电话' },
    },
  },
  {
    _id: 'm-qingning',
    name: '青柠文创',
    logo: '/assets/merchants/m-qingning.svg',
    campusId: DEMO_CAMPUS._id,
    ownerOpenid: 'demo-merchant-2',
    fulfilment: {
      pickupPoints: [{ id: 'pp-qingning-studio', name: '青柠文创工作室', place: '大学生活动中心 2 楼 203', hours: '工作日 12:00-14:00、18:00-21:00' }],
      delivery: { enabled: true, note: '满 2 件送到宿舍，周末统一配送' },
    },
  },
];

export type DemoProduct = Omit<ProductDoc, 'images' | 'status' | 'listedKey' | 'createdAt'> & {
  /** colours and words of the generated picture */
  color: [string, string];
  short: string;
};

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    _id: 'p-sparkling',
    merchantId: 'm-yunduo',
    title: '0糖气泡水 480ml×12瓶',
    subtitle: '宿舍囤货，晚自习续命',
    description: '0糖0脂0卡，白桃、青瓜、可乐三种口味混装。整箱送到宿舍楼下。',
    priceFen: 3990,
    originalPriceFen: 5400,
    category: '零食',
    stock: 120,
    color: ['#7dd3fc', '#0ea5e9'],
    short: '气泡水',
  },
  {
    _id: 'p-nuts',
    merchantId: 'm-yunduo',
    title: '每日坚果 25g×30袋',
    subtitle: '早八来不及吃早饭就靠它',
    description: '六种坚果果干独立小包，一天一包，放书包不占地方。',
    priceFen: 5900,
    originalPriceFen: 7900,
    category: '零食',
    stock: 80,
    color: ['#fcd34d', '#d97706'],
    short: '每日坚果',
  },
  {
    _id: 'p-desk',
    merchantId: 'm-yunduo',
    title: '床上折叠小桌',
    subtitle: '上床下桌也能追剧写作业',
    description: '60×40cm 桌面，桌腿可折叠，带卡槽放平板。',
    priceFen: 4500,
    originalPriceFen: null,
    category: '日用',
    stock: 35,
    color: ['#d9f99d', '#65a30d'],
    short: '折叠小桌',
  },
  {
    _id: 'p-cleanser',
    merchantId: 'm-yunduo',
    title: '氨基酸洗面奶 120g',
    subtitle: '温和不紧绷，军训后也能用',
    description: '氨基酸表活，弱酸性，敏感肌可用。',
    priceFen: 2990,
    originalPriceFen: 3990,
    category: '美妆',
    stock: 60,
    color: ['#fbcfe8', '#db2777'],
    short: '洗面奶',
  },
  {
    _id: 'p-cable',
    merchantId: 'm-yunduo',
    title: '20W 快充数据线 1.5m',
    subtitle: '图书馆插座离座位远也够用',
    description: 'Type-C 转 Lightning，编织线身，支持 PD 快充。',
    priceFen: 1990,
    originalPriceFen: 2990,
    category: '数码',
    stock: 200,
    color: ['#e5e7eb', '#4b5563'],
    short: '快充线',
  },
  {
    _id: 'p-yoga',
    merchantId: 'm-yunduo',
    title: '加厚瑜伽垫 10mm',
    subtitle: '体育课、宿舍拉伸都合适',
    description: 'NBR 材质，183×61cm，附收纳绑带。',
    priceFen: 4900,
    originalPriceFen: 6900,
    category: '运动',
    stock: 40,
    color: ['#c4b5fd', '#7c3aed'],
    short: '瑜伽垫',
  },
  {
    _id: 'p-notebook',
    merchantId: 'm-qingning',
    title: 'B5 活页笔记本 3本装',
    subtitle: '期末复习整理错题',
    description: '26 孔活页，80g 护眼纸，方格/横线/点阵各一本。',
    priceFen: 1280,
    originalPriceFen: 1800,
    category: '文具',
    stock: 150,
    color: ['#bbf7d0', '#16a34a'],
    short: '活页本',
  },
  {
    _id: 'p-pens',
    merchantId: 'm-qingning',
    title: '按动中性笔 0.5mm×10支',
    subtitle: '考试专用，顺滑不断墨',
    description: '黑色 8 支 + 红蓝各 1 支，速干墨水。',
    priceFen: 1590,
    originalPriceFen: null,
    category: '文具',
    stock: 300,
    color: ['#bfdbfe', '#2563eb'],
    short: '中性笔',
  },
  {
    _id: 'p-lamp',
    merchantId: 'm-qingning',
    title: 'LED 护眼台灯',
    subtitle: '室友睡了也能安静学习',
    description: '无频闪，三档色温，USB 充电，续航 8 小时。',
    priceFen: 6900,
    originalPriceFen: 8900,
    category: '日用',
    stock: 25,
    color: ['#fde68a', '#ca8a04'],
    short: '护眼台灯',
  },
];

/** Live group-buys on seeded products (one with 5 seats), so a newcomer can try one at once. */
export const DEMO_CAMPAIGNS = [
  { _id: 'c-sparkling', productId: 'p-sparkling', groupPriceFen: 2990, groupSize: 3, groupHours: 24, stock: 60 },
  { _id: 'c-notebook', productId: 'p-notebook', groupPriceFen: 990, groupSize: 5, groupHours: 24, stock: 100 },
  { _id: 'c-lamp', productId: 'p-lamp', groupPriceFen: 5900, groupSize: 2, groupHours: 12, stock: 20 },
];

/** A simple picture for a demo product: a gradient tile with its short name. */
export function productSvg(p: Pick<DemoProduct, 'color' | 'short'>): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.color[0]}"/><stop offset="1" stop-color="${p.color[1]}"/></linearGradient></defs>
<rect width="600" height="600" rx="48" fill="url(#g)"/>
<circle cx="300" cy="250" r="120" fill="#ffffff" fill-opacity="0.35"/>
<text x="300" y="470" font-size="64" text-anchor="middle" fill="#ffffff" font-family="PingFang SC, Noto Sans CJK SC, sans-serif" font-weight="700">${p.short}</text>
</svg>`;
}
