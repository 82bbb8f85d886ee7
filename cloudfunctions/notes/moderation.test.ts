import type { FeedResults, ModerationResults, NotesResults } from '../../core/contracts/notes';
import { KOC, OWNER, PRODUCT, RIVAL, STUDENTS } from '../groupbuy/fixture';
import { notesWorld } from './fixture';

const [S1, S2, S3, S4] = STUDENTS;
const ADMIN = 'fx-admin';

describe('notes moderation', () => {
  it('three distinct reports send a note to review; the shop it tags or an administrator decides', async () => {
    const w = await notesWorld();
    await w.cloud.db
      .collection('users')
      .add({ data: { _id: ADMIN, roles: ['admin'], campusId: null, nickname: '管理员', avatarUrl: '', createdAt: new Date() } });
    const { noteId } = await w.publish(KOC, { productIds: [PRODUCT.id] });
    for (const who of [S1, S1, S2]) await w.must(who, { action: 'report', noteId, reason: '虚假种草' });
    expect((await w.get(S3, noteId)).status).toBe('published');
    await w.must(S3, { action: 'report', noteId, reason: '广告未标注' });
    expect(await w.notes(S4, { action: 'get', noteId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await w.get(KOC, noteId)).reason).toBe('被多位同学举报，等待人工审核');

    // A student has no queue; a merchant whose products the note does not tag does not see it.
    expect(await w.notes(S1, { action: 'moderationQueue' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await w.must<ModerationResults['moderationQueue']>(RIVAL, { action: 'moderationQueue' })).items).toEqual([]);
    const queue = await w.must<ModerationResults['moderationQueue']>(OWNER, { action: 'moderationQueue' });
    expect(queue.items.map((i) => [i.noteId, i.reports])).toEqual([[noteId, 3]]);
    expect(await w.notes(RIVAL, { action: 'moderate', noteId, approve: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    // Rejecting needs a reason, which the author reads; nothing changes without one.
    const before = w.fingerprint();
    expect(await w.notes(ADMIN, { action: 'moderate', noteId, approve: false })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(w.fingerprint()).toBe(before);
    expect(await w.must(OWNER, { action: 'moderate', noteId, approve: true })).toEqual({ noteId, status: 'published' });
    expect((await w.get(S4, noteId)).status).toBe('published');
    expect(await w.notes(ADMIN, { action: 'moderate', noteId, approve: false, reason: '图文不符' })).toMatchObject({ ok: false, code: 'BAD_STATE' });
  });

  it('an administrator rejects with the reason shown to the author', async () => {
    const w = await notesWorld();
    await w.cloud.db
      .collection('users')
      .add({ data: { _id: ADMIN, roles: ['admin'], campusId: null, nickname: '管理员', avatarUrl: '', createdAt: new Date() } });
    const { noteId } = await w.publish(S1);
    for (const who of [S2, S3, S4]) await w.must(who, { action: 'report', noteId, reason: '辱骂攻击' });
    expect((await w.must<ModerationResults['moderationQueue']>(ADMIN, { action: 'moderationQueue' })).items).toHaveLength(1);
    expect(await w.must(ADMIN, { action: 'moderate', noteId, approve: false, reason: '含有人身攻击' })).toEqual({ noteId, status: 'rejected' });
    expect((await w.get(S1, noteId)).reason).toBe('审核未通过：含有人身攻击');
  });

  it('a comment reported three times is hidden from readers', async () => {
    const w = await notesWorld();
    const { noteId } = await w.publish(KOC);
    const { commentId } = await w.must<NotesResults['comment']>(S1, { action: 'comment', noteId, text: '写得好', requestId: 'comment-request-1' });
    for (const who of [S2, S3, S4]) await w.must(who, { action: 'report', noteId, commentId, reason: '辱骂攻击' });
    expect((await w.must<NotesResults['comments']>(KOC, { action: 'comments', noteId })).items).toEqual([]);
  });

  it('a blocked student cannot comment on or follow the blocker, and leaves the blocker’s feed', async () => {
    const w = await notesWorld();
    const mine = (await w.publish(S1, { title: '我的笔记' })).noteId;
    const theirs = (await w.publish(S2, { title: '被拉黑的人的笔记' })).noteId;
    await w.must(S2, { action: 'comment', noteId: (await w.publish(KOC)).noteId, text: '路过', requestId: 'comment-request-2' });
    expect(await w.must(S1, { action: 'block', openid: S2 })).toEqual({ blocked: true });
    const before = w.fingerprint();
    expect(await w.notes(S2, { action: 'comment', noteId: mine, text: '你好', requestId: 'comment-request-3' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await w.notes(S2, { action: 'follow', openid: S1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(w.fingerprint()).toBe(before);
    const feed = await w.must<FeedResults['feed']>(S1, { action: 'feed' });
    expect(feed.items.map((c) => c.noteId)).not.toContain(theirs);
    expect((await w.must<FeedResults['feed']>(S3, { action: 'feed' })).items.map((c) => c.noteId)).toContain(theirs);
    expect(await w.notes(S1, { action: 'block', openid: S1 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    await w.must(S1, { action: 'unblock', openid: S2 });
    await w.must(S2, { action: 'follow', openid: S1 });
  });
});
