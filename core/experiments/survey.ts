// The satisfaction survey of the campus study: six dimensions, three 7-point Likert items each
// (1 = 非常不同意 … 7 = 非常同意), scored on 100 by likertTo100 and averaged per dimension. Shown
// once per term to a sample of each arm; answering earns nothing (WeChat rule: no reward tied to
// sharing or subscribing, and none here at all, so answers are not bought).

export const DIMENSIONS = ['price', 'matching', 'timeliness', 'interaction', 'service', 'overall'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_NAMES: Record<Dimension, string> = {
  price: '价格感受',
  matching: '商品匹配',
  timeliness: '信息及时',
  interaction: '互动体验',
  service: '服务响应',
  overall: '总体满意',
};

/** The items, in the order shown; every item agrees with its dimension (no reversed items). */
export const ITEMS: Record<Dimension, readonly string[]> = {
  price: ['这里的价格让我觉得划算', '拼团和优惠让我愿意在这里买', '我觉得花的钱物有所值'],
  matching: ['推荐给我的商品正是我需要的', '同学写的笔记帮我找到合适的商品', '推荐很少让我觉得无关'],
  timeliness: ['我总能在需要的时候看到合适的推荐', '推荐出现的时间不打扰我上课', '活动和提醒来得及时'],
  interaction: ['我愿意给笔记点赞、评论或分享', '和同学一起拼团让我觉得有意思', '我能方便地和达人交流'],
  service: ['遇到问题时能很快得到回应', '售后处理让我放心', '取货或配送安排得清楚'],
  overall: ['总的来说我对校园种草满意', '我会继续在这里买东西', '我愿意推荐给同学'],
};

export const SCALE = { min: 1, max: 7, labels: ['非常不同意', '不同意', '有点不同意', '一般', '有点同意', '同意', '非常同意'] } as const;

export type Answers = Record<Dimension, number[]>;

/** A complete answer sheet: every item of every dimension, each a whole number 1-7. */
export function isComplete(a: Partial<Record<string, unknown>>): a is Answers {
  return DIMENSIONS.every((d) => {
    const v = a[d];
    return Array.isArray(v) && v.length === ITEMS[d].length && v.every((x) => Number.isInteger(x) && x >= SCALE.min && x <= SCALE.max);
  });
}
