// Helpers for group-buy tests: a seeded cloud, the demo campaigns, payments and the timer.

import { simulatePayment } from '../../local-cloud/pay-sim';
import { testCloud } from '../../local-cloud/testing';
import type { CampaignDoc, GroupDoc } from '../../server/groupbuy/groups';
import type { OrderDoc } from '../../server/orders/orders';

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
  const order = async (id: string) => (await t.cloud.db.collection<OrderDoc>('orders').doc(id).get()).data;
  const group = async (id: string) => (await t.cloud.db.collection<GroupDoc>('groups').doc(id).get()).data;
  const campaign = async (id: string) => (await t.cloud.db.collection<CampaignDoc>('campaigns').doc(id).get()).data;
  return { ...t, rid, open, join, pay, tick, order, group, campaign };
}
