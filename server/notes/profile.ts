// A student's public page: name and avatar, their KOC tier and badges (from the koc domain),
// their published notes, followers and following (counted, never listed to others), whether the
// caller follows them, and their collects when they made them public. A fixed number of reads.
import { type FeedResults, NOTES_PAGE } from '../../core/contracts/notes';
import { fail, ok, type Result } from '../../core/result';
import { TIER_NAMES } from '../../core/tiers';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { publicStanding } from '../koc/members';
import { findUser } from '../users/users';
import { cardsOf } from './feed';
import { interestsOf } from './interests';
import { followId, type MarkDoc, type NoteDoc } from './store';

export async function profile(ctx: Ctx, openid: string): Promise<Result<FeedResults['profile']>> {
  const user = await findUser(ctx, openid);
  if (!user) return fail('NOT_FOUND', '没有这位同学');
  const notesOf = ctx.db.collection<NoteDoc>('notes').where({ author: openid, status: 'published' });
  const [standing, notes, followers, following, follow, settings, page] = await Promise.all([
    publicStanding(ctx, openid),
    notesOf.count(),
    ctx.db.collection('note_follows').where({ followee: openid }).count(),
    ctx.db.collection('note_follows').where({ follower: openid }).count(),
    ctx.openid && ctx.openid !== openid ? getDoc(ctx, 'note_follows', followId(ctx.openid, openid)) : null,
    interestsOf(ctx, openid),
    ctx.db
      .collection<NoteDoc>('notes')
      .where({ author: openid, status: 'published' })
      .orderBy('publishedKey', 'desc')
      .limit(NOTES_PAGE + 1)
      .get(),
  ]);
  const rows = page.data as NoteDoc[];
  const items = rows.slice(0, NOTES_PAGE);
  return ok({
    openid,
    nickname: user.nickname || '同学',
    avatarUrl: user.avatarUrl,
    tierName: standing.tier ? TIER_NAMES[standing.tier] : null,
    badges: standing.badges,
    notes: notes.total,
    followers: followers.total,
    following: following.total,
    isFollowing: follow !== null,
    isMe: ctx.openid === openid,
    collectsPublic: settings.collectsPublic,
    items: await cardsOf(ctx, items),
    nextCursor: rows.length > NOTES_PAGE ? (items.at(-1)?.publishedKey ?? null) : null,
  });
}

/** A student's collects, newest first: their own, or anyone's they made public (FORBIDDEN otherwise). */
export async function profileCollects(ctx: Ctx, openid: string, cursor: string | undefined): Promise<Result<FeedResults['profileCollects']>> {
  if (openid !== ctx.openid && !(await interestsOf(ctx, openid)).collectsPublic) return fail('FORBIDDEN', 'TA 的收藏没有公开');
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<MarkDoc>('note_collects')
    .where({ openid, ...(cursor ? { at: _.lt(new Date(Number(cursor))) } : {}) })
    .orderBy('at', 'desc')
    .limit(NOTES_PAGE + 1)
    .get();
  const marks = (data as MarkDoc[]).slice(0, NOTES_PAGE);
  const notes = await getDocsByIds<NoteDoc>(
    ctx,
    'notes',
    marks.map((m) => m.noteId),
  );
  const shown = marks.flatMap((m) => {
    const n = notes.get(m.noteId);
    return n?.status === 'published' ? [n] : [];
  });
  const last = marks.at(-1);
  return ok({ items: await cardsOf(ctx, shown), nextCursor: data.length > NOTES_PAGE && last ? String(new Date(last.at).getTime()) : null });
}
