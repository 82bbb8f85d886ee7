// The per-student limit of a campaign, taken as a reservation on one counter document per
// student and campaign (never counted and then written): an order takes a unit with a
// conditional update before it takes a seat, and gives it back when it dies. The same
// document holds the student's one open unpaid group: a leader's order sets it, paying or
// dying clears it. Releases run in the transaction that kills the order; a release missed by
// older data is healed on the next take, from the orders' own state.
import { isLive, type OrderState, UNPAID_STATES } from '../../core/order-machine';
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import { isDuplicateKeyError, type Transaction } from '../db/types';

export interface PurchaseLimitDoc {
  _id: string;
  campaignId: string;
  buyer: string;
  /** Units held = orders.length, kept as a number so the condition is one comparison. */
  held: number;
  orders: string[];
  /** The leader order of the student's open unpaid group, or null. */
  unpaidLead: string | null;
}

export const limitId = (campaignId: string, buyer: string) => `${campaignId}:${buyer}`;

type TakeResult = 'ok' | 'LIMIT_REACHED' | 'UNPAID_GROUP';

async function tryTake(ctx: Ctx, id: string, limit: number, orderId: string, leader: boolean): Promise<boolean> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('purchase_limits')
    .where({ _id: id, held: _.lt(limit), orders: _.nin([orderId]), ...(leader ? { unpaidLead: null } : {}) })
    .update({ data: { held: _.inc(1), orders: _.push([orderId]), ...(leader ? { unpaidLead: orderId } : {}) } });
  return res.stats.updated === 1;
}

/** Takes one unit of the student's limit for this order (and the open-unpaid-group slot for a leader). Safe to repeat. */
export async function takeLimit(ctx: Ctx, c: { _id: string; perStudentLimit: number }, buyer: string, orderId: string, leader: boolean): Promise<TakeResult> {
  const id = limitId(c._id, buyer);
  try {
    const doc: PurchaseLimitDoc = { _id: id, campaignId: c._id, buyer, held: 0, orders: [], unpaidLead: null };
    await ctx.db.collection('purchase_limits').add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await tryTake(ctx, id, c.perStudentLimit, orderId, leader)) return 'ok';
    const doc = (await getDoc<PurchaseLimitDoc>(ctx, 'purchase_limits', id)) as PurchaseLimitDoc;
    // One update sets both, so the order being listed means this take already happened.
    if (doc.orders.includes(orderId)) return 'ok';
    if (attempt === 0 && (await heal(ctx, doc))) continue;
    return doc.held >= c.perStudentLimit ? 'LIMIT_REACHED' : 'UNPAID_GROUP';
  }
  return 'LIMIT_REACHED';
}

/** Gives back what dead orders still hold (their state is final, so this is always right). */
async function heal(ctx: Ctx, doc: PurchaseLimitDoc): Promise<boolean> {
  const _ = ctx.db.command;
  let healed = false;
  for (const orderId of new Set([...doc.orders, ...(doc.unpaidLead ? [doc.unpaidLead] : [])])) {
    const o = await getDoc<{ status: OrderState }>(ctx, 'orders', orderId);
    if (doc.orders.includes(orderId) && (!o || !isLive(o.status))) {
      const r = await ctx.db
        .collection('purchase_limits')
        .where({ _id: doc._id, orders: orderId })
        .update({ data: { held: _.inc(-1), orders: _.pull(orderId) } });
      healed ||= r.stats.updated === 1;
    }
    if (doc.unpaidLead === orderId && (!o || !UNPAID_STATES.includes(o.status))) {
      const r = await ctx.db
        .collection('purchase_limits')
        .where({ _id: doc._id, unpaidLead: orderId })
        .update({ data: { unpaidLead: null } });
      healed ||= r.stats.updated === 1;
    }
  }
  return healed;
}

/**
 * Inside the transaction that moves the order: `dead` gives its unit back, and either way a
 * leader's order that is no longer unpaid frees the open-unpaid-group slot.
 */
export async function releaseLimitTx(tx: Transaction, o: { _id: string; campaignId: string; buyer: string }, dead: boolean): Promise<void> {
  const id = limitId(o.campaignId, o.buyer);
  const doc = await txGetDoc<PurchaseLimitDoc>(tx, 'purchase_limits', id);
  if (!doc) return;
  const holds = dead && doc.orders.includes(o._id);
  const leads = doc.unpaidLead === o._id;
  if (!holds && !leads) return;
  const orders = holds ? doc.orders.filter((x) => x !== o._id) : doc.orders;
  await tx
    .collection('purchase_limits')
    .doc(id)
    .update({ data: { held: orders.length, orders, unpaidLead: leads ? null : doc.unpaidLead } });
}

/** Outside a transaction, for an order already dead: its unit and slot go back (conditional, once). */
export async function releaseLimit(ctx: Ctx, o: { _id: string; campaignId: string; buyer: string }): Promise<void> {
  const _ = ctx.db.command;
  const id = limitId(o.campaignId, o.buyer);
  await ctx.db
    .collection('purchase_limits')
    .where({ _id: id, orders: o._id })
    .update({ data: { held: _.inc(-1), orders: _.pull(o._id) } });
  await ctx.db
    .collection('purchase_limits')
    .where({ _id: id, unpaidLead: o._id })
    .update({ data: { unpaidLead: null } });
}
