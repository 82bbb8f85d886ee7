// A student's feed interests and settings (note_interests, _id the openid): weights per topic and
// per product category from their likes, collects and purchases (each weight halves every 30
// days, applied when the document is next written), the notes they marked 不感兴趣, whether
// the feed is personalised (on until they turn it off) and whether their collects are public.
// Likes and collects write it in their own transaction, so an interest is counted exactly when
// the mark is.
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import type { Transaction } from '../db/types';
import { inTransaction } from './tx';

export interface InterestsDoc {
  _id: string;
  topics: Record<string, number>;
  categories: Record<string, number>;
  /** 不感兴趣, newest last; at most HIDDEN_MAX kept. */
  hidden: string[];
  personalized: boolean;
  collectsPublic: boolean;
  /** Orders already counted as purchases (the purchase step may read an event twice). */
  purchases: string[];
  at: Date;
}

const HALF_LIFE_MS = 30 * 86_400_000;
const HIDDEN_MAX = 200;
const PURCHASES_MAX = 50;
/** Weights below this are dropped, so the document does not grow with every topic ever seen. */
const FLOOR = 0.05;
export const ACTION_WEIGHT = { like: 1, collect: 2, purchase: 3 } as const;

export const emptyInterests = (openid: string, at: Date): InterestsDoc => ({
  _id: openid,
  topics: {},
  categories: {},
  hidden: [],
  personalized: true,
  collectsPublic: false,
  purchases: [],
  at,
});

export async function interestsOf(ctx: Ctx, openid: string): Promise<InterestsDoc> {
  return (await getDoc<InterestsDoc>(ctx, 'note_interests', openid)) ?? emptyInterests(openid, new Date(ctx.now()));
}

function decayed(weights: Record<string, number>, factor: number, add: readonly string[], weight: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(weights)) if (v * factor >= FLOOR) out[k] = v * factor;
  for (const k of add) out[k] = (out[k] ?? 0) + weight;
  return out;
}

/** The interests after one more action on something with these topics and categories. */
export function withAction(
  doc: InterestsDoc,
  kind: keyof typeof ACTION_WEIGHT,
  topics: readonly string[],
  categories: readonly string[],
  now: number,
): InterestsDoc {
  const factor = 0.5 ** (Math.max(0, now - new Date(doc.at).getTime()) / HALF_LIFE_MS);
  const w = ACTION_WEIGHT[kind];
  return { ...doc, topics: decayed(doc.topics, factor, topics, w), categories: decayed(doc.categories, factor, categories, w), at: new Date(now) };
}

/** Inside a like's or collect's transaction: the student's interests take the note's topics and categories. */
export async function addInterestTx(tx: Transaction, ctx: Ctx, note: { topics: string[]; categories?: string[] }, kind: 'like' | 'collect'): Promise<void> {
  const now = ctx.now();
  const doc = (await txGetDoc<InterestsDoc>(tx, 'note_interests', ctx.openid)) ?? emptyInterests(ctx.openid, new Date(now));
  const { _id, ...next } = withAction(doc, kind, note.topics, note.categories ?? [], now);
  await tx.collection('note_interests').doc(ctx.openid).set({ data: next });
}

/** Changes the caller's document (made when missing); `change` returns the fields to write. */
async function updateOwn(ctx: Ctx, change: (doc: InterestsDoc) => Partial<InterestsDoc>): Promise<InterestsDoc> {
  // In a transaction with the likes that write the same document, so neither loses the other's change.
  return inTransaction(ctx, async (tx) => {
    const doc = (await txGetDoc<InterestsDoc>(tx, 'note_interests', ctx.openid)) ?? emptyInterests(ctx.openid, new Date(ctx.now()));
    const next = { ...doc, ...change(doc) };
    const { _id, ...data } = next;
    await tx.collection('note_interests').doc(ctx.openid).set({ data });
    return next;
  });
}

/** 不感兴趣: the note leaves the caller's personalised feed (the oldest marks drop after HIDDEN_MAX). */
export const hideNote = (ctx: Ctx, noteId: string) =>
  updateOwn(ctx, (d) => ({ hidden: d.hidden.includes(noteId) ? d.hidden : [...d.hidden, noteId].slice(-HIDDEN_MAX) }));

export const setPersonalized = (ctx: Ctx, on: boolean) => updateOwn(ctx, () => ({ personalized: on }));
export const setCollectsPublic = (ctx: Ctx, on: boolean) => updateOwn(ctx, () => ({ collectsPublic: on }));

/** A purchase (an order counted once) adds its product's category. */
export async function addPurchase(ctx: Ctx, buyer: string, orderId: string, categories: readonly string[]): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const doc = (await txGetDoc<InterestsDoc>(tx, 'note_interests', buyer)) ?? emptyInterests(buyer, new Date(ctx.now()));
    if (doc.purchases.includes(orderId)) return;
    const next = withAction(doc, 'purchase', [], categories, ctx.now());
    const { _id, ...data } = { ...next, purchases: [...doc.purchases, orderId].slice(-PURCHASES_MAX) };
    await tx.collection('note_interests').doc(buyer).set({ data });
  });
}
