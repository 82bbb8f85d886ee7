// The world for the support function's tests: a campus, two shops with their owners, students,
// typed calls to `support`, and WeChat's customer-service pushes as the platform delivers them.
import { testCloud } from '../../local-cloud/testing';

export const OWNER = 'cs-owner';
export const SHOP = 'cs-shop';
export const RIVAL = 'cs-rival';
export const RIVAL_SHOP = 'cs-rival-shop';
export const STUDENTS = ['cs-s1', 'cs-s2', 'cs-s3'];
/** What the local cloud calls a message push (WeChat does not document its SOURCE). */
export const PUSH_SOURCE = 'wx_msgpush';

type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export async function supportWorld() {
  const t = await testCloud({ seed: false });
  const db = t.cloud.db;
  const now = new Date(t.clock.now());
  await db.collection('campuses').add({ data: { _id: 'cs-campus', name: '测试大学', city: '上海', periods: [] } });
  const people: [string, string[]][] = [[OWNER, ['student', 'merchant']], [RIVAL, ['merchant']], ...STUDENTS.map((s): [string, string[]] => [s, ['student']])];
  for (const [openid, roles] of people)
    await db.collection('users').add({
      data: {
        _id: openid,
        roles,
        campusId: 'cs-campus',
        nickname: openid,
        avatarUrl: '',
        grade: null,
        major: '',
        interests: [],
        createdAt: now,
        updatedAt: now,
      },
    });
  await db.collection('merchants').add({ data: { _id: SHOP, name: '测试小店', logo: '', campusId: 'cs-campus', ownerOpenid: OWNER } });
  await db.collection('merchants').add({ data: { _id: RIVAL_SHOP, name: '隔壁小店', logo: '', campusId: 'cs-campus', ownerOpenid: RIVAL } });

  const support = <T>(who: string, event: Record<string, unknown>) => t.call<T>('support', who, event) as Promise<Answer<T>>;
  const must = async <T>(who: string, event: Record<string, unknown>): Promise<T> => {
    const r = await support<T>(who, event);
    if (!r.ok) throw new Error(`${String(event.action)}: ${r.code} ${r.message}`);
    return r.data;
  };
  let msg = 0;
  /** A text the student sends in WeChat's customer-service session, pushed as WeChat pushes it. */
  const pushText = (openid: string, content: string, extra: Record<string, unknown> = {}, source = PUSH_SOURCE) =>
    t.cloud.invoke(
      'support',
      {
        ToUserName: 'gh_local',
        FromUserName: openid,
        CreateTime: Math.floor(t.clock.now() / 1000),
        MsgType: 'text',
        Content: content,
        MsgId: `local-${++msg}`,
        ...extra,
      },
      { openid, source },
    ) as Promise<Answer<{ outcome: string }>>;
  /** The student opens the session from a contact button with session-from. */
  const pushEnter = (openid: string, sessionFrom = '') =>
    t.cloud.invoke(
      'support',
      {
        ToUserName: 'gh_local',
        FromUserName: openid,
        CreateTime: Math.floor(t.clock.now() / 1000),
        MsgType: 'event',
        Event: 'user_enter_tempsession',
        SessionFrom: sessionFrom,
      },
      { openid, source: PUSH_SOURCE },
    ) as Promise<Answer<{ outcome: string }>>;
  const sent = (openid?: string) => t.cloud.customerService.sent(openid);
  let rid = 0;
  const faq = (question: string, answer: string, keywords: string[] = [], extra: Record<string, unknown> = {}) => ({
    action: 'saveFaq',
    requestId: `faq-request-${++rid}`,
    question,
    answer,
    keywords,
    ...extra,
  });
  return { ...t, support, must, pushText, pushEnter, sent, faq };
}
