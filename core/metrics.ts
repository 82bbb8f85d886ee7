// What the merchant's figures mean, defined once: the dashboard's help text ("?" beside each
// figure), the CSV's column names and the rules that compute them (pure, so the functions, the
// app and the tests share them), for the dashboard and, below, for experiments' per-arm
// metrics; both speak of the same events (server/events.ts).
//
// Conventions every figure follows:
// - a window is the last N campus days (Asia/Shanghai), today included;
// - a paid order counts on the campus day it was paid; a refund's money on the day it succeeded;
// - a "net" order is paid and not fully refunded (a partial refund keeps it);
// - a rate with nothing to divide by is null (shown as "—"), never 0.
import type { Dimension } from './experiments/survey';

export type MetricUnit = 'fen' | 'count' | 'percent' | 'ratio';

export interface MetricDefinition {
  /** What the dashboard calls it. */
  label: string;
  /** The help text: exactly how it is counted. */
  definition: string;
  unit: MetricUnit;
}

/** The merchant dashboard's figures (packages/insights/dashboard), by key. */
export const DASHBOARD_METRICS = {
  paidFen: { label: '付款金额', definition: '窗口内付款成功的订单金额合计（按付款日计）。', unit: 'fen' },
  refundedFen: { label: '退款金额', definition: '窗口内退款成功的金额合计（按退款到账日计，部分退款按实际金额）。', unit: 'fen' },
  netFen: { label: '净销售额', definition: '付款金额 − 退款金额。', unit: 'fen' },
  orders: { label: '付款订单', definition: '窗口内付款成功的订单数（含之后退款的）。', unit: 'count' },
  groupSuccessRate: {
    label: '成团率',
    definition: '窗口内结束的拼团中拼成的比例：拼成 ÷ (拼成 + 未拼成)。未拼成的团已自动退款。',
    unit: 'percent',
  },
  created: { label: '分享卡片', definition: '同学生成的本店分享卡片数（每次生成算一张，分享本身没有奖励）。', unit: 'count' },
  opens: { label: '打开', definition: '分享卡片被打开的次数（同一人多次打开都算）。', unit: 'count' },
  binds: { label: '新顾客绑定', definition: '通过分享卡片第一次和本店建立推荐关系的新顾客数。', unit: 'count' },
  cardOrders: { label: '卡片成交', definition: '付款订单中推荐关系来自分享卡片的订单数，按卡片的渠道或分享同学计。', unit: 'count' },
  sharers: {
    label: '分享同学',
    definition: '窗口内生成过本店分享卡片、或其卡片被打开过的不同同学数。',
    unit: 'count',
  },
  invitesPerSharer: { label: '人均邀请', definition: '分享卡片的打开次数 ÷ 分享同学数：每位分享同学带来的触达。', unit: 'ratio' },
  inviteConversion: { label: '邀请转化率', definition: '新顾客绑定 ÷ 分享卡片的打开次数。', unit: 'percent' },
  kFactor: {
    label: 'K 因子',
    definition: '人均邀请 × 邀请转化率 = 新顾客绑定 ÷ 分享同学数：每位分享同学带来的新顾客。大于 1 表示顾客自己在增长。',
    unit: 'ratio',
  },
  buyers: { label: '购买同学', definition: '窗口内至少有一笔已付款且未全额退款订单的同学数。', unit: 'count' },
  repurchaseRate: {
    label: '复购率',
    definition: '窗口内至少有两笔已付款且未全额退款订单的同学 ÷ 至少有一笔的同学。',
    unit: 'percent',
  },
  purchaseFrequency: {
    label: '购买频次',
    definition: '窗口内已付款且未全额退款的订单数 ÷ 购买同学数（人均下单次数）。',
    unit: 'ratio',
  },
  likes: { label: '点赞', definition: '本校同学给笔记点的赞（每人每篇一次），全校所有笔记，不只本店。', unit: 'count' },
  comments: { label: '评论', definition: '本校同学发表的笔记评论数，全校所有笔记。', unit: 'count' },
  collects: { label: '收藏', definition: '本校同学收藏笔记的次数（每人每篇一次），全校所有笔记。', unit: 'count' },
  delivered: { label: '送达', definition: '上课等提醒发出、或精准推荐卡片在首页展示给同学（同一同学同一时段只算一次）。', unit: 'count' },
  openRate: { label: '打开率', definition: '从提醒或卡片打开页面的次数 ÷ 送达次数（按打开日计）。', unit: 'percent' },
  conversionRate: {
    label: '转化率',
    definition: '打开后 24 小时内在任意店铺付款的打开 ÷ 打开次数（每次打开最多算一次，算在打开那天）。',
    unit: 'percent',
  },
  students: {
    label: '同学数',
    definition: '窗口内收到过这类提醒或卡片的不同同学数。不足 5 人的分组不显示，以免认出个人。',
    unit: 'count',
  },
} as const satisfies Record<string, MetricDefinition>;

export type DashboardMetric = keyof typeof DASHBOARD_METRICS;

/** A segment (grade, major, campus, scene) with fewer distinct students than this is not shown. */
export const MIN_SEGMENT_STUDENTS = 5;

/** n ÷ d, or null when there is nothing to divide by. */
export function ratio(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

export interface KFactorInputs {
  sharers: number;
  opens: number;
  binds: number;
}

/** K = (opens ÷ sharers) × (binds ÷ opens); each part null when its denominator is 0. */
export function kFactor({ sharers, opens, binds }: KFactorInputs): { invitesPerSharer: number | null; inviteConversion: number | null; k: number | null } {
  const invitesPerSharer = ratio(opens, sharers);
  const inviteConversion = ratio(binds, opens);
  return {
    invitesPerSharer,
    inviteConversion,
    k: invitesPerSharer === null || inviteConversion === null ? ratio(binds, sharers) : invitesPerSharer * inviteConversion,
  };
}

/** Whether an order with these amounts still counts: paid, and not refunded in full (a 0-fen order counts until refunded). */
export function isNetOrder(paidFen: number, refundedFen: number): boolean {
  return !(refundedFen > 0 && refundedFen >= paidFen);
}

/** A rate or ratio as the dashboard writes it: 58.3%, 1.32, or — when there is none. */
export function formatMetric(value: number | null, unit: MetricUnit): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'ratio') return value.toFixed(2);
  return String(value);
}

/** How the dashboard names a touch's scene (core/timetable/model.ts SCENES, and none). */
export const SCENE_LABELS: Record<string, string> = {
  PE: '体育课',
  ART: '美术课',
  LAB: '实验课',
  MORNING4: '上午四节连上',
  EVENING_STUDY: '晚自习',
  none: '无特定场景',
};

// --- Experiments ------------------------------------------------------------------------------
// What an experiment measures per arm: the rollup keeps these (server/analytics/experiments-fold.ts),
// the results page and the study report read them, and the help text is what the merchant sees.
// Every metric counts only what happens in a student's window: from their first exposure for
// `windowDays` (and not after the experiment stops), and only orders with the experiment's shop.
export const EXPERIMENT_METRICS = ['repurchase', 'conversion', 'orders', 'spend', 'likes', 'comments', 'shares', 'refunds'] as const;
export type ExperimentMetric = (typeof EXPERIMENT_METRICS)[number];

export interface ExperimentMetricDefinition {
  name: string;
  /** rate: a proportion of a population (two-proportion z); mean: a value per exposed student (Welch t). */
  kind: 'rate' | 'mean';
  /** Who is counted in the denominator. */
  unit: 'buyers' | 'exposed';
  /** Higher is better (a guardrail warns when it moves the other way). */
  higherIsBetter: boolean;
  help: string;
  format: 'percent' | 'count' | 'fen';
}

export const METRIC_DEFINITIONS: Record<ExperimentMetric, ExperimentMetricDefinition> = {
  repurchase: {
    name: '复购率',
    kind: 'rate',
    unit: 'buyers',
    higherIsBetter: true,
    help: '在观察期内有至少两笔已付款且未全额退款订单的学生 ÷ 至少有一笔的学生。',
    format: 'percent',
  },
  conversion: {
    name: '购买转化率',
    kind: 'rate',
    unit: 'exposed',
    higherIsBetter: true,
    help: '在观察期内至少有一笔已付款且未全额退款订单的学生 ÷ 进入实验的学生。',
    format: 'percent',
  },
  orders: {
    name: '购买频次',
    kind: 'mean',
    unit: 'exposed',
    higherIsBetter: true,
    help: '观察期内已付款订单数（全额退款的不算）÷ 进入实验的学生数。',
    format: 'count',
  },
  spend: {
    name: '人均消费',
    kind: 'mean',
    unit: 'exposed',
    higherIsBetter: true,
    help: '观察期内付款金额减去退款金额 ÷ 进入实验的学生数。',
    format: 'fen',
  },
  likes: {
    name: '人均点赞',
    kind: 'mean',
    unit: 'exposed',
    higherIsBetter: true,
    help: '观察期内给笔记点赞的次数（每篇笔记只算一次）÷ 进入实验的学生数。',
    format: 'count',
  },
  comments: { name: '人均评论', kind: 'mean', unit: 'exposed', higherIsBetter: true, help: '观察期内发表的评论数 ÷ 进入实验的学生数。', format: 'count' },
  shares: { name: '人均分享', kind: 'mean', unit: 'exposed', higherIsBetter: true, help: '观察期内分享出去的卡片数 ÷ 进入实验的学生数。', format: 'count' },
  refunds: {
    name: '人均退款单',
    kind: 'mean',
    unit: 'exposed',
    higherIsBetter: false,
    help: '观察期内退了款的订单数（部分退款也算）÷ 进入实验的学生数。用作护栏：不应明显上升。',
    format: 'count',
  },
};

/** The satisfaction score of a dimension: the mean of its items on the 100-point scale. */
export const SATISFACTION_HELP = '满意度：每题 1-7 分换算为 (分数 − 1) ÷ 6 × 100，维度得分是该维度各题的平均。';

export type SatisfactionMetric = `satisfaction.${Dimension}`;

/** Below this many buyers per arm a rate metric cannot show the study's effect size (58% vs 42% needs about 152). */
export const LOW_DATA_BUYERS = 150;
/** The sample-ratio-mismatch alarm: p below this means assignment or logging is broken. */
export const SRM_P = 0.001;
