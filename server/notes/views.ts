// What a note's author learns about it (creator analytics): views and unique readers, recorded
// when someone else opens it; taps on its product cards; and, from the sharing and analytics
// domains, the cards made of it, their opens and the orders paid through them. Counters move by
// atomic increments without a transaction (a popular note is opened by many at once; a
// transaction per view would conflict): a reader's first view adds the reader document first,
// so a crash between the two undercounts that one reader by one and never counts twice.
import type { NotesResults } from '../../core/contracts/notes';
import { fail, ok, type Result } from '../../core/result';
import { noteCardFigures } from '../analytics/cards';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import { recordEvent } from '../events';
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

/** The author's figures for one note. */
export async function noteStats(ctx: Ctx, noteId: string): Promise<Result<NotesResults['noteStats']>> {
  const n = await getDoc<NoteDoc>(ctx, 'notes', noteId);
  if (!n || n.author !== ctx.openid || n.status === 'removed') return fail('NOT_FOUND', '笔记不存在或已删除');
  const codes = await noteCodes(ctx, noteId);
  const cards = await noteCardFigures(ctx, codes);
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
    orders: cards.orders,
    revenueFen: cards.revenueFen,
  });
}
