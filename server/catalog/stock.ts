// A product's own stock, taken by orders bought alone (kind 'solo'). Like a campaign's, it is
// reserved by a conditional update keyed by the order: the product lists the unpaid orders
// holding units now (heldOrders, bounded by the orders within their payment window), so a
// retry never takes twice. Paying sells the units (off the list, into soloSold) in the payment's
// transaction; an order that dies unpaid gives them back in the transaction that ends it.
// Conserved: stock (free) + heldUnits + soloSold = stocked, when the product records stocked.
import { UNPAID_STATES } from '../../core/order-machine';
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import type { Transaction } from '../db/types';
import type { ProductDoc } from './products';

export interface StockFields {
  /** Orders holding units now (reserving or created). */
  heldOrders?: string[];
  /** Units those orders hold (the sum of their quantities). */
  heldUnits?: number;
  /** Units sold to paid solo orders. */
  soloSold?: number;
  /** Units sold in all (the merchant's product list; group sales are counted in sales.ts). */
  sold?: number;
  /** Every unit the merchant ever put in; free + held + sold always equals it. */
  stocked?: number;
}

export type StockedProduct = ProductDoc & StockFields;

/** What an order holding stock says about itself. */
export interface StockHolder {
  _id: string;
  productId: string;
  quantity: number;
}

export type TakeOutcome = 'ok' | 'SOLD_OUT';

/** Takes the order's units, once: true when they are taken (now or by an earlier try of the same order). */
export async function takeStock(ctx: Ctx, o: StockHolder): Promise<TakeOutcome> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('products')
    .where({ _id: o.productId, status: 'on_sale', stock: _.gte(o.quantity), heldOrders: _.nin([o._id]) })
    .update({ data: { stock: _.inc(-o.quantity), heldUnits: _.inc(o.quantity), heldOrders: _.push([o._id]) } });
  if (res.stats.updated === 1) return 'ok';
  const p = await getDoc<StockedProduct>(ctx, 'products', o.productId);
  return p?.heldOrders?.includes(o._id) ? 'ok' : 'SOLD_OUT';
}

async function readHold(tx: Transaction, o: StockHolder): Promise<StockedProduct | null> {
  if (!o.productId) return null;
  const p = await txGetDoc<StockedProduct>(tx, 'products', o.productId);
  return p?.heldOrders?.includes(o._id) ? p : null;
}

function without(p: StockedProduct, o: StockHolder) {
  return { heldOrders: (p.heldOrders ?? []).filter((x) => x !== o._id), heldUnits: (p.heldUnits ?? 0) - o.quantity };
}

/** Inside the transaction that ends an unpaid order: its units go back (if it still holds them). */
export async function releaseStockTx(tx: Transaction, o: StockHolder): Promise<void> {
  const p = await readHold(tx, o);
  if (!p) return;
  await tx
    .collection('products')
    .doc(p._id)
    .update({ data: { ...without(p, o), stock: p.stock + o.quantity } });
}

/** Inside the payment's transaction: the order's held units are sold (also counted in the merchant's `sold`). False when it held none. */
export async function sellStockTx(tx: Transaction, o: StockHolder): Promise<boolean> {
  const p = await readHold(tx, o);
  if (!p) return false;
  await tx
    .collection('products')
    .doc(p._id)
    .update({ data: { ...without(p, o), soloSold: (p.soloSold ?? 0) + o.quantity, sold: (p.sold ?? 0) + o.quantity } });
  return true;
}

/**
 * Reconciler step for one product: units held by an order that is no longer unpaid go back. A
 * dead order's (a buy whose order was swept while its step still ran, or a crash) and a paid
 * order's (a late try that took again after the sale; the sale itself left the list) alike: the
 * payment's transaction is the only place a hold becomes a sale. One transaction re-reads both.
 */
export async function releaseIfNotUnpaid(ctx: Ctx, productId: string, orderId: string): Promise<boolean> {
  return ctx.db.runTransaction(async (tx) => {
    const o = await txGetDoc<StockHolder & { status: (typeof UNPAID_STATES)[number] }>(tx, 'orders', orderId);
    const p = await txGetDoc<StockedProduct>(tx, 'products', productId);
    if (!p?.heldOrders?.includes(orderId) || (o && UNPAID_STATES.includes(o.status))) return false;
    const quantity = o?.quantity ?? 0;
    await tx
      .collection('products')
      .doc(p._id)
      .update({
        data: { heldOrders: p.heldOrders.filter((x) => x !== orderId), heldUnits: (p.heldUnits ?? 0) - quantity, stock: p.stock + quantity },
      });
    return true;
  }, 10);
}
