// Buying alone (order.buy) on the fixture world: the product's own stock taken once per order
// and given back once, payment straight to 'confirmed' with its commission, pickup with a code
// checked at handover, delivery with tracking, and bad input that writes nothing.
import type { Checkout, OrderPage, OrderView } from '../../core/contracts/groupbuy';
import { ADDRESS, KOC, OWNER, PRODUCT, RIVAL, SHOP_FULFILMENT, STUDENTS, world } from '../groupbuy/fixture';
import { orderInvariants } from '../groupbuy/invariants';

const [A, B, C] = STUDENTS;
const DAY = 86_400_000;

async function shopWorld(options: Parameters<typeof world>[0] = {}) {
  const w = await world(options);
  const shop = await w.shopFulfilment();
  const pickup = { type: 'pickup', pickupPointId: shop.pickupPoints[0].id };
  return { w, shop, pickup };
}

const getOrder = async (w: Awaited<ReturnType<typeof world>>, who: string, orderId: string) => {
  const r = await w.call<OrderView>('order', who, { action: 'get', orderId });
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

describe('order.buy: bought alone', () => {
  it('2 units for pickup: stock taken once, paid -> confirmed, ready with a code, verified -> completed, and the KOC earns a commission that matures', async () => {
    const { w, shop, pickup } = await shopWorld();
    await w.bind(A);
    const bought = await w.buy(A, 2, pickup, 'fx-buy-1');
    if (!bought.ok) throw new Error(bought.message);
    const { orderId } = bought.data;
    // The same request again is the same order, and takes nothing more.
    expect(await w.buy(A, 2, pickup, 'fx-buy-1')).toEqual({ ok: true, data: { orderId } });
    expect(await w.product()).toMatchObject({ stock: 8, heldUnits: 2, heldOrders: [orderId] });
    const before = await getOrder(w, A, orderId);
    expect(before).toMatchObject({
      kind: 'solo',
      state: 'created',
      quantity: 2,
      unitPriceFen: PRODUCT.priceFen,
      amountFen: 2 * PRODUCT.priceFen,
      groupId: null,
      fulfilment: { type: 'pickup', point: { id: shop.pickupPoints[0].id, name: '二食堂门口' } },
      actions: ['pay'],
      pickupCode: null,
    });
    expect(await w.pay(A, orderId)).toMatchObject({ ok: true, data: { totalFen: 2 * PRODUCT.priceFen } });
    expect(await w.order(orderId)).toMatchObject({ status: 'confirmed', money: 'paid' });
    expect((await w.order(orderId)).history.map((h) => h.to)).toEqual(['created', 'paid', 'confirmed']);
    expect(await w.product()).toMatchObject({ stock: 8, heldUnits: 0, heldOrders: [], soloSold: 2 });
    expect((await w.events('order_paid')).map((e) => e.orderId)).toEqual([orderId]);

    // A pickup order is not shipped; the merchant marks it ready, twice gives the same code.
    expect(await w.call('merchant', OWNER, { action: 'ship', orderId, carrier: '顺丰速运', trackingNo: 'SF123' })).toMatchObject({
      ok: false,
      code: 'BAD_STATE',
    });
    const ready = await w.call<OrderView>('merchant', OWNER, { action: 'readyForPickup', orderId });
    expect(ready).toMatchObject({ ok: true, data: { state: 'ready_for_pickup', pickupCode: null } }); // never shown to the merchant
    const code = (await getOrder(w, A, orderId)).pickupCode as string;
    expect(code).toMatch(/^\d{6}$/);
    await w.call('merchant', OWNER, { action: 'readyForPickup', orderId });
    expect((await getOrder(w, A, orderId)).pickupCode).toBe(code);
    expect((await getOrder(w, A, orderId)).actions).toEqual(['confirmReceipt', 'requestRefund']);

    // A wrong code, or the code of another order, spends one of the order's tries and changes nothing else.
    const other = await w.buy(B, 1, pickup);
    if (!other.ok) throw new Error(other.message);
    await w.pay(B, other.data.orderId);
    await w.call('merchant', OWNER, { action: 'readyForPickup', orderId: other.data.orderId });
    const otherCode = (await getOrder(w, B, other.data.orderId)).pickupCode as string;
    const wrong = otherCode === code ? String((Number(code) + 1) % 1_000_000).padStart(6, '0') : otherCode;
    const refused = await w.call('merchant', OWNER, { action: 'verifyPickup', orderId, code: wrong });
    expect(refused).toMatchObject({ ok: false, code: 'WRONG_CODE' });
    expect(refused.ok ? '' : refused.message).toMatch(/取货码不对.*还可以再试 4 次/);
    expect(await w.order(orderId)).toMatchObject({ status: 'ready_for_pickup', pickupTries: 1 });
    const print = w.fingerprint();
    expect(await w.call('merchant', RIVAL, { action: 'verifyPickup', orderId, code })).toMatchObject({ ok: false, code: 'NOT_FOUND' }); // another shop's order
    expect(await w.call('merchant', A, { action: 'verifyPickup', orderId, code })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.call('merchant', OWNER, { action: 'verifyPickup', orderId, code: '12a456' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(w.fingerprint()).toBe(print);

    expect(await w.call('merchant', OWNER, { action: 'verifyPickup', orderId, code })).toMatchObject({ ok: true, data: { state: 'completed' } });
    expect(await w.call('merchant', OWNER, { action: 'verifyPickup', orderId, code })).toMatchObject({ ok: true, data: { state: 'completed' } });
    expect((await w.events('order_completed')).map((e) => e.orderId)).toEqual([orderId]);

    // Commission: accrued on payment, matures once the after-sales window after completion passes.
    await w.settleCommission();
    expect((await w.summary(KOC)).pendingFen).toBeGreaterThan(0);
    w.clock.advance(7 * DAY + 1000);
    await w.settleCommission();
    const s = await w.summary(KOC);
    expect(s.pendingFen).toBe(0);
    expect(s.availableFen).toBeGreaterThan(0);
    await w.settle();
    expect(await orderInvariants(w, true)).toEqual([]);
  });

  it('pickup code guessing: 5 tries per order; the right code on the 5th completes, after 5 wrong ones even the right code is refused', async () => {
    const { w, pickup } = await shopWorld();
    const ready = async (who: string) => {
      const bought = await w.buy(who, 1, pickup);
      if (!bought.ok) throw new Error(bought.message);
      await w.pay(who, bought.data.orderId);
      await w.call('merchant', OWNER, { action: 'readyForPickup', orderId: bought.data.orderId });
      const code = (await getOrder(w, who, bought.data.orderId)).pickupCode as string;
      return { orderId: bought.data.orderId, code, wrong: String((Number(code) + 1) % 1_000_000).padStart(6, '0') };
    };
    const verify = (orderId: string, code: string) => w.call('merchant', OWNER, { action: 'verifyPickup', orderId, code });
    // Four wrong, then the right one: completed.
    const a = await ready(A);
    for (let i = 0; i < 4; i++) expect(await verify(a.orderId, a.wrong)).toMatchObject({ ok: false, code: 'WRONG_CODE' });
    expect(await verify(a.orderId, a.code)).toMatchObject({ ok: true, data: { state: 'completed' } });
    // Five wrong: the sixth try is refused, the right code too, and the order stays ready.
    const b = await ready(B);
    for (let i = 0; i < 5; i++) expect(await verify(b.orderId, b.wrong)).toMatchObject({ ok: false, code: 'WRONG_CODE' });
    const print = w.fingerprint();
    const refused = await verify(b.orderId, b.code);
    expect(refused).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect(refused.ok ? '' : refused.message).toMatch(/取货码错误次数过多/);
    expect(await verify(b.orderId, b.wrong)).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect(w.fingerprint()).toBe(print);
    expect(await w.order(b.orderId)).toMatchObject({ status: 'ready_for_pickup', pickupTries: 5 });
    // Guesses sent at once are each counted: of 8 at once, no more than 5 are compared.
    const c = await ready(C);
    const burst = await Promise.all(Array.from({ length: 8 }, () => verify(c.orderId, c.wrong)));
    expect(burst.filter((r) => !r.ok && r.code === 'WRONG_CODE').length).toBeLessThanOrEqual(5);
    expect(await verify(c.orderId, c.code)).toMatchObject({ ok: false, code: 'BAD_STATE' });
  });

  it('delivery: shipped with its tracking number (required unless 商家配送), the buyer sees it and confirms receipt', async () => {
    const { w } = await shopWorld();
    const bought = await w.buy(B, 1);
    if (!bought.ok) throw new Error(bought.message);
    const { orderId } = bought.data;
    await w.pay(B, orderId);
    expect(await getOrder(w, B, orderId)).toMatchObject({ fulfilment: { type: 'delivery', address: ADDRESS }, state: 'confirmed', label: '待发货' });
    expect(await w.call('merchant', OWNER, { action: 'readyForPickup', orderId })).toMatchObject({ ok: false, code: 'BAD_STATE' });
    const print = w.fingerprint();
    expect(await w.call('merchant', OWNER, { action: 'ship', orderId, carrier: '顺丰速运' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await w.call('merchant', OWNER, { action: 'ship', orderId, carrier: '顺丰速运', trackingNo: 'SF 12' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(w.fingerprint()).toBe(print);
    expect(await w.call('merchant', OWNER, { action: 'ship', orderId, carrier: '顺丰速运', trackingNo: 'SF1234567890' })).toMatchObject({
      ok: true,
      data: { state: 'shipped', tracking: { carrier: '顺丰速运', trackingNo: 'SF1234567890' }, buyerNickname: '学生二' },
    });
    expect(await getOrder(w, B, orderId)).toMatchObject({
      tracking: { carrier: '顺丰速运', trackingNo: 'SF1234567890' },
      actions: ['confirmReceipt', 'requestRefund'],
    });
    expect(await w.call('order', B, { action: 'confirmReceipt', orderId })).toMatchObject({ ok: true, data: { state: 'completed' } });
    // 商家配送 needs no number; shipMany answers per order.
    const more = await Promise.all([w.buy(A, 1), w.buy(C, 1)]);
    const ids = more.map((m) => (m.ok ? m.data.orderId : ''));
    await w.pay(A, ids[0]);
    const many = await w.call<{ results: { orderId: string; ok: boolean; code?: string }[] }>('merchant', OWNER, {
      action: 'shipMany',
      carrier: '商家配送',
      orders: [{ orderId: ids[0] }, { orderId: ids[1] }, { orderId: 'nope' }],
    });
    expect(many).toMatchObject({
      ok: true,
      data: {
        results: [
          { orderId: ids[0], ok: true },
          { orderId: ids[1], ok: false, code: 'BAD_STATE' }, // not paid
          { orderId: 'nope', ok: false, code: 'NOT_FOUND' },
        ],
      },
    });
    expect(await w.order(ids[0])).toMatchObject({ status: 'shipped', tracking: { carrier: '商家配送', trackingNo: '' } });
  });

  it('an unpaid order expires and gives its units back once; paying after that is refunded in full', async () => {
    const { w, pickup } = await shopWorld({ productStock: 3 });
    const bought = await w.buy(A, 3, pickup);
    if (!bought.ok) throw new Error(bought.message);
    expect(await w.buy(B, 1, pickup)).toMatchObject({ ok: false, code: 'SOLD_OUT' });
    expect(await w.call<Checkout>('order', B, { action: 'checkout', productId: 'fx-product' })).toMatchObject({ ok: true, data: { maxQuantity: 0, stock: 0 } });
    await w.call('order', A, { action: 'pay', orderId: bought.data.orderId }); // asked to pay, the money comes late
    w.clock.advance(16 * 60_000);
    await w.settle();
    await w.settle();
    expect(await w.product()).toMatchObject({ stock: 3, heldUnits: 0, heldOrders: [] });
    expect(await getOrder(w, A, bought.data.orderId)).toMatchObject({ state: 'cancelled', actions: [] });
    expect(await w.call('order', A, { action: 'pay', orderId: bought.data.orderId })).toMatchObject({ ok: false, code: 'BAD_STATE' });
    const { simulatePayment } = await import('../../local-cloud/pay-sim');
    await simulatePayment(w.cloud, bought.data.orderId, 'success', 2);
    await w.settle();
    expect(await w.order(bought.data.orderId)).toMatchObject({ status: 'cancelled', money: 'refunded' });
    expect((await w.product()).soloSold ?? 0).toBe(0);
    expect(await w.product()).toMatchObject({ stock: 3 });
    expect(await orderInvariants(w, true)).toEqual([]);
  });

  it('checkout tells the shop options, the price and how many may be bought', async () => {
    const { w } = await shopWorld({ productStock: 25 });
    expect(await w.call<Checkout>('order', A, { action: 'checkout', productId: 'fx-product' })).toMatchObject({
      ok: true,
      data: {
        priceFen: PRODUCT.priceFen,
        stock: 25,
        maxQuantity: 10,
        shop: { pickupPoints: [{ name: '二食堂门口' }, { name: '图书馆东侧快递柜' }], delivery: { enabled: true } },
      },
    });
    expect(await w.call('order', A, { action: 'checkout', productId: 'nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('bad input writes nothing: quantities, a pickup point of another shop, delivery the shop does not offer, too few in stock', async () => {
    const { w, pickup } = await shopWorld({ productStock: 4 });
    const rival = await w.shopFulfilment({ pickupPoints: [{ name: '隔壁门口', place: '隔壁', hours: '全天' }], delivery: { enabled: false, note: '' } }, RIVAL);
    const print = w.fingerprint();
    for (const quantity of [0, -1, 11, 1.5])
      expect(await w.call('order', A, { action: 'buy', productId: 'fx-product', quantity, fulfilment: pickup, requestId: w.rid() })).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
      });
    expect(await w.buy(A, 1, { type: 'pickup', pickupPointId: rival.pickupPoints[0].id })).toMatchObject({ ok: false, code: 'NO_FULFILMENT' });
    expect(await w.buy(A, 1, { type: 'delivery', address: { ...ADDRESS, phone: '123' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await w.buy(A, 5, pickup)).toMatchObject({ ok: false, code: 'SOLD_OUT', message: '库存只剩 4 件，请减少数量' });
    expect(w.fingerprint()).toBe(print);
    // A shop without delivery refuses it.
    await w.shopFulfilment({ ...SHOP_FULFILMENT, delivery: { enabled: false, note: '' } });
    const after = w.fingerprint();
    expect(await w.buy(A, 1)).toMatchObject({ ok: false, code: 'NO_FULFILMENT' });
    expect(w.fingerprint()).toBe(after);
  });

  it('order.list: tabs and keyset pages', async () => {
    const { w, pickup } = await shopWorld({ productStock: 30 });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const b = await w.buy(A, 1, pickup);
      if (!b.ok) throw new Error(b.message);
      ids.push(b.data.orderId);
      w.clock.advance(1000);
    }
    for (const id of ids.slice(0, 3)) await w.pay(A, id);
    await w.call('merchant', OWNER, { action: 'readyForPickup', orderId: ids[0] });
    const list = async (tab: string, cursor?: string) => {
      const r = await w.call<OrderPage>('order', A, { action: 'list', tab, ...(cursor ? { cursor } : {}) });
      if (!r.ok) throw new Error(r.message);
      return r.data;
    };
    const first = await list('all');
    expect(first.items.map((o) => o.id)).toEqual([...ids].reverse().slice(0, 10));
    const second = await list('all', first.nextCursor as string);
    expect(second.items.map((o) => o.id)).toEqual([ids[1], ids[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await list('unpaid')).items).toHaveLength(9);
    expect((await list('to_ship')).items.map((o) => o.id)).toEqual([ids[2], ids[1]]);
    expect((await list('to_receive')).items.map((o) => o.id)).toEqual([ids[0]]);
    expect((await list('grouping')).items).toEqual([]);
    expect(await w.call('order', A, { action: 'list', tab: 'all', cursor: 'nonsense' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((await w.call<OrderPage>('order', B, { action: 'list' })).ok && true).toBe(true);
  });

  it('the sweep gives back units a dead order still holds (a buy whose order was swept while its step ran), once', async () => {
    const { w, pickup } = await shopWorld();
    const b = await w.buy(A, 2, pickup);
    if (!b.ok) throw new Error(b.message);
    // As if the sweep had cancelled the order just before this try's take landed: the order is
    // dead but the product still lists it (written straight to the database, as a crash leaves it).
    await w.cloud.db
      .collection('orders')
      .doc(b.data.orderId)
      .update({ data: { status: 'cancelled', memberKey: `ended|${b.data.orderId}` } });
    expect(await w.product()).toMatchObject({ stock: 8, heldUnits: 2 });
    await w.tick();
    await w.tick();
    expect(await w.product()).toMatchObject({ stock: 10, heldUnits: 0, heldOrders: [] });
    expect(await w.call('merchant', OWNER, { action: 'getOrder', orderId: b.data.orderId })).toMatchObject({ ok: true });
  });

  it('a retried buy whose half-made order the sweep abandoned says it timed out (not sold out), and its units are back', async () => {
    const { w, pickup } = await shopWorld({ durable: true });
    // The first try dies after writing the reserving order and taking its units.
    w.crashAfterWrites(2);
    await w.buy(A, 2, pickup, 'fx-buy-abandoned').catch(() => null);
    await w.restart();
    w.cloud.engine.faults.arm({});
    expect(await w.product()).toMatchObject({ stock: 8, heldUnits: 2 });
    w.clock.advance(2 * 60_000);
    await w.settle();
    const [o] = (await w.orders()).filter((x) => x.buyer === A);
    expect(o).toMatchObject({ status: 'cancelled', cancelReason: 'RESERVING_ABANDONED' });
    expect(await w.buy(A, 2, pickup, 'fx-buy-abandoned')).toEqual({ ok: false, code: 'BAD_STATE', message: '下单超时了，请重新下单' });
    expect(await w.product()).toMatchObject({ stock: 10, heldUnits: 0 });
    // A new request buys as usual.
    expect(await w.buy(A, 2, pickup, 'fx-buy-again')).toMatchObject({ ok: true });
  });
});
