// What must hold after any mix of requests, races, duplicate callbacks and crashes, once the
// timers have run until nothing changes. Each check reads WeChat's side (the stand-ins: money
// WeChat took, refunds and transfers it accepted) or the stored documents, never a function's
// own answer, and returns what it found wrong.
import { moneyViolations } from '../../cloudfunctions/commission/invariants';
import { orderInvariants } from '../../cloudfunctions/groupbuy/invariants';
import type { SimCloud } from './world';

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
  const [orders, groups, ledger, withdrawals] = await Promise.all(['orders', 'groups', 'ledger', 'withdrawals'].map((c) => all(t, c)));
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

  // Orders, groups, stock, limits and refunds: the order domain's own invariant checker
  // (written apart from the code it checks), fed the simulator's world.
  const events = await all(t, 'events');
  const view = {
    cloud: t.cloud,
    all: (c: string) => all(t, c),
    orders: async () => orders,
    groups: async () => groups,
    refunds: () => all(t, 'refunds'),
    events: async (type: string) => events.filter((e) => e.type === type),
  };
  bad.push(...(await orderInvariants(view as never, settled)));
  // The commission domain's checker: ledger, balances, caps, holds, maturity, commission values.
  bad.push(...(await moneyViolations(view as never, { settled })));
  // And what only the simulator knows: an order marked paid was paid by WeChat, with the money
  // the simulator handed over; a paying member beyond a group's seats never keeps the money.
  for (const o of orders)
    if (o.money !== undefined && o.money !== 'unpaid' && !payments.has(o._id)) bad.push(`order ${o._id} is ${o.money} but WeChat took no money`);
  for (const g of groups) {
    const kept = orders.filter((o) => o.groupId === g._id && (payments.get(o._id) ?? 0) > (refundedByWeChat.get(o._id) ?? 0));
    if (kept.length > Number(g.size)) bad.push(`group ${g._id} has ${kept.length} paying members for ${g.size} seats`);
  }
  if (settled) {
    for (const o of orders) {
      const paid = payments.get(o._id) ?? 0;
      const back = refundedByWeChat.get(o._id) ?? 0;
      if (o.money === 'refunded' && back !== paid) bad.push(`order ${o._id} is refunded but got ${back} of ${paid} back`);
      if (['cancelled', 'closed'].includes(String(o.status)) && back !== paid) bad.push(`order ${o._id} is ${o.status} but got ${back} of ${paid} back`);
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
