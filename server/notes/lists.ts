// A note's comments (oldest first) and a student's notifications (newest first), keyset-paged on
// a unique time key so a page is one indexed query however far the student scrolls.
import { NOTES_PAGE, type NotesResults } from '../../core/contracts/notes';
import { fail, ok, type Result } from '../../core/result';
import type { Ctx } from '../context';
import { findUsers } from '../users/users';
import { blockedBy } from './moderation';
import { visibleNote } from './read';
import type { CommentDoc, NotificationDoc } from './store';

export async function comments(ctx: Ctx, noteId: string, cursor: string | undefined): Promise<Result<NotesResults['comments']>> {
  if (!(await visibleNote(ctx, noteId))) return fail('NOT_FOUND', '笔记不存在或已删除');
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<CommentDoc>('note_comments')
    .where({ noteId, ...(cursor ? { key: _.gt(cursor) } : {}) })
    .orderBy('key', 'asc')
    .limit(NOTES_PAGE + 1)
    .get();
  const rows = data as CommentDoc[];
  const items = rows.slice(0, NOTES_PAGE);
  // Reported comments wait for a person; the caller's blocked people are left out.
  const [blocked, users] = await Promise.all([blockedBy(ctx, ctx.openid), findUsers(ctx, [...new Set(items.map((c) => c.author))])]);
  return ok({
    items: items
      .filter((c) => !c.hidden && !blocked.has(c.author))
      .map((c) => ({
        commentId: c._id,
        author: c.author,
        authorName: users.get(c.author)?.nickname || '同学',
        authorAvatar: users.get(c.author)?.avatarUrl ?? '',
        text: c.text,
        replyTo: c.replyTo,
        at: new Date(c.at).getTime(),
      })),
    nextCursor: rows.length > NOTES_PAGE ? items[items.length - 1].key : null,
  });
}

export async function notifications(ctx: Ctx, cursor: string | undefined): Promise<NotesResults['notifications']> {
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<NotificationDoc>('notifications')
    .where({ to: ctx.openid, ...(cursor ? { key: _.lt(cursor) } : {}) })
    .orderBy('key', 'desc')
    .limit(NOTES_PAGE + 1)
    .get();
  const rows = data as NotificationDoc[];
  const items = rows.slice(0, NOTES_PAGE);
  const users = await findUsers(ctx, [...new Set(items.map((n) => n.from))]);
  return {
    items: items.map((n) => ({
      id: n._id,
      kind: n.kind,
      from: n.from,
      fromName: users.get(n.from)?.nickname || '同学',
      noteId: n.noteId,
      text: n.text,
      at: new Date(n.at).getTime(),
    })),
    nextCursor: rows.length > NOTES_PAGE ? items[items.length - 1].key : null,
  };
}
