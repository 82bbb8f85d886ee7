// What a note's author learns about it (creator analytics): views and unique readers, recorded
// when someone else opens it; taps on its product cards; and, from the sharing and analytics
// domains, the cards made of it and their opens; and the orders it brought, through its cards or
// bought by a reader within a week of tapping the product in it. Counters move by
// atomic increments without a transaction (a popular note is opened by many at once; a
// transaction per view would conflict): a reader's first view adds the reader document first,
// so a crash between the two undercounts that one reader by one and never counts twice.
import type { NotesResults } from '../../core/contracts/notes';
import { fail, ok, type Result } from '../../core/result';
import { noteCardFigures } from '../analytics/cards';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import { recordEvent } from '../events';
import { type OrderDoc, paidOrdersOf } from '../orders/orders';
import { noteCodes } from '../sharing/note-cards';
import { markId, type NoteDoc } from './store';

/** Counts a view of a published note by someone other than its author (and a first read once). */
export async function recordView(ctx: Ctx, n: NoteDoc): Promise<void> {
  if (!ctx.openid || ctx.openid === n.author || n.status !== 'published') return;
  let firstRead = true;
  try {
    await ctx.db.collection('note_readers').add({ data: { _id: markId(n._id, ctx.openid), noteId: n._id, openid: ctx.openid, at: new Date(ctx.now()) } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    firstRead = false;
  }
  const _ = ctx.db.command;
  await ctx.db
    .collection('notes')
    .doc(n._id)
    .update({ data: { views: _.inc(1), ...(firstRead ? { readers: _.inc(1) } : {}) } });
  await recordEvent(ctx, 'note_viewed', { noteId: n._id, author: n.author, firstRead });
}

/** A tap on one of the note's product cards. */
export async function productClick(ctx: Ctx, noteId: string, productId: string): Promise<Result<NotesResults['productClick']>> {
  const n = await getDoc<NoteDoc>(ctx, 'notes', noteId);
  const index = n?.productIds.indexOf(productId) ?? -1;
  if (n?.status !== 'published' || index < 0) return fail('NOT_FOUND', '笔记里没有这个商品');
  await ctx.db
    .collection('notes')
    .doc(noteId)
    .update({ data: { productClicks: ctx.db.command.inc(1) } });
  await recordEvent(ctx, 'note_product_click', { noteId, author: n.author, productId, merchantId: n.merchantIds[index] ?? '' });
  return ok({ counted: true });
}

/** How long after a tap on a note's product card a purchase of it counts for the note. */
export const TAP_WINDOW_MS = 7 * 86_400_000;

interface TapEvent {
  openid: string;
  productId: string;
  at: Date;
}

/**
 * The orders a note brought: paid through its share cards (order_paid events carrying one of its
 * codes), or a reader's paid order of a product they tapped in the note within TAP_WINDOW_MS after
 * the tap. Counted once each, with the money kept (paid less refunded). Reads: the taps, the
 * tappers' orders, the card orders' events and those orders: a fixed number.
 */
async function notedOrders(ctx: Ctx, n: NoteDoc, codes: string[]): Promise<{ orders: number; revenueFen: number }> {
  const _ = ctx.db.command;
  const [taps, cardPaid] = await Promise.all([
    ctx.db.collection<TapEvent>('events').where({ noteId: n._id, type: 'note_product_click' }).orderBy('at', 'desc').limit(100).get(),
    codes.length
      ? ctx.db
          .collection<{ orderId: string }>('events')
          .where({ type: 'order_paid', code: _.in(codes) })
          .limit(100)
          .get()
      : { data: [] },
  ]);
  const tapList = taps.data as TapEvent[];
  const afterTap = await paidOrdersOf(ctx, [...new Set(tapList.map((t) => t.openid))], n.productIds);
  const ids = new Set((cardPaid.data as { orderId: string }[]).map((e) => e.orderId));
  for (const o of afterTap) {
    const at = new Date(o.createdAt).getTime();
    const tapped = tapList.some(
      (t) => t.openid === o.buyer && t.productId === o.productId && at >= new Date(t.at).getTime() && at - new Date(t.at).getTime() <= TAP_WINDOW_MS,
    );
    if (tapped) ids.add(o._id);
  }
  const known = new Map(afterTap.map((o) => [o._id, o]));
  const missing = [...ids].filter((id) => !known.has(id));
  const more = await getDocsByIds<OrderDoc>(ctx, 'orders', missing);
  let revenueFen = 0;
  for (const id of ids) {
    const o = known.get(id) ?? more.get(id);
    if (o) revenueFen += o.totalFen - (o.refundedFen ?? 0);
  }
  return { orders: ids.size, revenueFen };
}

/** The author's figures for one note. */
export async function noteStats(ctx: Ctx, noteId: string): Promise<Result<NotesResults['noteStats']>> {
  const n = await getDoc<NoteDoc>(ctx, 'notes', noteId);
  if (!n || n.author !== ctx.openid || n.status === 'removed') return fail('NOT_FOUND', '笔记不存在或已删除');
  const codes = await noteCodes(ctx, noteId);
  const [cards, bought] = await Promise.all([noteCardFigures(ctx, codes), notedOrders(ctx, n, codes)]);
  return ok({
    noteId,
    views: n.views ?? 0,
    readers: n.readers ?? 0,
    likes: n.likes,
    collects: n.collects,
    comments: n.comments,
    shares: codes.length,
    productClicks: n.productClicks ?? 0,
    cardOpens: cards.opens,
    orders: bought.orders,
    revenueFen: bought.revenueFen,
  });
}
