// The commission ledger: append-only postings, and per KOC and merchant a balance document that
// every posting updates in the same transaction. A posting's unique key makes a retry a no-op;
// the balance is what withdrawals take, inside their own transaction, so it is never read in
// one request and written in another.
import type { KocMode } from '../../core/contracts/commission';
import { addBalances, applyPosting, EMPTY_BALANCE, isBalanced, type KocBalance, type Line } from '../../core/ledger';
import type { Ctx } from '../context';
import { allDocs, getDocsByIds } from '../db/get-doc';
import { type DbCommand, type DocData, isNotFoundError, type Transaction } from '../db/types';

export interface PostingDoc {
  /** The posting's unique key, e.g. accrue:<order>:<koc>: the same fact is never posted twice. */
  _id: string;
  kind: 'accrue' | 'mature' | 'clawback' | 'hold' | 'paid' | 'release';
  orderId: string;
  koc: string;
  merchantId: string;
  lines: Line[];
  /** Why, in words a KOC reads. */
  memo: string;
  /** A correction names the posting it corrects (a clawback names its accrual); postings are never edited. */
  corrects?: string;
  at: Date;
}

export interface BalanceDoc extends KocBalance {
  _id: string; // balanceId(merchantId, koc)
  koc: string;
  merchantId: string;
  /** The withdrawal in progress with this merchant, if any: at most one at a time. */
  openWithdrawal: string | null;
  updatedAt: Date;
}

export const balanceId = (merchantId: string, koc: string) => `${merchantId}:${koc}`;

/**
 * Contended documents (a busy KOC's balance, a day's cap) conflict often under load; each
 * conflict means another writer committed, so a few more tries always make progress.
 */
export const TX_RETRIES = 20;

/** One transaction's view of the ledger: posts, balances changed along, written at the end. */
export class LedgerTx {
  private readonly balances = new Map<string, { doc: BalanceDoc; dirty: boolean }>();

  constructor(
    readonly tx: Transaction,
    readonly now: Date,
    private readonly command: DbCommand,
  ) {}

  /** A document read inside the transaction, or null when it does not exist. */
  async get<T = DocData>(collection: string, id: string): Promise<(T & { _id: string }) | null> {
    try {
      return (await this.tx.collection<T>(collection).doc(id).get()).data ?? null;
    } catch (e) {
      if (isNotFoundError(e)) return null;
      throw e;
    }
  }

  async balance(merchantId: string, koc: string): Promise<BalanceDoc> {
    const id = balanceId(merchantId, koc);
    const cached = this.balances.get(id);
    if (cached) return cached.doc;
    const stored = await this.get<BalanceDoc>('koc_balances', id);
    const base: BalanceDoc = stored ?? { _id: id, koc, merchantId, ...EMPTY_BALANCE, openWithdrawal: null, updatedAt: this.now };
    // Increments this transaction made without reading (see post) are part of what it sees.
    const delta = this.deltas.get(id);
    this.deltas.delete(id);
    const doc = delta ? { ...base, ...addBalances(base, delta.fields) } : base;
    this.balances.set(id, { doc, dirty: Boolean(delta) });
    return doc;
  }

  /** Balance changes of postings that did not need the balance read: written as increments. */
  private readonly deltas = new Map<string, { merchantId: string; koc: string; fields: KocBalance }>();
  /** Balances the caller read just before as not existing yet (see flush). */
  private readonly missing = new Set<string>();

  /** Tells which of the balances this transaction will change did not exist a moment ago. */
  expectMissing(ids: Iterable<string>): void {
    for (const id of ids) this.missing.add(id);
  }

  private async change(merchantId: string, koc: string, edit: (b: BalanceDoc) => BalanceDoc): Promise<void> {
    const next = edit(await this.balance(merchantId, koc));
    this.balances.set(next._id, { doc: { ...next, updatedAt: this.now }, dirty: true });
  }

  /**
   * Appends a balanced posting and moves the balance; false when this key was already posted.
   * `fresh`: the caller knows the key is new (it read so before the transaction), so the check
   * is left to the unique _id, which fails the commit if another writer posted it meanwhile.
   */
  async post(p: Omit<PostingDoc, 'at'>, fresh = false): Promise<boolean> {
    if (!isBalanced(p.lines)) throw new Error(`unbalanced posting ${p._id}`);
    if (!fresh && (await this.get('ledger', p._id))) return false;
    await this.tx.collection('ledger').add({ data: { ...p, at: this.now } });
    const id = balanceId(p.merchantId, p.koc);
    if (fresh && !this.balances.has(id)) {
      // Nothing here checks the balance (an accrual only adds): an increment, no read.
      const d = this.deltas.get(id) ?? { merchantId: p.merchantId, koc: p.koc, fields: { ...EMPTY_BALANCE } };
      this.deltas.set(id, { ...d, fields: applyPosting(d.fields, p) });
      return true;
    }
    await this.change(p.merchantId, p.koc, (b) => ({ ...b, ...applyPosting(b, p) }));
    return true;
  }

  /** Marks the one open withdrawal (or clears it, only if it is still this one). */
  async setOpenWithdrawal(merchantId: string, koc: string, id: string, open: boolean): Promise<void> {
    const b = await this.balance(merchantId, koc);
    if (open ? b.openWithdrawal === id : b.openWithdrawal !== id) return;
    await this.change(merchantId, koc, (cur) => ({ ...cur, openWithdrawal: open ? id : null }));
  }

  /** Writes the balances this transaction changed. */
  async flush(): Promise<void> {
    for (const [id, { doc, dirty }] of this.balances) {
      if (!dirty) continue;
      const { _id, ...data } = doc;
      await this.tx.collection('koc_balances').doc(id).set({ data });
    }
    const _ = this.command;
    for (const [id, { merchantId, koc, fields }] of this.deltas) {
      // Nothing moved (a commission floored to 0 fen): no write. An increment of 0 changes
      // nothing, so its update would answer updated 0 as if the document were missing.
      if (Object.values(fields).every((v) => v === 0)) continue;
      const first = { _id: id, koc, merchantId, ...fields, openWithdrawal: null, updatedAt: this.now };
      // A KOC's first posting with this merchant starts the document with an insert: if another
      // writer started it meanwhile, the unique _id fails this commit rather than overwrite it.
      if (this.missing.has(id)) {
        await this.tx.collection('koc_balances').add({ data: first });
        continue;
      }
      const inc = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, _.inc(v)]));
      const res = await this.tx
        .collection('koc_balances')
        .doc(id)
        .update({ data: { ...inc, updatedAt: this.now } });
      if (res.stats.updated === 0) await this.tx.collection('koc_balances').add({ data: first });
    }
  }
}

/**
 * A write conflict: another transaction holds or changed a document this one wrote. The SDK's
 * runTransaction retries only errors whose `code` names the conflict; a conflict reported by a
 * document write inside the transaction arrives with an errCode and message instead.
 */
export function isConflictError(e: unknown): boolean {
  const err = e as { code?: string; errMsg?: string; message?: string } | null;
  return err?.code === 'DATABASE_TRANSACTION_CONFLICT' || /WriteConflict|TRANSACTION_CONFLICT/i.test(`${err?.errMsg ?? ''} ${err?.message ?? ''}`);
}

/**
 * Runs `fn` in one transaction and writes its balances before commit. A conflict means another
 * writer committed first (or holds the lock and is about to), so the whole function runs again
 * on fresh reads. No pause and no randomness here: the network spreads retries out, and the
 * simulator's seeded replays stay exact.
 */
export async function withLedger<R>(ctx: Ctx, fn: (l: LedgerTx) => Promise<R>): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.db.runTransaction(async (tx) => {
        const l = new LedgerTx(tx, new Date(ctx.now()), ctx.db.command);
        const out = await fn(l);
        await l.flush();
        return out;
      }, 0);
    } catch (e) {
      if (!isConflictError(e) || attempt >= TX_RETRIES) throw e;
    }
  }
}

/** Appends one posting with its balance change; false when it was already posted (a repeat run). */
export function post(ctx: Ctx, p: Omit<PostingDoc, 'at'>): Promise<boolean> {
  return withLedger(ctx, (l) => l.post(p));
}

/** A KOC's balances with every merchant: one query for up to 100 shops (a summary shows each). */
export function balancesOf(ctx: Ctx, koc: string): Promise<BalanceDoc[]> {
  return allDocs<BalanceDoc>(ctx, 'koc_balances', { koc });
}

export async function balanceWith(ctx: Ctx, merchantId: string, koc: string): Promise<BalanceDoc | null> {
  try {
    return (await ctx.db.collection<BalanceDoc>('koc_balances').doc(balanceId(merchantId, koc)).get()).data;
  } catch (e) {
    if (isNotFoundError(e)) return null;
    throw e;
  }
}

/** Balances with one merchant of the KOCs a list shows, by KOC, in one query however long the list. */
export async function balancesWith(ctx: Ctx, merchantId: string, kocs: readonly string[]): Promise<Map<string, BalanceDoc>> {
  const byId = await getDocsByIds<BalanceDoc>(
    ctx,
    'koc_balances',
    kocs.map((koc) => balanceId(merchantId, koc)),
  );
  return new Map([...byId.values()].map((b) => [b.koc, b]));
}

export interface CommissionDoc {
  _id: string; // `${orderId}:${koc}`
  orderId: string;
  koc: string;
  merchantId: string;
  title: string;
  baseFen: number;
  rateBp: number;
  rateSource: 'product' | 'tier' | 'default';
  tier: string;
  earnedFen: number;
  /** What is left after refunds (the same rule applied to what the buyer kept). */
  currentFen: number;
  state: 'pending' | 'available';
  /** Set when the order completes: completion + the after-sales window. */
  maturesAt: Date | null;
  reason: string;
  channel: string;
  createdAt: Date;
  history?: { from: string; to: string; at: Date; by: string }[];
}

export interface CommissionProgram {
  defaultRateBp: number;
  holdDays: number;
  selfPurchaseRebates: boolean;
  /** Who earns: the program's approved KOCs only (the default), or every student (人人分销). */
  kocMode: KocMode;
}

export const DEFAULT_PROGRAM: CommissionProgram = { defaultRateBp: 1000, holdDays: 7, selfPurchaseRebates: false, kocMode: 'approved' };
