// The shop's fulfilment settings (pickup points with stable ids, delivery) and how group-buy
// seats take them: a chosen point of this shop, delivery when offered, the first point when
// nothing is chosen, refused (and nothing written) otherwise.
import type { ShopFulfilment } from '../../core/contracts/fulfilment';
import type { OrderView } from '../../core/contracts/groupbuy';
import { ADDRESS, OWNER, paidGroup, RIVAL, SHOP_FULFILMENT, STUDENTS, world } from '../groupbuy/fixture';

const [A, B] = STUDENTS;

describe('shop fulfilment', () => {
  it('is empty until saved; saved points get ids that stay when the form is saved again, and a new point gets a new one', async () => {
    const w = await world();
    expect(await w.call('merchant', OWNER, { action: 'getShopFulfilment' })).toEqual({
      ok: true,
      data: { pickupPoints: [], delivery: { enabled: false, note: '' } },
    });
    const saved = await w.shopFulfilment();
    expect(saved.pickupPoints.map((p) => p.name)).toEqual(['二食堂门口', '图书馆东侧快递柜']);
    const ids = saved.pickupPoints.map((p) => p.id);
    expect(new Set(ids).size).toBe(2);
    // Edited: the first point renamed (keeps its id), a third added.
    const edited = await w.shopFulfilment({
      ...SHOP_FULFILMENT,
      pickupPoints: [
        { ...SHOP_FULFILMENT.pickupPoints[0], id: ids[0], name: '二食堂南门' },
        { ...SHOP_FULFILMENT.pickupPoints[1], id: ids[1] },
        { name: '西门', place: '西门岗亭', hours: '全天' },
      ],
    });
    expect(edited.pickupPoints.slice(0, 2).map((p) => p.id)).toEqual(ids);
    expect(edited.pickupPoints[2].id).not.toMatch(new RegExp(`^(${ids.join('|')})$`));
    expect(await w.call<ShopFulfilment>('merchant', OWNER, { action: 'getShopFulfilment' })).toMatchObject({
      ok: true,
      data: { pickupPoints: [{ name: '二食堂南门' }, {}, {}] },
    });
    // Neither a point nor delivery: refused by the schema, nothing written.
    const print = w.fingerprint();
    expect(await w.call('merchant', OWNER, { action: 'saveShopFulfilment', pickupPoints: [], delivery: { enabled: false, note: '' } })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(await w.call('merchant', A, { action: 'saveShopFulfilment', ...SHOP_FULFILMENT })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(w.fingerprint()).toBe(print);
  });

  it('groupbuy.open/join: a chosen point or delivery is copied onto the order; none means the first point; a point of another shop is refused', async () => {
    const w = await world({ groupSize: 3 });
    const shop = await w.shopFulfilment();
    const rival = await w.shopFulfilment({ pickupPoints: [{ name: '隔壁门口', place: '隔壁', hours: '全天' }], delivery: { enabled: false, note: '' } }, RIVAL);
    const lead = await w.open(A);
    if (!lead.ok) throw new Error(lead.message);
    expect(await w.order(lead.data.orderId)).toMatchObject({ kind: 'group', fulfilment: { type: 'pickup', point: shop.pickupPoints[0] } });
    const join = (fulfilment: object) =>
      w.call<{ orderId: string }>('groupbuy', B, { action: 'join', groupId: lead.data.groupId, requestId: w.rid(), fulfilment });
    const print = w.fingerprint();
    expect(await join({ type: 'pickup', pickupPointId: rival.pickupPoints[0].id })).toMatchObject({ ok: false, code: 'NO_FULFILMENT' });
    expect(w.fingerprint()).toBe(print);
    const joined = await join({ type: 'delivery', address: ADDRESS });
    if (!joined.ok) throw new Error(joined.message);
    expect(await w.order(joined.data.orderId)).toMatchObject({ fulfilment: { type: 'delivery', address: ADDRESS } });
  });

  it('an order made before checkout asked (no fulfilment) may be shipped or readied; the merchant can read it', async () => {
    const w = await world();
    const g = await paidGroup(w);
    expect(await w.order(g.leader)).toMatchObject({ fulfilment: null });
    expect(await w.call('merchant', OWNER, { action: 'readyForPickup', orderId: g.leader })).toMatchObject({ ok: true, data: { state: 'ready_for_pickup' } });
    expect(await w.call('merchant', OWNER, { action: 'ship', orderId: g.mate, carrier: '京东快递', trackingNo: 'JD0001' })).toMatchObject({
      ok: true,
      data: { state: 'shipped' },
    });
    expect(await w.call<OrderView>('merchant', OWNER, { action: 'getOrder', orderId: g.mate })).toMatchObject({
      ok: true,
      data: { kind: 'group', buyerNickname: '学生二', tracking: { carrier: '京东快递', trackingNo: 'JD0001' }, fulfilment: null },
    });
    expect(await w.call('merchant', RIVAL, { action: 'getOrder', orderId: g.mate })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Searched by the start of the order number (any case), or by the buyer's nickname.
    const search = async (q: string) => {
      const r = await w.call<{ items: OrderView[] }>('merchant', OWNER, { action: 'listOrders', state: 'all', q });
      return r.ok ? r.data.items.map((o) => o.id) : r.code;
    };
    expect(await search(g.mate.slice(0, 8).toUpperCase())).toEqual([g.mate]);
    expect(await search('学生一')).toEqual([g.leader]);
    expect(await search('没有这个人')).toEqual([]);
    expect(await w.call('merchant', RIVAL, { action: 'listOrders', state: 'all', q: g.mate.slice(0, 8) })).toMatchObject({ ok: true, data: { items: [] } });
  });

  it('an order whose refund is approved (money refunding) is not shipped or readied, nor in a batch; once the refund is paid it can be', async () => {
    const w = await world({ groupSize: 2 });
    const g = await paidGroup(w);
    for (const [who, id] of [
      [A, g.leader],
      [B, g.mate],
    ]) {
      const asked = await w.call<{ refundId: string }>('order', who, { action: 'requestRefund', orderId: id, amountFen: 500, reason: '少件或漏发' });
      if (!asked.ok) throw new Error(asked.message);
      expect(await w.call('merchant', OWNER, { action: 'approveRefund', orderId: id, refundId: asked.data.refundId })).toMatchObject({ ok: true });
    }
    expect(await w.order(g.leader)).toMatchObject({ status: 'confirmed', money: 'refunding' });
    const print = w.fingerprint();
    const shipped = await w.call('merchant', OWNER, { action: 'ship', orderId: g.leader, carrier: '京东快递', trackingNo: 'JD0001' });
    expect(shipped).toEqual({ ok: false, code: 'BAD_STATE', message: '这笔订单正在退款，先别发货' });
    expect(await w.call('merchant', OWNER, { action: 'readyForPickup', orderId: g.mate })).toEqual({
      ok: false,
      code: 'BAD_STATE',
      message: '这笔订单正在退款，先别发货',
    });
    expect(await w.call('merchant', OWNER, { action: 'shipMany', carrier: '京东快递', orders: [{ orderId: g.leader, trackingNo: 'JD0002' }] })).toEqual({
      ok: true,
      data: { shipped: 0, results: [{ orderId: g.leader, ok: false, code: 'BAD_STATE', message: '这笔订单正在退款，先别发货' }] },
    });
    expect(w.fingerprint()).toBe(print);
    // The refund paid (part of the price): the rest of the order goes out.
    await w.settle();
    expect(await w.order(g.leader)).toMatchObject({ status: 'confirmed', money: 'partially_refunded' });
    expect(await w.call('merchant', OWNER, { action: 'ship', orderId: g.leader, carrier: '京东快递', trackingNo: 'JD0001' })).toMatchObject({
      ok: true,
      data: { state: 'shipped' },
    });
    expect(await w.call('merchant', OWNER, { action: 'readyForPickup', orderId: g.mate })).toMatchObject({ ok: true, data: { state: 'ready_for_pickup' } });
  });
});
