// What must hold for orders, groups, stock and refunds after any crash, once the timers have
// run until nothing changes. Money is read from WeChat's side (the pay stand-in's refunds) and
// the stored documents, never from a function's answer. Returns what it found wrong.
import { isLive, UNPAID_STATES } from '../../core/order-machine';
import type { StockFields } from '../../server/catalog/stock';
import type { PurchaseLimitDoc } from '../../server/orders/purchase-limits';
import type { World } from './fixture';

export async function orderInvariants(w: World, settled: boolean): Promise<string[]> {
  const bad: string[] = [];
  const [orders, groups, refunds, paidEvents, campaigns, limits, products] = await Promise.all([
    w.orders(),
    w.groups(),
    w.refunds(),
    w.events('order_paid'),
    w.all<{ _id: string; stock: number; stocked: number; groupSize: number; perStudentLimit: number; heldGroups: string[] }>('campaigns'),
    w.all<PurchaseLimitDoc>('purchase_limits'),
    w.all<{ _id: string; stock: number } & StockFields>('products'),
  ]);
  const byId = new Map(orders.map((o) => [o._id, o]));
  const wxRefunds = new Map<string, { n: number; fen: number }>();
  for (const [no, fen] of w.cloud.pay.refunds) {
    const trade = w.cloud.pay.refundTrades.get(no) as string;
    const cur = wxRefunds.get(trade) ?? { n: 0, fen: 0 };
    wxRefunds.set(trade, { n: cur.n + 1, fen: cur.fen + fen });
  }
  for (const o of orders) {
    const paidMoves = o.history.filter((h) => h.axis === 'money' && h.to === 'paid').length;
    const paid = o.money !== 'unpaid';
    const back = wxRefunds.get(o._id) ?? { n: 0, fen: 0 };
    // Each payment taken once.
    if (paidMoves !== (paid ? 1 : 0)) bad.push(`order ${o._id}: ${paidMoves} paid moves, money ${o.money}`);
    if (paidEvents.filter((e) => e.orderId === o._id).length > 1) bad.push(`order ${o._id}: order_paid written twice`);
    if (o.status !== 'cancelled' && paid && !paidEvents.some((e) => e.orderId === o._id)) bad.push(`order ${o._id}: a sale without order_paid`);
    // Refunds never exceed the payment.
    if (back.fen > (paid ? o.totalFen : 0)) bad.push(`order ${o._id}: refunded ${back.fen} of ${paid ? o.totalFen : 0}`);
    if (o.refundedFen > back.fen) bad.push(`order ${o._id}: refundedFen ${o.refundedFen} but WeChat refunded ${back.fen}`);
    const g = groups.find((x) => x._id === o.groupId);
    if (settled && g?.status === 'failed' && paid && (back.fen !== o.totalFen || back.n !== 1 || o.money !== 'refunded')) {
      bad.push(`order ${o._id}: paid member of failed group ${g._id}, WeChat refunded ${back.fen} in ${back.n}, money ${o.money}`);
    }
    if (settled && o.status === 'cancelled' && paid && o.money !== 'refunded') bad.push(`order ${o._id}: cancelled with money ${o.money}`);
    if (settled && o.status === 'reserving') bad.push(`order ${o._id}: still reserving`);
    if (settled && o.money === 'refunding') {
      const r = refunds.find((x) => x._id === o.openRefund);
      if (!r || !['pending', 'processing'].includes(r.status)) bad.push(`order ${o._id}: refunding without a refund in flight (${r?.status})`);
    }
  }
  for (const g of groups) {
    if (g.taken > g.size || g.paid > g.size) bad.push(`group ${g._id} over-filled: taken ${g.taken}, paid ${g.paid} of ${g.size}`);
    if (g.taken !== g.seatOrders.length || g.paid !== new Set(g.paidOrders).size || g.paid !== g.paidOrders.length)
      bad.push(`group ${g._id}: counters differ from lists`);
    if (settled && g.paid >= g.size && g.status !== 'succeeded') bad.push(`group ${g._id}: every seat paid but ${g.status}`);
    if (settled && g.status !== 'open' && !g.settled) bad.push(`group ${g._id}: ${g.status} but not settled`);
    for (const id of g.seatOrders) {
      const o = byId.get(id);
      if (settled && (!o || !isLive(o.status))) bad.push(`group ${g._id}: seat held by dead order ${id} (${o?.status})`);
    }
  }
  for (const c of campaigns) {
    const held = c.heldGroups.length;
    if (new Set(c.heldGroups).size !== held) bad.push(`campaign ${c._id}: a group held twice`);
    const sold = groups.filter((g) => g.campaignId === c._id && g.stockState === 'sold').length;
    if (settled)
      for (const id of c.heldGroups) if (groups.find((g) => g._id === id)?.settled) bad.push(`campaign ${c._id}: settled group ${id} still holds stock`);
    if (c.stock < 0) bad.push(`campaign ${c._id}: stock ${c.stock}`);
    if (c.stock + (held + sold) * c.groupSize !== c.stocked)
      bad.push(`campaign ${c._id}: ${c.stock} free + ${held} held + ${sold} sold groups != ${c.stocked}`);
  }
  // A product's own stock (orders bought alone): free + held + sold = stocked, held by live unpaid orders only.
  for (const p of products) {
    const held = p.heldOrders ?? [];
    const heldUnits = held.reduce((sum, id) => sum + (byId.get(id)?.quantity ?? 0), 0);
    if (new Set(held).size !== held.length) bad.push(`product ${p._id}: an order holds stock twice`);
    if (p.stock < 0) bad.push(`product ${p._id}: stock ${p.stock}`);
    if ((p.heldUnits ?? 0) !== heldUnits) bad.push(`product ${p._id}: heldUnits ${p.heldUnits} but its orders hold ${heldUnits}`);
    if (p.stocked !== undefined && p.stock + (p.heldUnits ?? 0) + (p.soloSold ?? 0) !== p.stocked)
      bad.push(`product ${p._id}: ${p.stock} free + ${p.heldUnits ?? 0} held + ${p.soloSold ?? 0} sold != ${p.stocked}`);
    const sold = orders.filter(
      // A KOC's ¥0 trial product is sold like a solo unit.
      (o) =>
        (o.kind === 'solo' || o.kind === 'trial') &&
        o.productId === p._id &&
        o.money !== 'unpaid' &&
        o.history.some((h) => h.from === 'created' && h.to === 'confirmed'),
    );
    if (sold.reduce((sum, o) => sum + o.quantity, 0) !== (p.soloSold ?? 0))
      bad.push(`product ${p._id}: soloSold ${p.soloSold} but ${sold.length} solo or trial orders were sold`);
    for (const id of held) {
      const o = byId.get(id);
      if (settled && (!o || !UNPAID_STATES.includes(o.status))) bad.push(`product ${p._id}: stock held by ${id} (${o?.status})`);
    }
  }
  for (const o of orders)
    if (o.kind === 'solo' && o.status === 'created' && !products.some((p) => p._id === o.productId && p.heldOrders?.includes(o._id)))
      bad.push(`order ${o._id}: unpaid solo order holding no stock`);
  for (const l of limits) {
    const live = orders.filter((o) => o.campaignId === l.campaignId && o.buyer === l.buyer && isLive(o.status));
    const limit = campaigns.find((c) => c._id === l.campaignId)?.perStudentLimit ?? 0;
    if (live.length > limit) bad.push(`limit ${l._id}: ${live.length} live orders, limit ${limit}`);
    for (const o of live) if (o.status !== 'reserving' && !l.orders.includes(o._id)) bad.push(`limit ${l._id}: live order ${o._id} not counted`);
    if (l.held !== l.orders.length) bad.push(`limit ${l._id}: held ${l.held} but lists ${l.orders.length}`);
    if (settled) {
      for (const id of l.orders) if (!live.some((o) => o._id === id)) bad.push(`limit ${l._id}: unit held by dead order ${id}`);
      const lead = l.unpaidLead ? byId.get(l.unpaidLead) : null;
      if (l.unpaidLead && (!lead || !UNPAID_STATES.includes(lead.status)))
        bad.push(`limit ${l._id}: unpaid group slot held by ${l.unpaidLead} (${lead?.status})`);
    }
  }
  return bad;
}
