import type { NoteView, ReviewResults } from '../../core/contracts/notes';
import { OWNER, PRODUCT, paidGroup, STUDENTS } from '../groupbuy/fixture';
import { notesWorld } from './fixture';

const [S1, S2, S3] = STUDENTS;
type World = Awaited<ReturnType<typeof notesWorld>>;

async function completedOrders(w: World) {
  const { leader, mate } = await paidGroup(w, S1, S2);
  for (const [orderId, buyer] of [
    [leader, S1],
    [mate, S2],
  ]) {
    await w.call('merchant', OWNER, { action: 'ship', orderId, carrier: '商家配送' });
    await w.call('order', buyer, { action: 'confirmReceipt', orderId });
  }
  return { leader, mate };
}

describe('reviews', () => {
  it('a completed order is rated once; words alone stay a review, photos make a note with 已购', async () => {
    const w = await notesWorld();
    const { leader, mate } = await completedOrders(w);
    const plain = await w.must<ReviewResults['review']>(S1, {
      action: 'review',
      orderId: leader,
      rating: 4,
      text: '好用，亮度够',
      requestId: 'review-request-1',
    });
    expect(plain).toMatchObject({ noteId: null, status: null });
    // The same review again writes nothing new.
    expect(await w.must(S1, { action: 'review', orderId: leader, rating: 1, text: '改主意了', requestId: 'review-request-9' })).toEqual(plain);

    w.clock.advance(60_000);
    const withPhotos = await w.must<ReviewResults['review']>(S2, {
      action: 'review',
      orderId: mate,
      rating: 5,
      text: '宿舍必备',
      images: ['/files/review-1.png'],
      requestId: 'review-request-2',
    });
    expect(withPhotos.status).toBe('checking');
    // Until its photo passes, the product page shows the rating without the note.
    let page = await w.must<ReviewResults['productReviews']>(S3, { action: 'productReviews', productId: PRODUCT.id });
    expect(page).toMatchObject({ count: 2, average: 4.5 });
    expect(page.items.map((r) => [r.rating, r.text, r.noteId])).toEqual([
      [5, '', null],
      [4, '好用，亮度够', null],
    ]);
    await w.verdict({ fileId: '/files/review-1.png' }, true);
    const note = await w.get(S3, withPhotos.noteId as string);
    expect(note).toMatchObject<Partial<NoteView>>({ purchased: true, status: 'published', title: `★★★★★ ${PRODUCT.title}` });
    page = await w.must<ReviewResults['productReviews']>(S3, { action: 'productReviews', productId: PRODUCT.id });
    expect(page.items[0]).toMatchObject({ rating: 5, text: '宿舍必备', noteId: withPhotos.noteId });
  });

  it('refused: another buyer’s order, an order not completed, a rating out of range, a blocked word', async () => {
    const w = await notesWorld();
    const { leader } = await paidGroup(w, S1, S2);
    const before = w.fingerprint();
    expect(await w.notes(S1, { action: 'review', orderId: leader, rating: 5, requestId: 'review-request-3' })).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect(await w.notes(S3, { action: 'review', orderId: leader, rating: 5, requestId: 'review-request-4' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.notes(S1, { action: 'review', orderId: leader, rating: 6, requestId: 'review-request-5' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(w.fingerprint()).toBe(before);
    // A blocked word in a plain review is refused, and nothing is written.
    const { leader: done } = await completedOrders(w);
    const beforeWord = w.fingerprint();
    expect(await w.notes(S1, { action: 'review', orderId: done, rating: 1, text: '加微信买代考', requestId: 'review-request-6' })).toMatchObject({
      ok: false,
      code: 'CONTENT_REJECTED',
    });
    expect(w.fingerprint()).toBe(beforeWord);
  });
});
