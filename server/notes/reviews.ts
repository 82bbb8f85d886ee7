// Reviews: once an order is completed its buyer rates it (1-5) once, with words and photos.
// Words alone are checked at once (msgSecCheck, scene 2) and shown on the product page; a review
// with photos, or one the buyer publishes as a note, becomes a note with 已购 through the note
// flow (text and images checked, 广告 decided by the server), and the product page links to it.
// The review's id is made from the order, so a retried review writes one.
import type { z } from 'zod';
import { NOTES_PAGE, type ReviewResults, type ReviewView, type reviewInput } from '../../core/contracts/notes';
import { fail, ok, type Result } from '../../core/result';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import { findOrder } from '../orders/orders';
import { findUsers } from '../users/users';
import { publish } from './publish';
import type { NoteDoc } from './store';

export interface ReviewDoc {
  _id: string; // `review_${orderId}`
  orderId: string;
  productId: string;
  merchantId: string;
  author: string;
  rating: number;
  text: string;
  noteId: string | null;
  at: Date;
}

const reviewId = (orderId: string) => `review_${orderId}`;

export async function review(ctx: Ctx, input: z.output<typeof reviewInput.review>): Promise<Result<ReviewResults['review'], 'BAD_STATE'>> {
  const order = await findOrder(ctx, input.orderId);
  if (!order || order.buyer !== ctx.openid) return fail('NOT_FOUND', '没有这个订单');
  if (order.status !== 'completed') return fail('BAD_STATE', '确认收货后才能评价');
  const id = reviewId(order._id);
  const existing = await getDoc<ReviewDoc>(ctx, 'reviews', id);
  if (existing) return ok(await outcome(ctx, existing));
  const asNote = input.asNote || input.images.length > 0;
  if (!asNote && input.text) {
    const check = await ctx.contentCheck.checkText({ content: input.text, openid: ctx.openid, scene: 2 });
    if (check.suggest !== 'pass') return fail('CONTENT_REJECTED', '评价含有不适合发布的内容，请修改后再发');
  }
  // The note first (idempotent by the review's request), so a review never names a note that is not there.
  let noteId: string | null = null;
  if (asNote) {
    const note = await publish(ctx, {
      title: `${'★'.repeat(input.rating)} ${order.title}`.slice(0, 40),
      body: input.text,
      images: input.images,
      topics: ['买家评价'],
      productIds: [order.productId],
      orderId: order._id,
      draft: false,
      requestId: input.requestId,
    });
    if (!note.ok) return note.code === 'INVALID_INPUT' ? fail('BAD_STATE', `商品已下架，不能发成笔记：${note.message}`) : note;
    noteId = note.data.noteId;
  }
  const doc: ReviewDoc = {
    _id: id,
    orderId: order._id,
    productId: order.productId,
    merchantId: order.merchantId,
    author: ctx.openid,
    rating: input.rating,
    text: asNote ? '' : input.text,
    noteId,
    at: new Date(ctx.now()),
  };
  try {
    await ctx.db.collection('reviews').add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    return ok(await outcome(ctx, (await getDoc<ReviewDoc>(ctx, 'reviews', id)) as ReviewDoc));
  }
  return ok(await outcome(ctx, doc));
}

async function outcome(ctx: Ctx, r: ReviewDoc): Promise<ReviewResults['review']> {
  const note = r.noteId ? await getDoc<NoteDoc>(ctx, 'notes', r.noteId) : null;
  return { reviewId: r._id, noteId: r.noteId, status: note?.status ?? null, reason: note?.reason ?? null };
}

/** A product's reviews, newest first, with the count and average over all of them (one aggregation). */
export async function productReviews(ctx: Ctx, productId: string, cursor: string | undefined): Promise<ReviewResults['productReviews']> {
  const _ = ctx.db.command;
  const $ = _.aggregate;
  const [summary, page] = await Promise.all([
    ctx.db
      .collection('reviews')
      .aggregate()
      .match({ productId })
      .group({ _id: null, n: $.sum(1), total: $.sum('$rating') })
      .end(),
    ctx.db
      .collection<ReviewDoc>('reviews')
      .where({ productId, ...(cursor ? { at: _.lt(new Date(Number(cursor))) } : {}) })
      .orderBy('at', 'desc')
      .orderBy('_id', 'desc')
      .limit(NOTES_PAGE + 1)
      .get(),
  ]);
  const s = (summary.list[0] ?? { n: 0, total: 0 }) as { n: number; total: number };
  const rows = (page.data as ReviewDoc[]).slice(0, NOTES_PAGE);
  const [users, notes] = await Promise.all([
    findUsers(ctx, [...new Set(rows.map((r) => r.author))]),
    getDocsByIds<NoteDoc>(
      ctx,
      'notes',
      rows.flatMap((r) => (r.noteId ? [r.noteId] : [])),
    ),
  ]);
  const items: ReviewView[] = rows.map((r) => {
    const note = r.noteId ? notes.get(r.noteId) : undefined;
    const published = note?.status === 'published';
    return {
      reviewId: r._id,
      rating: r.rating,
      // A review made a note shows the note's words once it is published (never before its checks pass).
      text: published && note ? note.body : r.text,
      authorName: users.get(r.author)?.nickname || '同学',
      authorAvatar: users.get(r.author)?.avatarUrl ?? '',
      noteId: published ? r.noteId : null,
      at: new Date(r.at).getTime(),
    };
  });
  const last = rows.at(-1);
  return {
    count: s.n,
    average: s.n ? Math.round((s.total / s.n) * 10) / 10 : null,
    items,
    nextCursor: page.data.length > NOTES_PAGE && last ? String(new Date(last.at).getTime()) : null,
  };
}
