// Content security for notes: the text through msgSecCheck v2 (scene 3, forum) at once, each image
// through mediaCheckAsync, whose verdict WeChat pushes later (wxa_media_check). A note is
// checking until every part has passed, then published; a refusal rejects it with the reason
// shown to its author; anything unsure sends it to a person (review). A verdict that flags an
// image of a note already published takes the note down. Each change is one transaction on the
// note, so two verdicts arriving together both count.
import { hotKey } from '../../core/notes/feed-rank';
import { type NoteState, noteMachine, rejectReason, statusAfterChecks, timeKey } from '../../core/notes/rules';
import type { Ctx } from '../context';
import { getDoc, txGetDoc } from '../db/get-doc';
import type { ImageCheck, MediaCheckDoc, NoteDoc } from './store';
import { inTransaction } from './tx';

/** Images unanswered this long go to a person (WeChat pushes within 30 minutes). */
export const CHECK_TIMEOUT_MS = 30 * 60_000;

/** The text the check reads: everything others will see of the note. */
const checkedText = (n: Pick<NoteDoc, 'title' | 'body' | 'topics'>) => [n.title, n.body, ...n.topics.map((t) => `#${t}`)].join('\n');

/** What a note's fields become when it moves from its status to `to` (history appended). */
export function moveFields(n: NoteDoc, to: NoteState, at: Date, by: string, reason: string | null): Partial<NoteDoc> {
  if (n.status === to) return { reason, updatedAt: at };
  noteMachine.assertMove(n.status, to);
  const fields: Partial<NoteDoc> = { status: to, reason, updatedAt: at, history: [...n.history, { from: n.status, to, at, by }] };
  // The first publication dates the note in search and feeds; an edit re-checked later keeps it.
  if (to === 'published' && !n.publishedKey)
    Object.assign(fields, { publishedAt: at, publishedKey: timeKey(at.getTime(), n._id), hot: hotKey({ ...n, shares: 0 }, at.getTime()) });
  if (to !== 'checking') fields.checkingSince = null;
  return fields;
}

/** Where the note stands after its checks so far (a pending text keeps it checking). */
function decided(n: Pick<NoteDoc, 'textCheck' | 'imageChecks'>): { status: NoteState; reason: string | null } {
  if (n.textCheck === 'pending') return { status: 'checking', reason: null };
  const states = n.imageChecks.map((c) => c.state);
  return { status: statusAfterChecks(n.textCheck, states), reason: rejectReason(n.textCheck, states) };
}

/**
 * Runs the checks of a note's current version: the text now, then each image not yet sent.
 * Each image's trace id is recorded (note_media_checks) before the note learns it, so a verdict
 * pushed at once still finds its note. Safe to run again (a retried publish after a crash).
 */
export async function runChecks(ctx: Ctx, note: NoteDoc): Promise<{ status: NoteState; reason: string | null }> {
  const text = await ctx.contentCheck.checkText({ content: checkedText(note), openid: note.author, scene: 3 });
  const sent: ImageCheck[] = [];
  // A refused text rejects the note whatever its images are: none are sent.
  if (text.suggest !== 'risky') {
    for (const [index, c] of note.imageChecks.entries()) {
      if (c.traceId) continue;
      const { traceId } = await ctx.contentCheck.checkImage({ fileId: c.fileId, openid: note.author, scene: 3 });
      const doc: MediaCheckDoc = { _id: traceId, noteId: note._id, version: note.version, index, at: new Date(ctx.now()) };
      await ctx.db.collection('note_media_checks').add({ data: doc });
      sent[index] = { ...c, traceId };
    }
  }
  return inTransaction(ctx, async (tx) => {
    const n = await txGetDoc<NoteDoc>(tx, 'notes', note._id);
    // Edited or removed meanwhile: that version's own checks decide.
    if (!n || n.version !== note.version || n.status !== 'checking') return { status: n?.status ?? 'removed', reason: n?.reason ?? null };
    const imageChecks = n.imageChecks.map((c, i) => (sent[i] && !c.traceId ? { ...c, traceId: sent[i].traceId } : c));
    const next = { ...n, textCheck: text.suggest, imageChecks };
    const { status, reason } = decided(next);
    const at = new Date(ctx.now());
    await tx
      .collection('notes')
      .doc(n._id)
      .update({ data: { textCheck: text.suggest, imageChecks, ...moveFields(n, status, at, 'content_check', reason) } });
    return { status, reason };
  });
}

export type VerdictOutcome = 'unknown' | 'stale' | 'recorded' | NoteState;

/** WeChat's verdict on one image, pushed with the trace id its check was sent with. */
export async function applyVerdict(ctx: Ctx, traceId: string, suggest: 'pass' | 'review' | 'risky'): Promise<VerdictOutcome> {
  const check = await getDoc<MediaCheckDoc>(ctx, 'note_media_checks', traceId);
  if (!check) return 'unknown';
  return inTransaction(ctx, async (tx): Promise<VerdictOutcome> => {
    const n = await txGetDoc<NoteDoc>(tx, 'notes', check.noteId);
    if (!n || n.version !== check.version || n.status === 'removed' || n.status === 'draft') return 'stale';
    const imageChecks = n.imageChecks.map((c, i) => (i === check.index ? { ...c, traceId, state: suggest } : c));
    const at = new Date(ctx.now());
    let move: Partial<NoteDoc> = {};
    if (n.status === 'published' && suggest === 'risky') move = moveFields(n, 'taken_down', at, 'content_check', '有图片被判定违规，笔记已下架');
    else if (n.status === 'checking') {
      const d = decided({ ...n, imageChecks });
      move = moveFields(n, d.status, at, 'content_check', d.reason);
    }
    await tx
      .collection('notes')
      .doc(n._id)
      .update({ data: { imageChecks, ...move } });
    return (move.status as NoteState | undefined) ?? 'recorded';
  });
}

/** The timer: notes still checking CHECK_TIMEOUT_MS after their checks began go to a person. */
export async function sendLateChecksToReview(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const { data } = await ctx.db
    .collection<NoteDoc>('notes')
    .where({ status: 'checking', checkingSince: _.lt(new Date(ctx.now() - CHECK_TIMEOUT_MS)) })
    .orderBy('checkingSince', 'asc')
    .limit(100)
    .get();
  let moved = 0;
  for (const late of data as NoteDoc[]) {
    if (ctx.timeLeft() < 5_000) break;
    const done = await inTransaction(ctx, async (tx) => {
      const n = await txGetDoc<NoteDoc>(tx, 'notes', late._id);
      if (n?.status !== 'checking' || n.version !== late.version) return false;
      await tx
        .collection('notes')
        .doc(n._id)
        .update({ data: moveFields(n, 'review', new Date(ctx.now()), 'sweep', '图片检测超时，转人工审核') });
      return true;
    });
    if (done) moved++;
  }
  return moved;
}
