import type { NotesResults } from '../../core/contracts/notes';
import { KOC, PRICE_FEN, PRODUCT, paidGroup, STUDENTS } from '../groupbuy/fixture';
import { notesWorld } from './fixture';

const [S1, S2, S3] = STUDENTS;

describe('creator analytics', () => {
  it('views and unique readers by others, product taps, and what the note’s cards brought', async () => {
    const w = await notesWorld();
    const { noteId } = await w.publish(KOC, { productIds: [PRODUCT.id] });
    await w.get(S1, noteId);
    await w.get(S1, noteId);
    await w.get(S3, noteId);
    await w.get(KOC, noteId); // the author's own reads are not counted
    expect(await w.must(S1, { action: 'productClick', noteId, productId: PRODUCT.id })).toEqual({ counted: true });
    expect(await w.notes(S1, { action: 'productClick', noteId, productId: 'fx-other' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    // The author shares the note; a friend opens the card and buys in a group.
    const card = await w.call<{ code: string }>('share', KOC, { action: 'create', targetType: 'note', targetId: noteId, channel: 'chat' });
    if (!card.ok) throw new Error(card.message);
    await w.call('share', S2, { action: 'open', code: card.data.code, scene: 1007 });
    await paidGroup(w, S1, S2);

    const stats = await w.must<NotesResults['noteStats']>(KOC, { action: 'noteStats', noteId });
    expect(stats).toEqual({
      noteId,
      views: 3,
      readers: 2,
      likes: 0,
      collects: 0,
      comments: 0,
      shares: 1,
      productClicks: 1,
      cardOpens: 1,
      // S2's order through the card, and S1's, bought after tapping the product in the note.
      orders: 2,
      revenueFen: 2 * PRICE_FEN,
    });
    // A purchase more than a week after the tap is not the note's.
    w.clock.advance(8 * 86_400_000);
    await paidGroup(w, S1, S3);
    expect((await w.must<NotesResults['noteStats']>(KOC, { action: 'noteStats', noteId })).orders).toBe(2);
    // Only the author reads them.
    expect(await w.notes(S1, { action: 'noteStats', noteId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('notes, topics and profiles as share targets', () => {
  it('cards of a topic and a profile are made and resolve to what they show; a missing profile is refused', async () => {
    const w = await notesWorld();
    const topic = await w.call<{ code: string }>('share', S1, { action: 'create', targetType: 'topic', targetId: '运动', channel: 'chat' });
    const profile = await w.call<{ code: string }>('share', S1, { action: 'create', targetType: 'profile', targetId: KOC, channel: 'chat' });
    if (!topic.ok || !profile.ok) throw new Error('share failed');
    const seen = await w.call<{ targetType: string; title: string }>('share', S2, { action: 'resolve', code: topic.data.code });
    expect(seen).toMatchObject({ ok: true, data: { targetType: 'topic', title: '#运动' } });
    expect(await w.call('share', S1, { action: 'create', targetType: 'profile', targetId: 'nobody', channel: 'chat' })).toMatchObject({ ok: false });
  });
});
