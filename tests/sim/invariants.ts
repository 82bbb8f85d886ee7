// What must hold after any mix of requests, races, duplicate callbacks and crashes, once the
// timers have run until nothing changes. Each check reads WeChat's side (the stand-ins: money
// WeChat took, refunds and transfers it accepted) or the stored documents, never a function's
// own answer, and returns what it found wrong.
import type { SimCloud } from './world';
import { STOCK } from './world';

type Doc = Record<string, unknown> & { _id: string };

async function all(t: SimCloud, collection: string): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await t.cloud.db.collection(collection).orderBy('_id', 'asc').skip(skip).limit(1000).get();
    out.push(...(data as Doc[]));
    if (data.length < 1000) return out;
  }
}

/** Money WeChat took, by order (the simulator is WeChat's payment side). */
export type Payments = Map<string, number>;

export async function checkInvariants(t: SimCloud, payments: Payments, settled: boolean): Promise<string[]> {
  const bad: string[] = [];
  const [orders, groups, campaigns, ledger, withdrawals] = await Promise.all(['orders', 'groups', 'campaigns', 'ledger', 'withdrawals'].map((c) => all(t, c)));
  const byId = new Map(orders.map((o) => [o._id, o]));

  // WeChat's refunds, by the payment they draw on.
  const refundedByWeChat = new Map<string, number>();
  for (const [no, fen] of t.cloud.pay.refunds) {
    const trade = t.cloud.pay.refundTrades.get(no) as string;
    refundedByWeChat.set(trade, (refundedByWeChat.get(trade) ?? 0) + fen);
  }
  for (const [trade, fen] of refundedByWeChat) {
    const paid = payments.get(trade) ?? 0;
    if (fen > paid) bad.push(`refunds exceed payment: order ${trade} paid ${paid}, refunded ${fen}`);
  }
  // Every payment is known to the order it paid for; a paid order was paid by WeChat.
  for (const [trade] of payments) if (!byId.has(trade)) bad.push(`payment for an unknown order ${trade}`);
  for (const o of orders) if (o.paidAt && !payments.has(o._id)) bad.push(`order ${o._id} marked paid without WeChat taking money`);

  for (const g of groups) {
    const size = Number(g.size);
    if (Number(g.taken) > size || Number(g.paid) > size) bad.push(`group ${g._id} over-filled: taken ${g.taken}, paid ${g.paid}, size ${size}`);
    const kept = orders.filter((o) => o.groupId === g._id && (payments.get(o._id) ?? 0) > (refundedByWeChat.get(o._id) ?? 0));
    if (kept.length > size) bad.push(`group ${g._id} has ${kept.length} paying members for ${size} seats`);
    if (g.status === 'failed') {
      for (const o of orders.filter((x) => x.groupId === g._id && payments.has(x._id))) {
        if (settled && (refundedByWeChat.get(o._id) ?? 0) !== payments.get(o._id)) {
          bad.push(`failed group ${g._id}: paid member order ${o._id} refunded ${refundedByWeChat.get(o._id) ?? 0} of ${payments.get(o._id)}`);
        }
      }
    }
    // A seat of an open group blocks other students: it must belong to a live order.
    for (const seat of g.status === 'open' ? ((g.seatOrders as string[]) ?? []) : []) {
      const o = byId.get(seat);
      if (!o || ['cancelled', 'refunded'].includes(String(o.status))) bad.push(`open group ${g._id} seat held by dead order ${seat} (${o?.status})`);
    }
  }

  for (const c of campaigns) {
    if (Number(c.stock) < 0) bad.push(`campaign ${c._id} stock negative: ${c.stock}`);
    if (settled) {
      const sold = groups.filter((g) => g.campaignId === c._id && g.status === 'succeeded').reduce((s, g) => s + Number(g.paid), 0);
      const open = groups.filter((g) => g.campaignId === c._id && g.status === 'open').length;
      if (open === 0 && Number(c.stock) + sold !== STOCK) bad.push(`campaign ${c._id} stock not conserved: ${c.stock} left + ${sold} sold != ${STOCK}`);
    }
  }

  // After settling, paid money either stays with a live or completed order or goes back in full.
  if (settled) {
    for (const o of orders) {
      const paid = payments.get(o._id) ?? 0;
      const back = refundedByWeChat.get(o._id) ?? 0;
      if (o.status === 'refunding') bad.push(`order ${o._id} stuck refunding`);
      if (['cancelled', 'refunded'].includes(String(o.status)) && back !== paid) bad.push(`order ${o._id} is ${o.status} but got ${back} of ${paid} back`);
    }
  }

  // The ledger: every posting balances, the whole sums to zero; per KOC the balances add up to
  // what was earned less what was clawed back, and payouts never exceed what was earned.
  let total = 0;
  const perKoc = new Map<string, { accrued: number; clawed: number; held: number; paid: number }>();
  const kocOf = (account: string) => account.split(':')[1] ?? '';
  for (const p of ledger) {
    const lines = (p.lines as { account: string; fen: number }[]) ?? [];
    const sum = lines.reduce((s, l) => s + l.fen, 0);
    total += sum;
    if (sum !== 0) bad.push(`posting ${p._id} does not balance (${sum})`);
    for (const l of lines) {
      const kind = l.account.split(':')[0];
      if (!['koc_pending', 'koc_available', 'payout_clearing', 'koc_paid'].includes(kind)) continue;
      const k = perKoc.get(kocOf(l.account)) ?? { accrued: 0, clawed: 0, held: 0, paid: 0 };
      if (p.kind === 'accrue') k.accrued += l.fen;
      else if (p.kind === 'clawback') k.clawed -= l.fen;
      if (kind === 'koc_paid') k.paid += l.fen;
      else k.held += l.fen;
      perKoc.set(kocOf(l.account), k);
    }
  }
  if (total !== 0) bad.push(`ledger sums to ${total}, not 0`);
  for (const [koc, k] of perKoc) {
    if (k.held + k.paid !== k.accrued - k.clawed) bad.push(`KOC ${koc}: balances ${k.held} + paid ${k.paid} != earned ${k.accrued} - clawed ${k.clawed}`);
    if (k.paid > k.accrued) bad.push(`KOC ${koc} paid out ${k.paid}, more than ever earned (${k.accrued})`);
  }
  // WeChat's transfers that succeeded never exceed what the ledger says was paid out.
  for (const [bill, fen] of t.cloud.payout.bills) {
    const w = withdrawals.find((x) => x._id === bill);
    if (!w) bad.push(`transfer ${bill} for an unknown withdrawal`);
    else if ((await t.cloud.payout.port.query(bill)).state === 'SUCCESS' && !ledger.some((p) => p._id === `paid:${bill}`) && settled)
      bad.push(`transfer ${bill} (${fen}) succeeded but the ledger has no payout`);
  }
  for (const w of withdrawals) {
    if (['approved', 'awaiting_confirmation', 'paid'].includes(String(w.status)) && !ledger.some((p) => p._id === `hold:${w._id}`)) {
      bad.push(`withdrawal ${w._id} is ${w.status} without its hold`);
    }
  }
  return bad;
}
