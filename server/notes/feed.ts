// The 发现 feed, the following feed and topic pages. A feed page reads a fixed number of queries
// however many notes exist: the next window of published notes by the stored hot key (keyset on
// hot, _id), and for a personalised page also a few notes on the student's top topics and the
// newest notes (where new creators are found), the authors' published counts (one aggregation),
// the people they follow and the topics their courses match. core/notes/feed-rank.ts orders the
// page and gives each card its reason. The window always moves on by itself, so every note is
// reached by scrolling; notes pulled forward are remembered in the cursor and not shown twice.
// With personalisation off (the student's switch, or `personalized: false`) only the window is
// read, ordered by hot alone, the same for everyone.
import { type FeedCard, type FeedResults, NOTES_PAGE } from '../../core/contracts/notes';
import { type Candidate, hotScore, type Interests, NEW_CREATOR_NOTES, rankFeed, reasonLine } from '../../core/notes/feed-rank';
import type { Ctx } from '../context';
import { pageAfterKey } from '../db/keyset';
import { controlMerchants } from '../experiments/exposure';
import { courseInterests } from '../timetable/classmates';
import { findUsers } from '../users/users';
import { interestsOf } from './interests';
import { blockedBy } from './moderation';
import { toCard } from './read';
import type { FollowDoc, NoteDoc } from './store';

/** Extra notes a personalised page may pull forward: on the student's topics, and the newest. */
const TOPIC_PICKS = 8;
const RECENT_PICKS = 10;
/** Notes pulled forward that the cursor remembers (older ones may come round again). */
const SEEN_MAX = 60;
const HOUR_MS = 3_600_000;

interface FeedCursor {
  /** The last note of the window read so far, by (hot desc, _id desc). */
  hot: number;
  id: string;
  /** Notes pulled forward and shown already. */
  seen: string[];
}

function parseCursor(raw: string | undefined): FeedCursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as FeedCursor;
    return typeof c.hot === 'number' && typeof c.id === 'string' && Array.isArray(c.seen) ? c : null;
  } catch {
    return null;
  }
}

/** The next `size` published notes after the cursor, by hot key then _id, both descending. */
function hotWindow(ctx: Ctx, after: FeedCursor | null, size: number): Promise<NoteDoc[]> {
  return pageAfterKey<NoteDoc>({
    _: ctx.db.command,
    base: { status: 'published' },
    field: 'hot',
    dir: 'desc',
    after: after ? { value: after.hot, id: after.id } : null,
    size,
    read: async (where, limit) =>
      (await ctx.db.collection<NoteDoc>('notes').where(where).orderBy('hot', 'desc').orderBy('_id', 'desc').limit(limit).get()).data as NoteDoc[],
  });
}

/** Published notes per author (for new creators), in one aggregation over the page's authors. */
async function publishedCounts(ctx: Ctx, authors: readonly string[]): Promise<Map<string, number>> {
  if (authors.length === 0) return new Map();
  const _ = ctx.db.command;
  const $ = ctx.db.command.aggregate;
  const { list } = await ctx.db
    .collection('notes')
    .aggregate()
    .match({ author: _.in([...authors]), status: 'published' })
    .group({ _id: '$author', n: $.sum(1) })
    .end();
  return new Map((list as { _id: string; n: number }[]).map((r) => [r._id, r.n]));
}

/** Cards for notes, with their authors' names (one read for all of them). */
export async function cardsOf(ctx: Ctx, notes: readonly NoteDoc[], reasons: Map<string, string | null> = new Map()): Promise<FeedCard[]> {
  const users = await findUsers(ctx, [...new Set(notes.map((n) => n.author))]);
  return notes.map((n) => {
    const u = users.get(n.author);
    return { ...toCard(n), authorName: u?.nickname || '同学', authorAvatar: u?.avatarUrl ?? '', reason: reasons.get(n._id) ?? null };
  });
}

const candidateOf = (n: NoteDoc, now: number, authorNotes: number): Candidate => ({
  noteId: n._id,
  author: n.author,
  topics: n.topics,
  categories: n.categories ?? [],
  hot: hotScore({ likes: n.likes, collects: n.collects, comments: n.comments, shares: 0 }, (now - new Date(n.publishedAt ?? n.createdAt).getTime()) / HOUR_MS),
  publishedAt: new Date(n.publishedAt ?? n.createdAt).getTime(),
  authorNotes,
});

async function followingOf(ctx: Ctx, openid: string): Promise<string[]> {
  const { data } = await ctx.db.collection<FollowDoc>('note_follows').where({ follower: openid }).orderBy('at', 'desc').limit(100).get();
  return (data as FollowDoc[]).map((f) => f.followee);
}

export async function feed(ctx: Ctx, input: { cursor?: string; personalized?: boolean }): Promise<FeedResults['feed']> {
  const saved = ctx.openid ? await interestsOf(ctx, ctx.openid) : null;
  const personalized = input.personalized ?? saved?.personalized ?? false;
  const cursor = parseCursor(input.cursor);
  const [raw, blocked, control] = await Promise.all([hotWindow(ctx, cursor, NOTES_PAGE), blockedBy(ctx, ctx.openid), controlMerchants(ctx, 'koc_notes')]);
  // A shop's KOC notes (commissioned, labelled with the shop) stay out of the feed of its
  // experiment's control arm: conventional promotion, to compare with.
  const hidden = (n: NoteDoc) => blocked.has(n.author) || (n.adLabel !== null && control.has(n.adLabel.merchantId));
  // The cursor moves over the whole window; the caller's blocked people are left out of it.
  const window = raw.filter((n) => !hidden(n));
  const last = raw.at(-1);
  const nextCursor = (seen: string[]) =>
    raw.length < NOTES_PAGE || !last ? null : JSON.stringify({ hot: last.hot ?? 0, id: last._id, seen: seen.slice(-SEEN_MAX) } satisfies FeedCursor);
  const now = ctx.now();

  if (!personalized || !saved) {
    const ranked = rankFeed(
      window.map((n) => candidateOf(n, now, NEW_CREATOR_NOTES + 1)),
      null,
      window.length,
    );
    const byId = new Map(window.map((n) => [n._id, n]));
    return {
      items: await cardsOf(
        ctx,
        ranked.map((r) => byId.get(r.noteId) as NoteDoc),
      ),
      nextCursor: nextCursor(cursor?.seen ?? []),
      personalized: false,
    };
  }

  const _ = ctx.db.command;
  const topTopics = Object.entries(saved.topics)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([t]) => t);
  const [topicNotes, recent, following, courses] = await Promise.all([
    topTopics.length
      ? ctx.db
          .collection<NoteDoc>('notes')
          .where({ status: 'published', topics: _.in(topTopics) })
          .orderBy('hot', 'desc')
          .limit(TOPIC_PICKS)
          .get()
      : { data: [] },
    ctx.db.collection<NoteDoc>('notes').where({ status: 'published' }).orderBy('publishedKey', 'desc').limit(RECENT_PICKS).get(),
    followingOf(ctx, ctx.openid),
    courseInterests(ctx, ctx.openid),
  ]);
  const seen = new Set(cursor?.seen ?? []);
  const inWindow = new Set(window.map((n) => n._id));
  // Pulled forward: not in this window, not shown before, and only notes the window has not passed (a higher hot key would have been shown already).
  const passed = (n: NoteDoc) => cursor !== null && ((n.hot ?? 0) > cursor.hot || ((n.hot ?? 0) === cursor.hot && n._id >= cursor.id));
  const extras = [...(topicNotes.data as NoteDoc[]), ...(recent.data as NoteDoc[])].filter(
    (n) => !inWindow.has(n._id) && !seen.has(n._id) && !passed(n) && !hidden(n),
  );
  // A note of this window pulled forward by an earlier page was shown then.
  const pool = [...window.filter((n) => !seen.has(n._id)), ...new Map(extras.map((n) => [n._id, n])).values()];
  const counts = await publishedCounts(ctx, [...new Set(pool.map((n) => n.author))]);
  const interests: Interests = { topics: saved.topics, categories: saved.categories, courses, following, hidden: saved.hidden };
  const ranked = rankFeed(
    pool.map((n) => candidateOf(n, now, counts.get(n.author) ?? 0)),
    interests,
    pool.length,
  );
  const byId = new Map(pool.map((n) => [n._id, n]));
  // Extras not placed on this page may come when the window reaches them.
  const shown = new Set(ranked.map((r) => r.noteId));
  const pulled = extras.filter((n) => shown.has(n._id)).map((n) => n._id);
  const reasons = new Map(ranked.map((r) => [r.noteId, reasonLine(r.reason)]));
  return {
    items: await cardsOf(
      ctx,
      ranked.map((r) => byId.get(r.noteId) as NoteDoc),
      reasons,
    ),
    nextCursor: nextCursor([...seen, ...pulled]),
    personalized: true,
  };
}

/** Notes of the people the caller follows, newest first. */
export async function followingFeed(ctx: Ctx, cursor: string | undefined): Promise<FeedResults['following']> {
  const followees = await followingOf(ctx, ctx.openid);
  if (followees.length === 0) return { items: [], nextCursor: null };
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<NoteDoc>('notes')
    .where({ author: _.in(followees), status: 'published', ...(cursor ? { publishedKey: _.lt(cursor) } : {}) })
    .orderBy('publishedKey', 'desc')
    .limit(NOTES_PAGE + 1)
    .get();
  const rows = data as NoteDoc[];
  const page = rows.slice(0, NOTES_PAGE);
  return { items: await cardsOf(ctx, page), nextCursor: rows.length > NOTES_PAGE ? (page.at(-1)?.publishedKey ?? null) : null };
}

/** A topic's published notes, newest first. */
export async function topicFeed(ctx: Ctx, topic: string, cursor: string | undefined): Promise<FeedResults['topic']> {
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<NoteDoc>('notes')
    .where({ status: 'published', topics: topic, ...(cursor ? { publishedKey: _.lt(cursor) } : {}) })
    .orderBy('publishedKey', 'desc')
    .limit(NOTES_PAGE + 1)
    .get();
  const rows = data as NoteDoc[];
  const page = rows.slice(0, NOTES_PAGE);
  return { topic, items: await cardsOf(ctx, page), nextCursor: rows.length > NOTES_PAGE ? (page.at(-1)?.publishedKey ?? null) : null };
}
