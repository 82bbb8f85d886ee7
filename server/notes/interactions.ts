// Likes, collects, comments and follows. Each is a document whose id names who did it to what
// (a like is `${noteId}:${openid}`), created in the same transaction as the note's counter moves
// (_.inc), so a like sent twice, or 20 times at once, counts once, and an unlike takes one off
// only when there was a like. Counts are only ever these increments: no number is made up.
// The notification to the note's author is written in the same transaction.
import type { NotesResults } from '../../core/contracts/notes';
import { hotKey } from '../../core/notes/feed-rank';
import { timeKey } from '../../core/notes/rules';
import { fail, ok, type Result } from '../../core/result';
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import { hashId } from '../db/hash-id';
import type { Transaction } from '../db/types';
import { recordEventTx } from '../events';
import { addInterestTx } from './interests';
import { hasBlocked } from './moderation';
import { type CommentDoc, type FollowDoc, followId, type MarkDoc, markId, type NoteDoc, type NotificationDoc } from './store';
import { inTransaction } from './tx';

type Mark = { collection: 'note_likes' | 'note_collects'; counter: 'likes' | 'collects' };
/** The mark's collection in a transaction, named literally (server/db/ownership.test.ts reads the names). */
const marksIn = (tx: Transaction, m: Mark) => (m.collection === 'note_likes' ? tx.collection('note_likes') : tx.collection('note_collects'));
export const LIKE: Mark = { collection: 'note_likes', counter: 'likes' };
export const COLLECT: Mark = { collection: 'note_collects', counter: 'collects' };

/** The note's feed key once a counter moves by `delta` (read in the same transaction as the move). */
function hotAfter(n: NoteDoc, counter: 'likes' | 'collects' | 'comments', delta: number): number {
  const counts = { likes: n.likes, collects: n.collects, comments: n.comments, shares: 0, [counter]: n[counter] + delta };
  return hotKey(counts, new Date(n.publishedAt ?? n.createdAt).getTime());
}

/** Writes (or rewrites) a notification in the transaction; none to oneself. */
async function notify(tx: Transaction, ctx: Ctx, n: Omit<NotificationDoc, 'key' | 'at'>): Promise<void> {
  if (n.to === n.from) return;
  const at = new Date(ctx.now());
  const { _id, ...fields } = n;
  // set (not add): a like taken back and given again tells once, rewritten.
  await tx
    .collection('notifications')
    .doc(_id)
    .set({ data: { ...fields, at, key: timeKey(at.getTime(), _id) } });
}

/** Marks a published note (like or collect) once per person; answers the count after. */
export async function mark(ctx: Ctx, m: Mark, noteId: string): Promise<Result<number>> {
  const id = markId(noteId, ctx.openid);
  const count = await inTransaction(ctx, async (tx) => {
    const n = await txGetDoc<NoteDoc>(tx, 'notes', noteId);
    if (n?.status !== 'published') return null;
    if (await txGetDoc<MarkDoc>(tx, m.collection, id)) return n[m.counter];
    const doc: MarkDoc = { _id: id, noteId, openid: ctx.openid, at: new Date(ctx.now()) };
    await marksIn(tx, m).add({ data: doc });
    await tx
      .collection('notes')
      .doc(noteId)
      .update({ data: { [m.counter]: ctx.db.command.inc(1), hot: hotAfter(n, m.counter, 1) } });
    await addInterestTx(tx, ctx, n, m === LIKE ? 'like' : 'collect');
    // Once per person and note: a like taken back and given again is not new engagement.
    const eventId = `${m === LIKE ? 'liked' : 'collected'}:${id}`;
    if (!(await txGetDoc(tx, 'events', eventId)))
      await recordEventTx(tx, ctx, eventId, m === LIKE ? 'note_liked' : 'note_collected', { noteId, author: n.author });
    if (m === LIKE) await notify(tx, ctx, { _id: `liked:${id}`, to: n.author, kind: 'liked', from: ctx.openid, noteId, text: n.title });
    return n[m.counter] + 1;
  });
  return count === null ? fail('NOT_FOUND', '笔记不存在或已删除') : ok(count);
}

/** Takes a mark back: the counter moves only when the mark existed. */
export async function unmark(ctx: Ctx, m: Mark, noteId: string): Promise<Result<number>> {
  const id = markId(noteId, ctx.openid);
  const count = await inTransaction(ctx, async (tx) => {
    const n = await txGetDoc<NoteDoc>(tx, 'notes', noteId);
    if (!n) return null;
    if (!(await txGetDoc<MarkDoc>(tx, m.collection, id))) return n[m.counter];
    await marksIn(tx, m).doc(id).remove();
    await tx
      .collection('notes')
      .doc(noteId)
      .update({ data: { [m.counter]: ctx.db.command.inc(-1), hot: hotAfter(n, m.counter, -1) } });
    return n[m.counter] - 1;
  });
  return count === null ? fail('NOT_FOUND', '笔记不存在') : ok(count);
}

/**
 * A comment (checked first, scene 2) on a published note, once per request. A reply names a
 * comment of the same note; its author is told as well as the note's.
 */
export async function comment(
  ctx: Ctx,
  input: { noteId: string; text: string; replyTo?: string; requestId: string },
): Promise<Result<NotesResults['comment'], 'BAD_STATE'>> {
  const commentId = hashId(ctx.openid, input.requestId);
  const n = await getDoc<NoteDoc>(ctx, 'notes', input.noteId);
  if (!n || n.status === 'removed') return fail('NOT_FOUND', '笔记不存在或已删除');
  if (n.status !== 'published') return fail('BAD_STATE', '笔记还没有发布，暂时不能评论');
  if (await hasBlocked(ctx, n.author, ctx.openid)) return fail('FORBIDDEN', '作者设置了不接受你的评论');
  if (await getDoc<CommentDoc>(ctx, 'note_comments', commentId)) return ok({ commentId });
  const parent = input.replyTo ? await getDoc<CommentDoc>(ctx, 'note_comments', input.replyTo) : null;
  if (input.replyTo && parent?.noteId !== input.noteId) return fail('NOT_FOUND', '要回复的评论不存在');
  const check = await ctx.contentCheck.checkText({ content: input.text, openid: ctx.openid, scene: 2 });
  if (check.suggest !== 'pass') return fail('CONTENT_REJECTED', '评论含有不适合发布的内容，请修改后再发');
  const outcome = await inTransaction(ctx, async (tx) => {
    const now = await txGetDoc<NoteDoc>(tx, 'notes', input.noteId);
    if (now?.status !== 'published') return 'gone' as const;
    if (await txGetDoc<CommentDoc>(tx, 'note_comments', commentId)) return 'done' as const;
    const at = new Date(ctx.now());
    const doc: CommentDoc = {
      _id: commentId,
      noteId: input.noteId,
      author: ctx.openid,
      text: input.text,
      replyTo: input.replyTo ?? null,
      key: timeKey(at.getTime(), commentId),
      at,
    };
    await tx.collection('note_comments').add({ data: doc });
    await recordEventTx(tx, ctx, `commented:${commentId}`, 'note_commented', { noteId: input.noteId, author: now.author, commentId });
    await tx
      .collection('notes')
      .doc(input.noteId)
      .update({ data: { comments: ctx.db.command.inc(1), hot: hotAfter(now, 'comments', 1) } });
    const told = { kind: 'commented' as const, from: ctx.openid, noteId: input.noteId, text: input.text.slice(0, 60) };
    await notify(tx, ctx, { _id: `commented:${commentId}`, to: now.author, ...told });
    if (parent && parent.author !== now.author) await notify(tx, ctx, { _id: `replied:${commentId}`, to: parent.author, ...told });
    return 'done' as const;
  });
  if (outcome === 'gone') return fail('NOT_FOUND', '笔记不存在或已删除');
  return ok({ commentId });
}

/** Follows a student (not oneself), once. */
export async function follow(ctx: Ctx, openid: string): Promise<Result<NotesResults['follow']>> {
  if (openid === ctx.openid) return fail('INVALID_INPUT', '不能关注自己');
  if (!(await getDoc(ctx, 'users', openid))) return fail('NOT_FOUND', '用户不存在');
  if (await hasBlocked(ctx, openid, ctx.openid)) return fail('FORBIDDEN', '对方设置了不允许你关注');
  const id = followId(ctx.openid, openid);
  await inTransaction(ctx, async (tx) => {
    if (await txGetDoc<FollowDoc>(tx, 'note_follows', id)) return;
    const doc: FollowDoc = { _id: id, follower: ctx.openid, followee: openid, at: new Date(ctx.now()) };
    await tx.collection('note_follows').add({ data: doc });
    await recordEventTx(tx, ctx, `followed:${id}`, 'user_followed', { followee: openid });
    await notify(tx, ctx, { _id: `followed:${id}`, to: openid, kind: 'followed', from: ctx.openid, noteId: null, text: '' });
  });
  return ok({ following: true });
}

export async function unfollow(ctx: Ctx, openid: string): Promise<Result<NotesResults['unfollow']>> {
  const id = followId(ctx.openid, openid);
  await inTransaction(ctx, async (tx) => {
    if (await txGetDoc<FollowDoc>(tx, 'note_follows', id)) await tx.collection('note_follows').doc(id).remove();
  });
  return ok({ following: false });
}
