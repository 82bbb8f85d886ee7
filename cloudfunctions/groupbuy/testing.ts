// Helpers for group-buy tests: a seeded cloud, the demo campaigns, payments and the timer.

import { simulatePayment } from '../../local-cloud/pay-sim';
import { testCloud } from '../../local-cloud/testing';

export async function groupbuyCloud() {
  const t = await testCloud();
  let n = 0;
  const rid = () => `req-${Date.now()}-${n++}-abcdef`;
  const open = (who: string, campaignId = 'c-sparkling') =>
    t.call<{ groupId: string; orderId: string }>('groupbuy', who, { action: 'open', campaignId, requestId: rid() });
  const join = (who: string, groupId: string) => t.call<{ groupId: string; orderId: string }>('groupbuy', who, { action: 'join', groupId, requestId: rid() });
  const pay = async (who: string, orderId: string, repeat = 1) => {
    const res = await t.call('order', who, { action: 'pay', orderId });
    if (!res.ok) return res;
    await simulatePayment(t.cloud, orderId, 'success', repeat);
    return res;
  };
  const tick = () => t.cloud.invoke('groupbuy', { Type: 'Timer', TriggerName: 'sweep', Time: new Date().toISOString() }, { source: 'wx_trigger' });
  const order = async (id: string) =>
    (await t.cloud.db.collection('orders').doc(id).get()).data as Record<string, unknown> & { status: string; history: { from: string; to: string }[] };
  const group = async (id: string) =>
    (await t.cloud.db.collection('groups').doc(id).get()).data as Record<string, unknown> & { paid: number; taken: number; status: string; size: number };
  const campaign = async (id: string) => (await t.cloud.db.collection('campaigns').doc(id).get()).data as Record<string, unknown> & { stock: number };
  return { ...t, rid, open, join, pay, tick, order, group, campaign };
}
