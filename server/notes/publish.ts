// Writing notes: publish (or save a draft), edit, remove. The note's id is made from the author
// and the request, so a retried publish finds what the first attempt wrote (and finishes checks
// a crash left unsent). Tags, the linked order and the 广告 label are decided here, never taken
// from the app (server/notes/tags.ts); nothing is written when a tag or the order is refused.
import type * as z from 'zod';
import type { NotesResults, notesInput } from '../../core/contracts/notes';
import { noteTerms, timeKey } from '../../core/notes/rules';
import { fail, ok, type Result } from '../../core/result';
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import { hashId } from '../db/hash-id';
import { isDuplicateKeyError } from '../db/types';
import { moveFields, runChecks } from './checks';
import type { NoteDoc } from './store';
import { resolveTags } from './tags';
import { inTransaction } from './tx';

type Content = z.output<typeof notesInput.edit>;

/** The fields a note's content sets (publish and edit alike). */
function contentFields(input: Omit<Content, 'noteId' | 'draft'>) {
  return {
    title: input.title,
    body: input.body,
    images: input.images,
    topics: input.topics,
    productIds: input.productIds,
    orderId: input.orderId ?? null,
    terms: noteTerms(input),
    textCheck: 'pending' as const,
    imageChecks: input.images.map((fileId) => ({ fileId, traceId: '', state: 'pending' as const })),
  };
}

export async function publish(ctx: Ctx, input: z.output<typeof notesInput.publish>): Promise<Result<NotesResults['publish']>> {
  const noteId = hashId(ctx.openid, input.requestId);
  const existing = await getDoc<NoteDoc>(ctx, 'notes', noteId);
  if (existing) return ok(await resume(ctx, existing));
  const tagged = await resolveTags(ctx, ctx.openid, input.productIds, input.orderId);
  if (!tagged.ok) return fail('INVALID_INPUT', tagged.message);
  const at = new Date(ctx.now());
  const note: NoteDoc = {
    _id: noteId,
    author: ctx.openid,
    ...contentFields(input),
    merchantIds: tagged.tags.merchantIds,
    categories: [...new Set(tagged.tags.products.map((p) => p.category))],
    purchased: tagged.tags.purchased,
    adLabel: tagged.tags.adLabel,
    status: input.draft ? 'draft' : 'checking',
    reason: null,
    version: 1,
    checkingSince: input.draft ? null : at,
    likes: 0,
    collects: 0,
    comments: 0,
    createdKey: timeKey(at.getTime(), noteId),
    publishedKey: '',
    publishedAt: null,
    history: [],
    createdAt: at,
    updatedAt: at,
  };
  try {
    await ctx.db.collection('notes').add({ data: note });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    // The same request racing itself: one note.
    const raced = await getDoc<NoteDoc>(ctx, 'notes', noteId);
    if (!raced) throw e;
    return ok(await resume(ctx, raced));
  }
  if (note.status === 'draft') return ok({ noteId, status: 'draft', reason: null });
  return ok({ noteId, ...(await runChecks(ctx, note)) });
}

/** A retried publish: a note still checking with checks unsent gets them sent. */
async function resume(ctx: Ctx, n: NoteDoc): Promise<NotesResults['publish']> {
  const unsent = n.textCheck === 'pending' || n.imageChecks.some((c) => !c.traceId);
  if (n.status === 'checking' && unsent) return { noteId: n._id, ...(await runChecks(ctx, n)) };
  return { noteId: n._id, status: n.status, reason: n.reason };
}

/** Replaces a note's content (the author's own, not removed): its checks run again unless it becomes a draft. */
export async function edit(ctx: Ctx, input: Content): Promise<Result<NotesResults['edit'], 'BAD_STATE'>> {
  const n = await getDoc<NoteDoc>(ctx, 'notes', input.noteId);
  if (!n || n.author !== ctx.openid || n.status === 'removed') return fail('NOT_FOUND', '笔记不存在或已删除');
  const tagged = await resolveTags(ctx, ctx.openid, input.productIds, input.orderId);
  if (!tagged.ok) return fail('INVALID_INPUT', tagged.message);
  const at = new Date(ctx.now());
  const to = input.draft ? 'draft' : 'checking';
  // A published note cannot go back to draft: it would vanish from readers without a trace.
  if (to === 'draft' && n.status !== 'draft' && n.publishedKey) return fail('BAD_STATE', '已发布的笔记不能改回草稿');
  const fields = {
    ...contentFields(input),
    merchantIds: tagged.tags.merchantIds,
    categories: [...new Set(tagged.tags.products.map((p) => p.category))],
    purchased: tagged.tags.purchased,
    adLabel: tagged.tags.adLabel,
    version: n.version + 1,
    checkingSince: to === 'checking' ? at : null,
    ...moveFields(n, to, at, ctx.openid, null),
  };
  const _ = ctx.db.command;
  // Conditional on the version read: two edits at once, one wins and the other is told.
  const { stats } = await ctx.db
    .collection('notes')
    .where({ _id: n._id, version: n.version, status: _.neq('removed') })
    // An object replaces the old one whole (_.set): a plain object would be merged field by field.
    .update({ data: { ...fields, adLabel: _.set(fields.adLabel) } });
  if (stats.updated !== 1) return fail('BAD_STATE', '笔记刚被改过，请刷新后再编辑');
  if (to === 'draft') return ok({ noteId: n._id, status: 'draft', reason: null });
  return ok({ noteId: n._id, ...(await runChecks(ctx, { ...n, ...fields, status: 'checking' } as NoteDoc)) });
}

/** Soft delete: the note leaves every list; its likes and comments stay as they were. */
export async function remove(ctx: Ctx, noteId: string): Promise<Result<NotesResults['remove']>> {
  const done = await inTransaction(ctx, async (tx) => {
    const n = await txGetDoc<NoteDoc>(tx, 'notes', noteId);
    if (!n || n.author !== ctx.openid) return false;
    if (n.status === 'removed') return true;
    const at = new Date(ctx.now());
    await tx
      .collection('notes')
      .doc(noteId)
      .update({ data: { ...moveFields(n, 'removed', at, ctx.openid, null), removedAt: at } });
    return true;
  });
  if (!done) return fail('NOT_FOUND', '笔记不存在');
  return ok({ noteId, status: 'removed' });
}
