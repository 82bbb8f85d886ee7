// What an author's notes about some products earned over a period: the figures a KOC trial is
// judged on (server/koc/note-metrics.ts asks through here). Counted from the notes' own counters,
// which only likes, collects and comments move; notes have no share events yet, so shares are 0.
import type { Ctx } from '../context';
import { allDocs } from '../db/get-doc';
import type { NoteDoc } from './store';

export interface AuthorNoteFigures {
  notes: number;
  likes: number;
  collects: number;
  comments: number;
}

/** Published notes by `author` tagging any of `productIds`, first published within [from, to]. */
export async function notesByAuthorAbout(ctx: Ctx, author: string, productIds: readonly string[], from: number, to: number): Promise<AuthorNoteFigures> {
  const out = { notes: 0, likes: 0, collects: 0, comments: 0 };
  if (!author || productIds.length === 0) return out;
  const _ = ctx.db.command;
  const rows = await allDocs<NoteDoc>(ctx, 'notes', {
    author,
    status: 'published',
    productIds: _.in([...productIds]),
    publishedAt: _.gte(new Date(from)).and(_.lte(new Date(to))),
  });
  for (const n of rows) {
    out.notes++;
    out.likes += n.likes;
    out.collects += n.collects;
    out.comments += n.comments;
  }
  return out;
}
