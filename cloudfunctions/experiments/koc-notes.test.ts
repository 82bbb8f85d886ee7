// The KOC-notes treatment: opening the discover feed exposes the student; in the control arm the
// shop's commissioned notes (its KOCs', labelled 广告) stay out of the feed, a plain student's
// note about the same product stays in; the treatment arm sees both.

import type { FeedResults } from '../../core/contracts/notes';
import { armFor } from '../../core/experiments/assign';
import { KOC, OWNER, PRODUCT, STUDENTS } from '../groupbuy/fixture';
import { notesWorld } from '../notes/fixture';
import { design } from './fixture';

it('the control arm does not see the shop’s KOC notes; the treatment arm does', async () => {
  const w = await notesWorld();
  const koc = await w.publish(KOC, { productIds: [PRODUCT.id], title: '达人推荐台灯' });
  const plain = await w.publish(STUDENTS[0], { productIds: [PRODUCT.id], title: '同学的台灯笔记' });
  const save = await w.call<{ experimentId: string }>('experiments', OWNER, { action: 'save', ...design(w.clock.now(), { treatments: ['koc_notes'] }) });
  if (!save.ok) throw new Error(save.message);
  const { experimentId } = save.data;
  await w.call('experiments', OWNER, { action: 'start', experimentId });
  const readers = STUDENTS.slice(1);
  const arms = new Set<number>();
  for (const s of readers) {
    const feed = await w.must<FeedResults['feed']>(s, { action: 'feed', personalized: false });
    const ids = feed.items.map((i) => i.noteId);
    const arm = armFor(s, experimentId, [50, 50]);
    arms.add(arm);
    expect(ids).toContain(plain.noteId);
    if (arm === 0) expect(ids).not.toContain(koc.noteId);
    else expect(ids).toContain(koc.noteId);
  }
  expect(arms.size).toBe(2);
  const { data } = await w.cloud.db.collection<{ openid: string }>('events').where({ type: 'experiment_exposure' }).limit(100).get();
  expect(data.map((e) => e.openid).sort()).toEqual([...readers].sort());
});
