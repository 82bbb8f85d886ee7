// The world for the koc function's training, badge and certificate tests: the group-buy fixture
// (OWNER runs SHOP, KOC is a member of its program) with the shop's pickup set, typed calls to
// `koc`, the badge timer, and a way to make any student a member directly.
import { PRODUCT, world } from '../groupbuy/fixture';

type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export async function honoursWorld(options: Parameters<typeof world>[0] = {}) {
  const w = await world(options);
  await w.shopFulfilment();
  const koc = <T>(who: string, event: Record<string, unknown>) => w.call<T>('koc', who, event) as Promise<Answer<T>>;
  const must = async <T>(who: string, event: Record<string, unknown>): Promise<T> => {
    const r = await koc<T>(who, event);
    if (!r.ok) throw new Error(`${String(event.action)}: ${r.code} ${r.message}`);
    return r.data;
  };
  /** The koc function's timer (the badge job), once. */
  const badgeTimer = () => w.cloud.invoke('koc', { Type: 'Timer', TriggerName: 'badges' }, { source: 'wx_trigger' });
  /** Makes `openid` a member of `merchantId`'s program as a selected trial would. */
  const member = (merchantId: string, openid: string) =>
    w.cloud.db.collection('koc_members').add({ data: { _id: `${merchantId}:${openid}`, merchantId, openid, since: new Date(w.clock.now()), via: 'trial' } });
  return { ...w, koc, must, badgeTimer, member };
}

/** A product course with a 3-question quiz (answers 1, 0, 0) and a pass mark of 2. */
export const courseInput = (requestId = 'course-request-1', extra: Record<string, unknown> = {}) => ({
  action: 'saveCourse',
  requestId,
  title: '台灯的卖点',
  kind: 'product',
  productId: PRODUCT.id,
  sections: [
    { heading: '来源与工艺', body: '产地、工艺、特点' },
    { heading: '怎么用', body: '三档亮度，USB 充电' },
    { heading: '卖点', body: '护眼、便携' },
  ],
  quiz: [
    { question: '几档亮度？', options: ['一档', '三档'], answer: 1 },
    { question: '怎么充电？', options: ['USB', '电池', '太阳能'], answer: 0 },
    { question: '主要卖点？', options: ['护眼', '防水', '降噪', '加热'], answer: 0 },
  ],
  passMark: 2,
  ...extra,
});
