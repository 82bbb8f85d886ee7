// What an experiment measures, defined once: the rollup keeps these per arm (server/analytics/
// experiments-fold.ts), the results page and the study report read them, and the help text
// below is what the merchant sees. Every metric counts only what happens in a student's window:
// from their first exposure for `windowDays` (and not after the experiment stops), and only
// orders with the experiment's merchant.
import type { Dimension } from './survey';

export const EXPERIMENT_METRICS = ['repurchase', 'conversion', 'orders', 'spend', 'likes', 'comments', 'shares', 'refunds'] as const;
export type ExperimentMetric = (typeof EXPERIMENT_METRICS)[number];

export interface MetricDefinition {
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

export const METRIC_DEFINITIONS: Record<ExperimentMetric, MetricDefinition> = {
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
