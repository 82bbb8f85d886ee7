// Notes, topics and profiles as share targets: a card of a published note binds its visitors in the program of the
// note's first tagged product's shop (the platform's when it tags none), like a product card,
// and the note's author reads what its cards brought (server/notes/views.ts).
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { findUser } from '../users/users';
import type { ShareCodeDoc, TargetView } from './share';

interface SharedNote {
  author: string;
  title: string;
  images: string[];
  status: string;
  merchantIds: string[];
}

/** What a note's card shows; null unless the note is published. */
export async function describeNote(ctx: Ctx, noteId: string, platformScope: string): Promise<TargetView | null> {
  const n = await getDoc<SharedNote>(ctx, 'notes', noteId);
  if (n?.status !== 'published') return null;
  const author = await findUser(ctx, n.author);
  return {
    title: n.title,
    subtitle: `${author?.nickname || '同学'}的种草笔记`,
    image: n.images[0] ?? '',
    priceFen: null,
    scope: n.merchantIds[0] ?? platformScope,
  };
}

/** A topic's card (bound in the platform's program: a topic belongs to no shop). */
export function describeTopic(topic: string, platformScope: string): TargetView | null {
  const t = topic.trim();
  if (!t || t.length > 20) return null;
  return { title: `#${t}`, subtitle: '校园种草话题', image: '', priceFen: null, scope: platformScope };
}

/** A student's profile card (their notes page). */
export async function describeProfile(ctx: Ctx, openid: string, platformScope: string): Promise<TargetView | null> {
  const u = await findUser(ctx, openid);
  if (!u) return null;
  return { title: `${u.nickname || '同学'} 的种草主页`, subtitle: '', image: u.avatarUrl, priceFen: null, scope: platformScope };
}

/** The codes of a note's cards, whoever made them (the newest 100). */
export async function noteCodes(ctx: Ctx, noteId: string): Promise<string[]> {
  const { data } = await ctx.db
    .collection<ShareCodeDoc>('share_codes')
    .where({ targetType: 'note', targetId: noteId })
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get();
  return (data as ShareCodeDoc[]).map((c) => c._id);
}
