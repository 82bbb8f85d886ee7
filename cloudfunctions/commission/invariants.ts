// The money invariants, checked from stored state by code written apart from the code under
// test (its own sums, its own rounding, its own campus day), so a bug cannot also bless itself.
// Used by the crash enumeration and race tests; the simulator can use it too.
import type { CommissionFixture } from './fixtures';

type Line = { account: string; fen: number };
type Posting = { _id: string; kind: string; koc: string; merchantId: string; lines: Line[] };
type Withdrawal = { _id: string; koc: string; merchantId: string; amountFen: number; status: string; createdAt: Date };
type Commission = {
  _id: string;
  orderId: string;
  koc: string;
  baseFen: number;
  rateBp: number;
  tier: string;
  earnedFen: number;
  currentFen: number;
  maturesAt: Date | null;
};
type Order = { _id: string; buyer: string; totalFen: number; refundedFen: number; completedAt?: Date; binding: { sharer: string } | null };
type Balance = {
  _id: string;
  koc: string;
  merchantId: string;
  pendingFen: number;
  availableFen: number;
  inTransitFen: number;
  paidOutFen: number;
  openWithdrawal?: string | null;
};

const CAP_FEN = 200_000;
const OPEN = ['requested', 'approved', 'awaiting_confirmation'];
const HELD = ['approved', 'awaiting_confirmation', 'paid'];
const ENDED_WITHOUT_PAY = ['rejected', 'failed', 'expired'];
/** Campus day (Asia/Shanghai has no daylight saving): UTC+8 as a date string. */
const campusDay = (d: Date) => new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
/** The one rounding rule, written out by hand: whole fen, fractions dropped, never rounded up. */
const worth = (baseFen: number, refundedFen: number, rateBp: number) => {
  const kept = Math.max(0, baseFen - refundedFen);
  return (kept * rateBp - ((kept * rateBp) % 10_000)) / 10_000;
};

export async function moneyViolations(f: CommissionFixture, options: { settled?: boolean } = {}): Promise<string[]> {
  const bad: string[] = [];
  const postings = await f.all<Posting>('ledger');
  const withdrawals = await f.all<Withdrawal>('withdrawals');
  const commissions = await f.all<Commission>('commissions');
  const orders = await f.all<Order>('orders');
  const byId = new Set(postings.map((p) => p._id));

  // 1. The ledger balances, posting by posting and in total.
  let total = 0;
  for (const p of postings) {
    const sum = p.lines.reduce((s, l) => s + l.fen, 0);
    if (sum !== 0) bad.push(`posting ${p._id} sums to ${sum}`);
    total += sum;
  }
  if (total !== 0) bad.push(`ledger sums to ${total}`);

  // 2. Per KOC and merchant: pending + available + in transit + paid out = earned - clawed back.
  type Sums = { pending: number; available: number; clearing: number; paid: number; earned: number; clawed: number; clawedFromAvailable: number };
  const per = new Map<string, Sums>();
  for (const p of postings) {
    const key = `${p.merchantId}:${p.koc}`;
    const s = per.get(key) ?? { pending: 0, available: 0, clearing: 0, paid: 0, earned: 0, clawed: 0, clawedFromAvailable: 0 };
    for (const l of p.lines) {
      const [kind, owner] = [l.account.slice(0, l.account.indexOf(':')), l.account.slice(l.account.indexOf(':') + 1)];
      if (kind === 'merchant_payable') continue;
      if (owner !== p.koc) bad.push(`posting ${p._id} moves money of ${owner}, not of its KOC ${p.koc}`);
      if (kind === 'koc_pending') s.pending += l.fen;
      else if (kind === 'koc_available') s.available += l.fen;
      else if (kind === 'payout_clearing') s.clearing += l.fen;
      else if (kind === 'koc_paid') s.paid += l.fen;
      if (p.kind === 'accrue') s.earned += l.fen;
      if (p.kind === 'clawback') s.clawed -= l.fen;
      if (p.kind === 'clawback' && kind === 'koc_available') s.clawedFromAvailable -= l.fen;
    }
    per.set(key, s);
  }
  for (const [key, s] of per) {
    if (s.pending + s.available + s.clearing + s.paid !== s.earned - s.clawed)
      bad.push(
        `${key}: pending ${s.pending} + available ${s.available} + in transit ${s.clearing} + paid ${s.paid} != earned ${s.earned} - clawed ${s.clawed}`,
      );
    // A refund after a payout may leave available below zero (netted by later commissions), so
    // "paid out <= earned - clawed back" holds at the time of each payout: withdrawals never take
    // available below zero, hence only clawbacks from available can make it negative.
    if (s.available < -s.clawedFromAvailable)
      bad.push(`${key}: withdrawals overdrew: available ${s.available}, clawed from available ${s.clawedFromAvailable}`);
    if (s.paid + s.clearing > s.earned) bad.push(`${key}: paid out ${s.paid} + in transit ${s.clearing} exceeds earned ${s.earned}`);
    if (s.pending < 0 || s.clearing < 0) bad.push(`${key}: pending ${s.pending} or in transit ${s.clearing} below zero`);
  }

  // 3. Withdrawals: every approved one has its hold; money in transit is exactly what is approved.
  const transit = new Map<string, number>();
  const open = new Map<string, number>();
  const days = new Map<string, number>();
  for (const w of withdrawals) {
    const key = `${w.merchantId}:${w.koc}`;
    const held = byId.has(`hold:${w._id}`);
    if (HELD.includes(w.status) && !held) bad.push(`withdrawal ${w._id} is ${w.status} without its hold`);
    if ((w.status === 'requested' || w.status === 'rejected') && held) bad.push(`withdrawal ${w._id} is ${w.status} with a hold`);
    if (w.status === 'paid' && !byId.has(`paid:${w._id}`)) bad.push(`withdrawal ${w._id} paid without its paid posting`);
    if ((w.status === 'failed' || w.status === 'expired') && held !== byId.has(`release:${w._id}`))
      bad.push(`withdrawal ${w._id} ${w.status}: hold and release disagree`);
    if (w.status === 'approved' || w.status === 'awaiting_confirmation') transit.set(key, (transit.get(key) ?? 0) + w.amountFen);
    if (OPEN.includes(w.status)) open.set(key, (open.get(key) ?? 0) + 1);
    if (!ENDED_WITHOUT_PAY.includes(w.status))
      days.set(`${w.koc}@${campusDay(w.createdAt)}`, (days.get(`${w.koc}@${campusDay(w.createdAt)}`) ?? 0) + w.amountFen);
  }
  for (const [key, s] of per)
    if (s.clearing !== (transit.get(key) ?? 0)) bad.push(`${key}: in transit ${s.clearing} but withdrawals on their way ${transit.get(key) ?? 0}`);
  for (const [key, n] of open) if (n > 1) bad.push(`${key}: ${n} open withdrawals`);
  for (const [key, fen] of days) if (fen > CAP_FEN) bad.push(`${key}: ${fen} withdrawn in one day, above the cap`);
  // After the timers ran, nothing waits at approved: the sweep has started every transfer.
  if (options.settled) for (const w of withdrawals) if (w.status === 'approved') bad.push(`withdrawal ${w._id} stuck at approved`);

  // 4. Commissions agree with their orders; a completed order's commissions have a maturity date.
  const orderById = new Map(orders.map((o) => [o._id, o]));
  for (const c of commissions) {
    const o = orderById.get(c.orderId);
    if (!o) continue;
    const expected = c.tier === 'leader' ? (o.refundedFen >= o.totalFen ? 0 : c.earnedFen) : worth(c.baseFen, o.refundedFen, c.rateBp);
    // The postings tell the commission's story: its accrual, and clawbacks that add up to what it lost.
    const kocFen = (p: Posting) => p.lines.filter((l) => !l.account.startsWith('merchant_payable:')).reduce((s, l) => s + l.fen, 0);
    const accrued = postings.filter((p) => p._id === `accrue:${c._id}`).reduce((s, p) => s + kocFen(p), 0);
    const clawed = -postings
      .filter((p) => p.kind === 'clawback' && (p as { corrects?: string }).corrects === `accrue:${c._id}`)
      .reduce((s, p) => s + kocFen(p), 0);
    if (accrued !== c.earnedFen) bad.push(`commission ${c._id} earned ${c.earnedFen} but accrued ${accrued}`);
    if (clawed !== c.earnedFen - c.currentFen) bad.push(`commission ${c._id}: clawed back ${clawed}, but it went from ${c.earnedFen} to ${c.currentFen}`);
    if (c.currentFen < expected) bad.push(`commission ${c._id} clawed below its worth: ${c.currentFen} < ${expected}`);
    if (options.settled && c.currentFen !== expected) bad.push(`commission ${c._id} is worth ${c.currentFen}, expected ${expected}`);
    if (options.settled && o.completedAt && !c.maturesAt) bad.push(`order ${o._id} completed but commission ${c._id} has no maturity`);
  }
  if (options.settled) {
    // A sale is an order whose payment was recorded (order_paid); an unpaid, cancelled or
    // too-late order earns nothing.
    const sold = new Set((await kept<{ type: string; orderId?: string }>(f, 'events')).filter((e) => e.type === 'order_paid').map((e) => e.orderId));
    for (const o of orders) {
      if (!o.binding || o.binding.sharer === o.buyer || !sold.has(o._id)) continue;
      if (!commissions.some((c) => c.orderId === o._id && c.koc === o.binding?.sharer))
        bad.push(`order ${o._id} paid through ${o.binding.sharer} has no commission`);
    }
  }

  // 5. Where balances and counters are kept: they agree with the postings and withdrawals.
  for (const b of await kept<Balance>(f, 'koc_balances')) {
    const s = per.get(`${b.merchantId}:${b.koc}`) ?? { pending: 0, available: 0, clearing: 0, paid: 0 };
    if (b.pendingFen !== s.pending || b.availableFen !== s.available || b.inTransitFen !== s.clearing || b.paidOutFen !== s.paid)
      bad.push(`balance ${b._id} disagrees with its postings`);
    const open = withdrawals.find((w) => w.koc === b.koc && w.merchantId === b.merchantId && OPEN.includes(w.status));
    if ((b.openWithdrawal ?? null) !== (open?._id ?? null)) bad.push(`balance ${b._id} marks ${b.openWithdrawal} open, but ${open?._id ?? 'none'} is`);
  }
  for (const d of await kept<{ _id: string; koc: string; day: string; fen: number }>(f, 'withdrawal_days')) {
    const want = days.get(`${d.koc}@${d.day}`) ?? 0;
    if (d.fen !== want) bad.push(`day ${d._id} counts ${d.fen}, its withdrawals ${want}`);
  }
  return bad;
}

async function kept<T>(f: CommissionFixture, collection: string): Promise<T[]> {
  try {
    return await f.all<T>(collection);
  } catch {
    return []; // a collection the code under test does not keep
  }
}
