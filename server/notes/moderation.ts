// What people do about content (WeChat's rules for UGC: respond to complaints, review by hand):
// a student reports a note or a comment once; at REPORTS_TO_REVIEW distinct reports a published
// note goes back to a person (review) and a comment is hidden; the queue is an administrator's
// (every note waiting) or a merchant's (notes tagging the shop's products), who publishes or
// rejects with a reason the author reads. A student can block another: the blocked one can no
// longer comment on their notes or follow them, and their notes and comments leave the
// blocker's feed and comment lists.
import type { ModerationResults, moderationInput, QueueItem } from '../../core/contracts/notes';
import { NOTES_PAGE } from '../../core/contracts/notes';
import { fail, ok, type Result } from '../../core/result';
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import { hashId } from '../db/hash-id';
import { callerMerchant } from '../users/merchants';
import { findUser, findUsers } from '../users/users';
import { moveFields } from './checks';
import { toCard, visibleNote } from './read';
import { type BlockDoc, blockId, type CommentDoc, type NoteDoc, type ReportDoc } from './store';
import { inTransaction } from './tx';

type In<K extends keyof typeof moderationInput> = import('zod').output<(typeof moderationInput)[K]>;

/** Distinct reports that send a published note back to review, or hide a comment. */
export const REPORTS_TO_REVIEW = 3;

export async function report(ctx: Ctx, input: In<'report'>): Promise<Result<ModerationResults['report']>> {
  const note = await visibleNote(ctx, input.noteId);
  if (note?.status !== 'published') return fail('NOT_FOUND', '笔记不存在或已删除');
  const target = input.commentId ?? input.noteId;
  const id = hashId('report', target, ctx.openid);
  await inTransaction(ctx, async (tx) => {
    if (await txGetDoc<ReportDoc>(tx, 'note_reports', id)) return;
    const at = new Date(ctx.now());
    if (input.commentId) {
      const c = await txGetDoc<CommentDoc>(tx, 'note_comments', input.commentId);
      if (c?.noteId !== input.noteId) return;
      const reports = (c.reports ?? 0) + 1;
      await tx
        .collection('note_comments')
        .doc(c._id)
        .update({ data: { reports, ...(reports >= REPORTS_TO_REVIEW ? { hidden: true } : {}) } });
    } else {
      const n = await txGetDoc<NoteDoc>(tx, 'notes', input.noteId);
      if (!n) return;
      const reports = (n.reports ?? 0) + 1;
      const move = reports >= REPORTS_TO_REVIEW && n.status === 'published' ? moveFields(n, 'review', at, 'reports', '被多位同学举报，等待人工审核') : {};
      await tx
        .collection('notes')
        .doc(n._id)
        .update({ data: { reports, ...move } });
    }
    const doc: ReportDoc = { _id: id, noteId: input.noteId, commentId: input.commentId ?? null, by: ctx.openid, reason: input.reason, at };
    await tx.collection('note_reports').add({ data: doc });
  });
  return ok({ reported: true });
}

/** Who may moderate: an administrator (every note) or a merchant (their shop's notes); null for others. */
async function moderator(ctx: Ctx): Promise<{ admin: true } | { shopId: string } | null> {
  const user = await findUser(ctx, ctx.openid);
  if (user?.roles.includes('admin')) return { admin: true };
  const shop = await callerMerchant(ctx);
  return shop ? { shopId: shop._id } : null;
}

const mayModerate = (who: { admin: true } | { shopId: string }, n: NoteDoc) => 'admin' in who || n.merchantIds.includes(who.shopId);

export async function moderationQueue(ctx: Ctx, cursor: string | undefined): Promise<Result<ModerationResults['moderationQueue']>> {
  const who = await moderator(ctx);
  if (!who) return fail('FORBIDDEN', '只有管理员和商家可以审核笔记');
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<NoteDoc>('notes')
    .where({ status: 'review', ...('admin' in who ? {} : { merchantIds: who.shopId }), ...(cursor ? { createdKey: _.gt(cursor) } : {}) })
    .orderBy('createdKey', 'asc')
    .limit(NOTES_PAGE + 1)
    .get();
  const rows = data as NoteDoc[];
  const page = rows.slice(0, NOTES_PAGE);
  const users = await findUsers(ctx, [...new Set(page.map((n) => n.author))]);
  const items: QueueItem[] = page.map((n) => ({
    ...toCard(n),
    authorName: users.get(n.author)?.nickname || '同学',
    reason: n.reason,
    reports: n.reports ?? 0,
    body: n.body,
    images: n.images,
  }));
  return ok({ items, nextCursor: rows.length > NOTES_PAGE ? (page.at(-1)?.createdKey ?? null) : null });
}

export async function moderate(ctx: Ctx, input: In<'moderate'>): Promise<Result<ModerationResults['moderate'], 'BAD_STATE'>> {
  const who = await moderator(ctx);
  if (!who) return fail('FORBIDDEN', '只有管理员和商家可以审核笔记');
  const outcome = await inTransaction(ctx, async (tx) => {
    const n = await txGetDoc<NoteDoc>(tx, 'notes', input.noteId);
    if (!n || !mayModerate(who, n)) return 'not_found' as const;
    const to = input.approve ? 'published' : 'rejected';
    if (n.status === to) return to;
    if (n.status !== 'review') return 'bad_state' as const;
    const reason = input.approve ? null : `审核未通过：${input.reason}`;
    await tx
      .collection('notes')
      .doc(n._id)
      .update({ data: { ...moveFields(n, to, new Date(ctx.now()), ctx.openid, reason), ...(input.approve ? { reports: 0 } : {}) } });
    return to;
  });
  if (outcome === 'not_found') return fail('NOT_FOUND', '没有这篇待审核的笔记');
  if (outcome === 'bad_state') return fail('BAD_STATE', '这篇笔记已经不在待审核状态');
  return ok({ noteId: input.noteId, status: outcome });
}

export async function block(ctx: Ctx, openid: string): Promise<Result<ModerationResults['block']>> {
  if (openid === ctx.openid) return fail('INVALID_INPUT', '不能拉黑自己');
  if (!(await findUser(ctx, openid))) return fail('NOT_FOUND', '用户不存在');
  const doc: BlockDoc = { _id: blockId(ctx.openid, openid), blocker: ctx.openid, blocked: openid, at: new Date(ctx.now()) };
  await ctx.db
    .collection('note_blocks')
    .doc(doc._id)
    .set({ data: { blocker: doc.blocker, blocked: doc.blocked, at: doc.at } });
  return ok({ blocked: true });
}

export async function unblock(ctx: Ctx, openid: string): Promise<Result<ModerationResults['unblock']>> {
  await ctx.db.collection('note_blocks').where({ blocker: ctx.openid, blocked: openid }).remove();
  return ok({ blocked: false });
}

/** Whether `blocker` blocked `openid`. */
export async function hasBlocked(ctx: Ctx, blocker: string, openid: string): Promise<boolean> {
  return (await getDoc<BlockDoc>(ctx, 'note_blocks', blockId(blocker, openid))) !== null;
}

/** The people the caller blocked (at most 100 read: the feed and comment lists leave them out). */
export async function blockedBy(ctx: Ctx, blocker: string): Promise<Set<string>> {
  if (!blocker) return new Set();
  const { data } = await ctx.db.collection<BlockDoc>('note_blocks').where({ blocker }).limit(100).get();
  return new Set((data as BlockDoc[]).map((b) => b.blocked));
}
