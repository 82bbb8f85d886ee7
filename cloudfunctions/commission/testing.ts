// Helpers for commission tests: a sale through demo-koc-1's card, settled by the timers.
import type { CommissionSummary } from '../../core/contracts/commission';
import { groupbuyCloud } from '../groupbuy/testing';

export async function commissionCloud() {
  const g = await groupbuyCloud();
  const settle = () => g.cloud.invoke('commission', { Type: 'Timer', TriggerName: 'settle' }, { source: 'wx_trigger' });
  const summary = async (koc = 'demo-koc-1') => {
    const r = await g.call<CommissionSummary>('commission', koc, { action: 'summary' });
    if (!r.ok) throw new Error(r.message);
    return r.data;
  };
  /** demo-student-2 buys the lamp (¥59, 10% = ¥5.90) in a 2-seat group through demo-koc-1's card. */
  let leaders = 0;
  const sale = async (buyer = 'demo-student-2', leader = `leader-${leaders++}`) => {
    const share = await g.call<{ code: string }>('share', 'demo-koc-1', { action: 'create', targetType: 'product', targetId: 'p-lamp', channel: 'chat' });
    if (!share.ok) throw new Error(share.message);
    await g.call('share', buyer, { action: 'open', code: share.data.code, scene: 1007 });
    const lead = await g.open(leader, 'c-lamp');
    const mate = lead.ok ? await g.join(buyer, lead.data.groupId) : lead;
    if (!lead.ok || !mate.ok) throw new Error('sale setup failed');
    await g.pay(leader, lead.data.orderId);
    await g.pay(buyer, mate.data.orderId);
    await settle();
    return mate.data.orderId;
  };
  /** The merchant ships, the buyer confirms, and the after-sales window passes. */
  const mature = async (orderId: string, buyer = 'demo-student-2') => {
    await g.call('merchant', 'demo-merchant-2', { action: 'ship', orderId });
    await g.call('order', buyer, { action: 'confirmReceipt', orderId });
    await settle();
    g.clock.advance(7 * 86_400_000 + 1000);
    await settle();
  };
  return { ...g, settle, summary, sale, mature };
}
