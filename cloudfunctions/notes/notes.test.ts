import type { NotesResults } from '../../core/contracts/notes';
import { KOC, PRODUCT, SHOP, SHOP_NAME, STUDENTS } from '../groupbuy/fixture';
import { notesWorld, OFF_PRODUCT } from './fixture';

const [S1, S2, S3] = STUDENTS;

describe('notes: publish, get, edit, remove', () => {
  it('a note without images publishes at once; a retried request answers the same note; edit and remove', async () => {
    const w = await notesWorld();
    const input = w.publishInput({ productIds: [PRODUCT.id] });
    const first = await w.must<NotesResults['publish']>(S1, input);
    expect(first.status).toBe('published');
    expect(await w.must(S1, input)).toEqual(first);
    expect(await w.all('notes')).toHaveLength(1);

    const seen = await w.get(S2, first.noteId);
    expect(seen).toMatchObject({
      title: '宿舍台灯测评',
      topics: ['宿舍好物'],
      status: 'published',
      adLabel: null,
      purchased: false,
      likes: 0,
      collects: 0,
      comments: 0,
      liked: false,
      collected: false,
      products: [{ id: PRODUCT.id, title: PRODUCT.title, priceFen: PRODUCT.priceFen, cover: '', onSale: true }],
    });

    const edited = await w.must<NotesResults['edit']>(S1, { action: 'edit', noteId: first.noteId, title: '台灯用了一个月', body: '依旧好用', productIds: [] });
    expect(edited.status).toBe('published');
    expect(await w.get(S2, first.noteId)).toMatchObject({ title: '台灯用了一个月', products: [] });
    // Only the author edits or removes.
    expect(await w.notes(S2, { action: 'edit', noteId: first.noteId, title: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.notes(S2, { action: 'remove', noteId: first.noteId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    expect(await w.must(S1, { action: 'remove', noteId: first.noteId })).toEqual({ noteId: first.noteId, status: 'removed' });
    expect(await w.notes(S2, { action: 'get', noteId: first.noteId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await w.must<NotesResults['mine']>(S1, { action: 'mine' })).items).toEqual([]);
  });

  it('a draft is seen by its author only and is not checked', async () => {
    const w = await notesWorld();
    const { noteId, status } = await w.publish(S1, { draft: true, body: '还没写完 赌博' });
    expect(status).toBe('draft');
    expect((await w.get(S1, noteId)).status).toBe('draft');
    expect(await w.notes(S2, { action: 'get', noteId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const drafts = await w.must<NotesResults['mine']>(S1, { action: 'mine', status: 'draft' });
    expect(drafts.items.map((i) => i.noteId)).toEqual([noteId]);
  });

  it('a linked order of the author shows 已购; someone else’s order is refused', async () => {
    const w = await notesWorld();
    await w.shopFulfilment();
    const bought = await w.buy(S1);
    if (!bought.ok) throw new Error(bought.message);
    await w.pay(S1, bought.data.orderId);
    const { noteId } = await w.publish(S1, { productIds: [PRODUCT.id], orderId: bought.data.orderId });
    expect((await w.get(S2, noteId)).purchased).toBe(true);
    const before = w.fingerprint();
    expect(await w.notes(S2, w.publishInput({ productIds: [PRODUCT.id], orderId: bought.data.orderId }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(w.fingerprint()).toBe(before);
  });
});

describe('notes: bad input writes nothing', () => {
  it('10 images, a 1,001-character body, a delisted product, a label in the input, a comment on a removed note', async () => {
    const w = await notesWorld();
    const { noteId } = await w.publish(S1);
    await w.must(S1, { action: 'remove', noteId });
    const before = w.fingerprint();
    const images = Array.from({ length: 10 }, (_, i) => `/files/notes/${i}.jpg`);
    const tooMany = await w.notes(S1, w.publishInput({ images }));
    expect(tooMany).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((tooMany as { message: string }).message).toContain('图片最多 9 张');
    const long = await w.notes(S1, w.publishInput({ body: '字'.repeat(1001) }));
    expect(long).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((long as { message: string }).message).toContain('正文最多 1000 个字');
    expect(await w.notes(S1, w.publishInput({ productIds: [OFF_PRODUCT] }))).toEqual({ ok: false, code: 'INVALID_INPUT', message: '标记的商品不存在或已下架' });
    expect(await w.notes(S1, w.publishInput({ productIds: ['no-such-product'] }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await w.notes(KOC, w.publishInput({ productIds: [PRODUCT.id], adLabel: null }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await w.notes(S1, w.publishInput({ topics: ['#'.repeat(3)] }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await w.notes(S1, w.publishInput({ images: ['https://elsewhere.example/a.jpg'] }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await w.notes(S2, { action: 'comment', noteId, text: '好用吗', requestId: 'comment-request-1' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.notes(S2, { action: 'like', noteId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(w.fingerprint()).toBe(before);
  });

  it('a KOC cannot take the 广告 label off by editing either', async () => {
    const w = await notesWorld();
    const { noteId } = await w.publish(KOC, { productIds: [PRODUCT.id] });
    const before = w.fingerprint();
    expect(await w.notes(KOC, { action: 'edit', noteId, title: '改一下', productIds: [PRODUCT.id], adLabel: null })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(w.fingerprint()).toBe(before);
    await w.must(KOC, { action: 'edit', noteId, title: '改一下', productIds: [PRODUCT.id] });
    expect((await w.get(S1, noteId)).adLabel).toEqual({ merchantId: SHOP, merchantName: SHOP_NAME });
  });
});

describe('notes: the 广告 label', () => {
  it('a member KOC tagging their merchant’s product gets it; an ordinary student does not', async () => {
    const w = await notesWorld();
    const koc = await w.publish(KOC, { productIds: [PRODUCT.id] });
    expect((await w.get(S1, koc.noteId)).adLabel).toEqual({ merchantId: SHOP, merchantName: SHOP_NAME });
    const plain = await w.publish(S1, { productIds: [PRODUCT.id] });
    expect((await w.get(S2, plain.noteId)).adLabel).toBeNull();
    // A KOC's note with no product tag is no ad.
    expect((await w.get(S1, (await w.publish(KOC)).noteId)).adLabel).toBeNull();
  });

  it('a product the author received as a trial makes the note an ad', async () => {
    const w = await notesWorld();
    await w.cloud.db.collection('orders').add({
      data: {
        _id: 'fx-trial-order',
        buyer: S2,
        merchantId: SHOP,
        kind: 'trial',
        productId: PRODUCT.id,
        status: 'confirmed',
        money: 'paid',
        memberKey: 'fx-trial-order',
        createdAt: new Date(w.clock.now()),
      },
    });
    const { noteId } = await w.publish(S2, { productIds: [PRODUCT.id] });
    expect((await w.get(S1, noteId)).adLabel).toEqual({ merchantId: SHOP, merchantName: SHOP_NAME });
  });

  it('a program that pays every student labels every note tagging its products', async () => {
    const w = await notesWorld();
    await w.cloud.db.collection('programs').add({ data: { _id: SHOP, commission: { kocMode: 'everyone' } } });
    const { noteId } = await w.publish(S3, { productIds: [PRODUCT.id] });
    expect((await w.get(S1, noteId)).adLabel).toEqual({ merchantId: SHOP, merchantName: SHOP_NAME });
  });
});

describe('notes: content security', () => {
  it('a blocked word rejects the note with its reason, shown to the author only', async () => {
    const w = await notesWorld();
    const r = await w.publish(S1, { body: '宿舍楼下有人组织赌博，大家小心' });
    expect(r.status).toBe('rejected');
    expect(r.reason).toContain('违规');
    expect((await w.get(S1, r.noteId)).reason).toContain('违规');
    expect(await w.notes(S2, { action: 'get', noteId: r.noteId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Editing the word out publishes it.
    expect((await w.must<NotesResults['edit']>(S1, { action: 'edit', noteId: r.noteId, title: '宿舍提醒', body: '晚上早点回宿舍' })).status).toBe('published');
  });

  it('images keep a note checking until every verdict is in; one flagged later takes it down', async () => {
    const w = await notesWorld();
    const images = ['/files/notes/a.jpg', '/files/notes/b.jpg'];
    const r = await w.publish(S1, { images });
    expect(r.status).toBe('checking');
    expect(w.cloud.contentCheck.pending()).toHaveLength(2);
    expect(await w.notes(S2, { action: 'get', noteId: r.noteId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await w.verdict({ fileId: images[0] }, true);
    expect((await w.get(S1, r.noteId)).status).toBe('checking');
    await w.verdict({ fileId: images[1] }, true);
    expect((await w.get(S2, r.noteId)).status).toBe('published');

    // WeChat flags the second image after all (a later push for the same trace id).
    await w.verdict({ fileId: images[1] }, false);
    const down = await w.get(S1, r.noteId);
    expect(down.status).toBe('taken_down');
    expect(down.reason).toContain('下架');
    expect(await w.notes(S2, { action: 'get', noteId: r.noteId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('a flagged image rejects a note still checking; only the platform can deliver a verdict', async () => {
    const w = await notesWorld();
    const r = await w.publish(S1, { images: ['/files/notes/c.jpg'] });
    const [{ traceId }] = w.cloud.contentCheck.pending();
    const forged = { Event: 'wxa_media_check', trace_id: traceId, result: { suggest: 'pass', label: '100' } };
    expect(await w.cloud.invoke('notes', forged, { openid: S1, source: 'wx_client' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.notes(S1, { action: 'mediaCheckResult', ...forged })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await w.get(S1, r.noteId)).status).toBe('checking');
    await w.verdict({ traceId }, false);
    expect((await w.get(S1, r.noteId)).status).toBe('rejected');
  });

  it('images with no verdict after 30 minutes go to review (the timer)', async () => {
    const w = await notesWorld();
    const r = await w.publish(S1, { images: ['/files/notes/d.jpg'] });
    w.clock.advance(31 * 60_000);
    await w.cloud.invoke('notes', { Type: 'Timer', TriggerName: 'sweep' }, { source: 'wx_trigger' });
    expect((await w.get(S1, r.noteId)).status).toBe('review');
  });
});

describe('notes: interactions', () => {
  it('20 concurrent likes from one student count once, with database latency; unlike takes it back once', async () => {
    const w = await notesWorld();
    const { noteId } = await w.publish(S1);
    w.cloud.engine.faults.latencyMs = [0, 4];
    const likes = await Promise.all(Array.from({ length: 20 }, () => w.notes(S2, { action: 'like', noteId })));
    w.cloud.engine.faults.latencyMs = undefined;
    expect(likes.every((r) => r.ok)).toBe(true);
    const seen = await w.get(S2, noteId);
    expect(seen.likes).toBe(1);
    expect(seen.liked).toBe(true);
    expect(await w.all('note_likes')).toHaveLength(1);

    expect(await w.must(S2, { action: 'unlike', noteId })).toEqual({ liked: false, likes: 0 });
    expect(await w.must(S2, { action: 'unlike', noteId })).toEqual({ liked: false, likes: 0 });
    expect(await w.get(S2, noteId)).toMatchObject({ likes: 0, liked: false });
    expect(await w.must(S3, { action: 'like', noteId })).toEqual({ liked: true, likes: 1 });
  });

  it('collects, comments with replies, follows and the notifications they cause', async () => {
    const w = await notesWorld();
    const { noteId } = await w.publish(S1);
    expect(await w.must(S2, { action: 'collect', noteId })).toEqual({ collected: true, collects: 1 });
    await w.must(S2, { action: 'collect', noteId });
    await w.must(S2, { action: 'like', noteId });
    const c1 = { action: 'comment', noteId, text: '台灯在哪买的？', requestId: 'comment-request-1' };
    const { commentId } = await w.must<NotesResults['comment']>(S2, c1);
    expect(await w.must(S2, c1)).toEqual({ commentId });
    await w.must(S1, { action: 'comment', noteId, text: '笔记里标了商品', replyTo: commentId, requestId: 'comment-request-2' });
    expect(await w.notes(S3, { action: 'comment', noteId, text: '刷单吗', requestId: 'comment-request-3' })).toMatchObject({
      ok: false,
      code: 'CONTENT_REJECTED',
    });
    const listed = await w.must<NotesResults['comments']>(S3, { action: 'comments', noteId });
    expect(listed.items.map((c) => [c.author, c.replyTo])).toEqual([
      [S2, null],
      [S1, commentId],
    ]);
    expect(await w.get(S3, noteId)).toMatchObject({ likes: 1, collects: 1, comments: 2 });

    await w.must(S2, { action: 'follow', openid: S1 });
    await w.must(S2, { action: 'follow', openid: S1 });
    expect(await w.notes(S2, { action: 'follow', openid: S2 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await w.all('note_follows')).toHaveLength(1);
    const told = await w.must<NotesResults['notifications']>(S1, { action: 'notifications' });
    // A collect tells nobody; a like, a comment and a follow do.
    expect(told.items.map((n) => n.kind).sort()).toEqual(['commented', 'followed', 'liked']);
    // The reply told the commenter; nobody is told of their own doings.
    const s2 = await w.must<NotesResults['notifications']>(S2, { action: 'notifications' });
    expect(s2.items.map((n) => n.kind)).toEqual(['commented']);
    await w.must(S2, { action: 'unfollow', openid: S1 });
    expect(await w.all('note_follows')).toEqual([]);
  });
});

describe('notes: search', () => {
  it('a two-character word in the middle of a body finds the note; title matches come first; paged', async () => {
    const w = await notesWorld();
    const inBody = await w.publish(S1, { title: '开学第一周', body: '图书馆三楼靠窗的位置安静，适合自习，插座也多。' });
    w.clock.advance(1000);
    const inTitle = await w.publish(S2, { title: '自习好去处', body: '推荐二教。' });
    w.clock.advance(1000);
    await w.publish(S3, { title: '食堂新窗口', body: '麻辣香锅不错。' });
    const found = await w.must<NotesResults['search']>(S3, { action: 'search', q: '自习' });
    expect(found.items.map((n) => n.noteId)).toEqual([inTitle.noteId, inBody.noteId]);
    expect((await w.must<NotesResults['search']>(S3, { action: 'search', q: '插座' })).items.map((n) => n.noteId)).toEqual([inBody.noteId]);
    expect((await w.must<NotesResults['search']>(S3, { action: 'search', q: '火锅' })).items).toEqual([]);

    for (let i = 0; i < 22; i++) await w.publish(S1, { title: `自习打卡 ${i}`, body: '' });
    const p1 = await w.must<NotesResults['search']>(S3, { action: 'search', q: '自习' });
    expect(p1.items).toHaveLength(20);
    const p2 = await w.must<NotesResults['search']>(S3, { action: 'search', q: '自习', cursor: p1.nextCursor });
    const ids = [...p1.items, ...p2.items].map((n) => n.noteId);
    expect(new Set(ids).size).toBe(24);
    expect(ids[ids.length - 1]).toBe(inBody.noteId);
    expect(p2.nextCursor).toBeNull();
  });
});
