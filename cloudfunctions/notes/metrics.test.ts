import type { NoteView } from '../../core/contracts/notes';
import { notesAbout } from '../../server/koc/note-metrics';
import { KOC, PRODUCT, STUDENTS } from '../groupbuy/fixture';
import { notesWorld } from './fixture';

const [S1, S2] = STUDENTS;

describe('notes: a KOC trial counts its notes', () => {
  it('notesAbout sums the author’s published notes about the products in the period', async () => {
    const w = await notesWorld();
    const from = w.clock.now();
    const { noteId } = await w.publish(KOC, { productIds: [PRODUCT.id] });
    await w.publish(KOC); // no product: not counted
    await w.must(S1, { action: 'like', noteId });
    await w.must(S2, { action: 'collect', noteId });
    const view: NoteView = await w.get(S1, noteId);
    expect(view.likes).toBe(1);
    const ctx = { db: w.cloud.db, now: () => w.clock.now() } as Parameters<typeof notesAbout>[0];
    expect(await notesAbout(ctx, KOC, [PRODUCT.id], from, w.clock.now() + 1)).toEqual({
      notes: 1,
      likes: 1,
      comments: 0,
      collects: 1,
      shares: 0,
      counted: true,
    });
  });
});
