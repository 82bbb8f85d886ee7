// What an order card says about an order: its tab, its state tag, where it goes.
import type { OrderView } from '@core/contracts/groupbuy';
import type { MerchantOrderState } from '../../../api/merchant-shop';
import type { TagTone } from '../../../components/ui';

export const ORDER_TABS: { key: MerchantOrderState; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'confirmed', label: '待发货' },
  { key: 'ready_for_pickup', label: '待自提' },
  { key: 'shipped', label: '已发货' },
  { key: 'completed', label: '已完成' },
  { key: 'refunding', label: '售后' },
];

/** Orders made before checkout asked have no fulfilment: the shop decides, so both ways stay open. */
export const isPickup = (o: OrderView) => o.fulfilment?.type === 'pickup';
export const isDelivery = (o: OrderView) => o.fulfilment?.type !== 'pickup';

/** An approved refund is on its way back: the server refuses to ship or ready the order until it ends. */
const handOverable = (o: OrderView) => o.state === 'confirmed' && o.money !== 'refunding';
/** 发货 (and batch shipping) is offered. */
export const canShip = (o: OrderView) => handOverable(o) && isDelivery(o);
/** 备货完成（通知自提） is offered. */
export const canReady = (o: OrderView) => handOverable(o) && isPickup(o);

export function stateTag(o: OrderView): { label: string; tone: TagTone } {
  if (o.refundRequest) return { label: '待处理售后', tone: 'danger' };
  if (o.money === 'refunding') return { label: '退款中', tone: 'warning' };
  switch (o.state) {
    case 'confirmed':
      return isPickup(o) ? { label: '待备货', tone: 'warning' } : { label: '待发货', tone: 'warning' };
    case 'ready_for_pickup':
      return { label: '待自提', tone: 'info' };
    case 'shipped':
      return { label: '已发货', tone: 'info' };
    case 'completed':
      return o.money === 'refunded' ? { label: '已退款', tone: 'neutral' } : { label: '已完成', tone: 'success' };
    case 'closed':
    case 'cancelled':
      return { label: o.money === 'refunded' ? '已退款' : '已关闭', tone: 'neutral' };
    default:
      return { label: o.label || '进行中', tone: 'neutral' };
  }
}

/** 自提：东区快递站（东区 3 号楼一层） or 送货：8 号楼 302 张三 138****0000 */
export function whereTo(o: OrderView): string {
  const f = o.fulfilment;
  if (!f) return '未选择（按店铺默认方式）';
  if (f.type === 'pickup') return `自提：${f.point.name}（${f.point.place}）`;
  const a = f.address;
  return `送货：${a.building} ${a.room} · ${a.name} ${a.phone}`;
}
