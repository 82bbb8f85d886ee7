// WeChat's customer-service session, answered by the bot. WeChat pushes each text a student
// sends (and the event user_enter_tempsession when they open the session) to the support
// function; the bot answers through the customer-service port within WeChat's reply quota (the
// rule in core/support/quota.ts), reserved by a conditional update on the student's session
// document before anything is sent. Each push is handled once: its marker in support_replies
// is written first under the message's id, so a push WeChat delivers again sends nothing more.
// A crash after the marker and before the send loses that reply (at most once: a reply sent
// twice would spend quota the student may need later).
import { createHash } from 'node:crypto';
import type * as z from 'zod';
import type { SupportResults, supportInput } from '../../core/contracts/support';
import { fail, ok } from '../../core/result';
import { mayGreet, nextReply } from '../../core/support/quota';
import { greetingText, replyText } from '../../core/support/reply';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import { answer, shopFor, suggestions } from './answer';

type Push = z.output<typeof supportInput.csPush>;
type Outcome = SupportResults['csPush']['outcome'];

/** One per student (_id the openid): the reply window, the shop the session is about, the last greeting. */
interface SessionDoc {
  _id: string;
  windowStart: number;
  replies: number;
  merchantId: string | null;
  greetedAt: number | null;
}

/** session-from on the contact button: "shop:<merchantId>" (product page) or "order:<orderId>" (order page). */
const SESSION_FROM = /^(shop|order):([A-Za-z0-9_-]{1,64})$/;

const session = (ctx: Ctx, openid: string) => getDoc<SessionDoc>(ctx, 'support_sessions', openid);

async function ensureSession(ctx: Ctx, openid: string): Promise<SessionDoc> {
  const found = await session(ctx, openid);
  if (found) return found;
  const fresh: SessionDoc = { _id: openid, windowStart: 0, replies: 0, merchantId: null, greetedAt: null };
  try {
    await ctx.db.collection('support_sessions').add({ data: fresh });
    return fresh;
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    return (await session(ctx, openid)) as SessionDoc;
  }
}

/** Takes one reply of the student's window (compare-and-set on the window); false when it is full. */
async function reserveReply(ctx: Ctx, openid: string): Promise<boolean> {
  const now = ctx.now();
  // A few tries: another push of the same student may move the window between read and write.
  for (let attempt = 0; attempt < 4; attempt++) {
    const s = await ensureSession(ctx, openid);
    const step = nextReply(s, now);
    if (step === 'full') return false;
    const data = step === 'open' ? { windowStart: now, replies: 1 } : { replies: ctx.db.command.inc(1) };
    const res = await ctx.db.collection('support_sessions').where({ _id: openid, windowStart: s.windowStart, replies: s.replies }).update({ data });
    if (res.stats.updated === 1) return true;
  }
  return false; // never more than the quota, even under contention
}

/** Writes the push's marker; false when it was handled before (WeChat delivered it again). */
async function firstDelivery(ctx: Ctx, markerId: string, openid: string, kind: 'answer' | 'greeting'): Promise<boolean> {
  try {
    await ctx.db.collection('support_replies').add({ data: { _id: markerId, openid, kind, state: 'pending', at: new Date(ctx.now()) } });
    return true;
  } catch (e) {
    if (isDuplicateKeyError(e)) return false;
    throw e;
  }
}

const settle = (ctx: Ctx, markerId: string, state: Outcome) => ctx.db.collection('support_replies').doc(markerId).update({ data: { state } });

async function send(ctx: Ctx, markerId: string, openid: string, content: string, outcome: Outcome): Promise<Outcome> {
  const res = await ctx.customerService.sendText({ touser: openid, content });
  const final: Outcome = res.ok ? outcome : 'send_failed';
  if (!res.ok) ctx.log.warn('customer service send failed', { errcode: res.errcode, errmsg: res.errmsg });
  await settle(ctx, markerId, final);
  return final;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);

async function onText(ctx: Ctx, openid: string, push: Push): Promise<Outcome> {
  const text = (push.Content ?? '').trim();
  if (!text) return 'ignored';
  const markerId = `m${hash(push.MsgId !== undefined ? `msg|${push.MsgId}` : `msg|${openid}|${push.CreateTime}|${text}`)}`;
  if (!(await firstDelivery(ctx, markerId, openid, 'answer'))) return 'duplicate';
  const s = await session(ctx, openid);
  const answers = await answer(ctx, s?.merchantId ?? undefined, text.slice(0, 200));
  if (!(await reserveReply(ctx, openid))) {
    await settle(ctx, markerId, 'over_quota');
    return 'over_quota';
  }
  return send(ctx, markerId, openid, replyText(answers), answers.length ? 'replied' : 'fallback');
}

async function onEnter(ctx: Ctx, openid: string, push: Push): Promise<Outcome> {
  const markerId = `e${hash(`enter|${openid}|${push.CreateTime}`)}`;
  if (!(await firstDelivery(ctx, markerId, openid, 'greeting'))) return 'duplicate';
  const s = await ensureSession(ctx, openid);
  const from = SESSION_FROM.exec(push.SessionFrom ?? '');
  // The shop the student came from (product or order page) is what later questions are about.
  const merchantId = (from ? await shopFor(ctx, from[1] === 'shop' ? { merchantId: from[2] } : { orderId: from[2] }) : undefined) ?? null;
  const now = ctx.now();
  if (!mayGreet(push.CreateTime * 1000, s.greetedAt, now)) {
    await ctx.db.collection('support_sessions').doc(openid).update({ data: { merchantId } });
    await settle(ctx, markerId, 'ignored');
    return 'ignored';
  }
  // Compare-and-set on the last greeting: two enter pushes at once greet once.
  const res = await ctx.db
    .collection('support_sessions')
    .where({ _id: openid, greetedAt: s.greetedAt })
    .update({ data: { greetedAt: now, merchantId } });
  if (res.stats.updated !== 1) {
    await settle(ctx, markerId, 'ignored');
    return 'ignored';
  }
  const offered = await suggestions(ctx, merchantId ?? undefined);
  const questions = offered.ok ? offered.data.questions.map((q) => q.question) : [];
  return send(ctx, markerId, openid, greetingText(questions), 'greeted');
}

/** One customer-service push from WeChat; the caller has checked it came from the platform. */
export async function handleCsPush(ctx: Ctx, push: Push) {
  // WeChat's context names the student (as for a client call); the event's FromUserName is not identity.
  const openid = ctx.openid;
  if (!openid) return fail('FORBIDDEN', '推送没有用户身份');
  let outcome: Outcome = 'ignored';
  if (push.MsgType === 'text') outcome = await onText(ctx, openid, push);
  else if (push.MsgType === 'event' && push.Event === 'user_enter_tempsession') outcome = await onEnter(ctx, openid, push);
  ctx.log.info('customer service push', { msgType: push.MsgType, event: push.Event ?? '', outcome });
  return ok<SupportResults['csPush']>({ outcome });
}
