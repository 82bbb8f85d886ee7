// Reading notes: one note with its counts, products and what the caller did with it; the
// author's own list; and search. Others see a note only while it is published; its author sees
// it in every status but removed.
import { NOTES_PAGE, type NoteCard, type NotesResults, type NoteView } from '../../core/contracts/notes';
import { type NoteState, queryTerms, TITLE_MARK } from '../../core/notes/rules';
import { fail, ok, type Result } from '../../core/result';
import type { ProductDoc } from '../catalog/products';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { type MarkDoc, markId, type NoteDoc } from './store';
import { recordView } from './views';

/** The note the caller may see, or null (missing, removed, or someone else's unpublished note). */
export async function visibleNote(ctx: Ctx, noteId: string): Promise<NoteDoc | null> {
  const n = await getDoc<NoteDoc>(ctx, 'notes', noteId);
  if (!n || n.status === 'removed') return null;
  return n.status === 'published' || n.author === ctx.openid ? n : null;
}

export function toCard(n: NoteDoc): NoteCard {
  return {
    noteId: n._id,
    author: n.author,
    title: n.title,
    cover: n.images[0] ?? '',
    status: n.status,
    adLabel: n.adLabel,
    likes: n.likes,
    publishedAt: n.publishedAt ? new Date(n.publishedAt).getTime() : null,
  };
}

export async function getNote(ctx: Ctx, noteId: string): Promise<Result<NoteView>> {
  const n = await visibleNote(ctx, noteId);
  if (!n) return fail('NOT_FOUND', '笔记不存在或已删除');
  const [, like, collect, products] = await Promise.all([
    recordView(ctx, n),
    ctx.openid ? getDoc<MarkDoc>(ctx, 'note_likes', markId(noteId, ctx.openid)) : null,
    ctx.openid ? getDoc<MarkDoc>(ctx, 'note_collects', markId(noteId, ctx.openid)) : null,
    getDocsByIds<ProductDoc>(ctx, 'products', n.productIds),
  ]);
  const mine = n.author === ctx.openid;
  return ok({
    noteId: n._id,
    author: n.author,
    title: n.title,
    body: n.body,
    images: n.images,
    topics: n.topics,
    status: n.status,
    // Why a note was refused is for its author only.
    reason: mine ? n.reason : null,
    adLabel: n.adLabel,
    purchased: n.purchased,
    likes: n.likes,
    collects: n.collects,
    comments: n.comments,
    liked: like !== null,
    collected: collect !== null,
    products: n.productIds.flatMap((id) => {
      const p = products.get(id);
      return p ? [{ id, title: p.title, priceFen: p.priceFen, cover: p.images[0] ?? '', onSale: p.status === 'on_sale' }] : [];
    }),
    publishedAt: n.publishedAt ? new Date(n.publishedAt).getTime() : null,
    updatedAt: new Date(n.updatedAt).getTime(),
  });
}

/** The caller's notes, newest first, in one status or all but removed. */
export async function mine(ctx: Ctx, status: Exclude<NoteState, 'removed'> | undefined, cursor: string | undefined): Promise<NotesResults['mine']> {
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<NoteDoc>('notes')
    .where({ author: ctx.openid, status: status ?? _.neq('removed'), ...(cursor ? { createdKey: _.lt(cursor) } : {}) })
    .orderBy('createdKey', 'desc')
    .limit(NOTES_PAGE + 1)
    .get();
  const rows = data as NoteDoc[];
  const items = rows.slice(0, NOTES_PAGE);
  return { items: items.map(toCard), nextCursor: rows.length > NOTES_PAGE ? items[items.length - 1].createdKey : null };
}

type Tier = 'title' | 'text';

function parseCursor(cursor: string | undefined): { tier: Tier; after: string } {
  const m = /^(title|text)\|(.*)$/.exec(cursor ?? '');
  return m ? { tier: m[1] as Tier, after: m[2] } : { tier: 'title', after: '' };
}

/**
 * Published notes holding every term of the query (Chinese by bigrams, so two characters from
 * the middle of a body find it): those with them all in the title first, then the rest, each
 * newest first. The cursor names the tier and the last publishedKey seen, so a page costs at
 * most two queries however deep the student scrolls.
 */
export async function searchNotes(ctx: Ctx, q: string, cursor: string | undefined): Promise<NotesResults['search']> {
  const want = queryTerms(q);
  if (want.length === 0) return { items: [], nextCursor: null };
  const _ = ctx.db.command;
  const inTitle = want.map((t) => TITLE_MARK + t);
  const page = async (terms: Record<string, unknown>[], after: string, n: number) =>
    (
      await ctx.db
        .collection<NoteDoc>('notes')
        .where(_.and([{ status: 'published' }, ...terms, ...(after ? [{ publishedKey: _.lt(after) }] : [])]))
        .orderBy('publishedKey', 'desc')
        .limit(n)
        .get()
    ).data as NoteDoc[];
  let { tier, after } = parseCursor(cursor);
  const found: NoteDoc[] = [];
  let nextCursor: string | null = null;
  if (tier === 'title') {
    const rows = await page([{ terms: _.all(inTitle) }], after, NOTES_PAGE + 1);
    found.push(...rows.slice(0, NOTES_PAGE));
    if (rows.length > NOTES_PAGE) nextCursor = `title|${found[found.length - 1].publishedKey}`;
    tier = 'text';
    after = '';
  }
  if (!nextCursor) {
    const room = NOTES_PAGE - found.length;
    const rows = await page([{ terms: _.all(want) }, { terms: _.not(_.all(inTitle)) }], after, room + 1);
    const taken = rows.slice(0, room);
    found.push(...taken);
    if (rows.length > room) nextCursor = `text|${taken.length ? taken[taken.length - 1].publishedKey : after}`;
  }
  return { items: found.map(toCard), nextCursor };
}
