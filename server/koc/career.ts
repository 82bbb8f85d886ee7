// Career help: internships a merchant posts for its KOCs (a KOC applies with their record from
// Sprout's own data, once), and recommendation letters a KOC asks for and the merchant writes
// and signs (its name and the date), which the KOC then keeps.
import { createHash } from 'node:crypto';
import type * as z from 'zod';
import type { CareerResults, careerInput, InternshipView, KocRecord, LetterView } from '../../core/contracts/koc-career';
import { fail, ok } from '../../core/result';
import { tierOf } from '../commission/tiers';
import type { Ctx } from '../context';
import { getDoc, getDocsByIds } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import { callerMerchant, merchantsById } from '../users/merchants';
import { findUsers } from '../users/users';

type In<K extends keyof typeof careerInput> = z.output<(typeof careerInput)[K]>;

interface InternshipDoc {
  _id: string;
  merchantId: string;
  title: string;
  description: string;
  deadline: Date;
  open: boolean;
  createdAt: Date;
}

interface InternshipApplicationDoc {
  _id: string; // `${internshipId}:${openid}`
  internshipId: string;
  merchantId: string;
  openid: string;
  note: string;
  record: KocRecord;
  at: Date;
}

interface LetterDoc {
  _id: string;
  merchantId: string;
  openid: string;
  purpose: string;
  state: 'requested' | 'written';
  body: string | null;
  signedBy: string | null;
  signedAt: Date | null;
  requestedAt: Date;
}

const member = (ctx: Ctx, merchantId: string, openid: string) => getDoc<{ since: Date; via: string }>(ctx, 'koc_members', `${merchantId}:${openid}`);

export async function postInternship(ctx: Ctx, input: In<'postInternship'>) {
  const shop = await callerMerchant(ctx);
  if (!shop) return fail('FORBIDDEN', '只有商家可以发布实习');
  if (input.deadline <= ctx.now()) return fail('INVALID_INPUT', 'deadline: 截止时间要晚于现在');
  const id = `in${createHash('sha256').update(`${shop._id}|${input.requestId}`).digest('hex').slice(0, 20)}`;
  const doc: Omit<InternshipDoc, '_id'> = {
    merchantId: shop._id,
    title: input.title,
    description: input.description,
    deadline: new Date(input.deadline),
    open: true,
    createdAt: new Date(ctx.now()),
  };
  try {
    await ctx.db.collection('koc_internships').add({ data: { _id: id, ...doc } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e; // the same post again
  }
  return ok<CareerResults['postInternship']>({ internshipId: id });
}

export async function closeInternship(ctx: Ctx, { internshipId }: In<'closeInternship'>) {
  const shop = await callerMerchant(ctx);
  if (!shop) return fail('FORBIDDEN', '只有商家可以关闭实习');
  const res = await ctx.db
    .collection('koc_internships')
    .where({ _id: internshipId, merchantId: shop._id })
    .update({ data: { open: false } });
  if (res.stats.updated === 0 && !(await getDoc<InternshipDoc>(ctx, 'koc_internships', internshipId))) return fail('NOT_FOUND', '没有这个实习岗位');
  return ok<CareerResults['closeInternship']>({ internshipId });
}

/** The shop's internships (at most 50, newest first) with how many applied to each. */
export async function myInternships(ctx: Ctx) {
  const shop = await callerMerchant(ctx);
  if (!shop) return fail('FORBIDDEN', '只有商家可以查看实习');
  const _ = ctx.db.command;
  const { data } = await ctx.db.collection<InternshipDoc>('koc_internships').where({ merchantId: shop._id }).orderBy('createdAt', 'desc').limit(50).get();
  // One aggregation for every count, however many internships.
  const counts = new Map<string, number>();
  if (data.length) {
    const { list } = await ctx.db
      .collection('koc_internship_applications')
      .aggregate()
      .match({ internshipId: _.in(data.map((d) => d._id)) })
      .group({ _id: '$internshipId', n: _.aggregate.sum(1) })
      .limit(data.length)
      .end();
    for (const row of list as { _id: string; n: number }[]) counts.set(row._id, row.n);
  }
  return ok<CareerResults['myInternships']>({
    items: data.map((d) => ({
      id: d._id,
      merchantId: d.merchantId,
      merchantName: shop.name,
      title: d.title,
      description: d.description,
      deadline: new Date(d.deadline).getTime(),
      open: d.open,
      applied: false,
      applicants: counts.get(d._id) ?? 0,
    })),
  });
}

/** The open internships of the programs the caller is a KOC of (at most 50), newest first. */
export async function internships(ctx: Ctx) {
  const _ = ctx.db.command;
  const { data: memberships } = await ctx.db.collection<{ merchantId: string }>('koc_members').where({ openid: ctx.openid }).limit(50).get();
  const shops = memberships.map((m) => m.merchantId);
  if (shops.length === 0) return ok<CareerResults['internships']>({ items: [] });
  const { data } = await ctx.db
    .collection<InternshipDoc>('koc_internships')
    .where({ merchantId: _.in(shops), open: true, deadline: _.gt(new Date(ctx.now())) })
    .orderBy('createdAt', 'desc')
    .limit(50)
    .get();
  const [names, applied] = await Promise.all([
    merchantsById(ctx, [...new Set(data.map((d) => d.merchantId))]),
    getDocsByIds<InternshipApplicationDoc>(
      ctx,
      'koc_internship_applications',
      data.map((d) => `${d._id}:${ctx.openid}`),
    ),
  ]);
  const items: InternshipView[] = data.map((d) => ({
    id: d._id,
    merchantId: d.merchantId,
    merchantName: names.get(d.merchantId)?.name ?? '',
    title: d.title,
    description: d.description,
    deadline: new Date(d.deadline).getTime(),
    open: d.open,
    applied: applied.has(`${d._id}:${ctx.openid}`),
  }));
  return ok<CareerResults['internships']>({ items });
}

/** The KOC's record with a program, from Sprout's own data (never what the KOC says). */
async function recordOf(ctx: Ctx, merchantId: string, openid: string, since: Date): Promise<KocRecord> {
  const _ = ctx.db.command;
  const [tier, orders, badges] = await Promise.all([
    tierOf(ctx, merchantId, openid),
    ctx.db
      .collection('commissions')
      .where({ koc: openid, merchantId, currentFen: _.gt(0) })
      .count(),
    ctx.db.collection<{ name: string }>('koc_badges').where({ openid, merchantId }).limit(20).get(),
  ]);
  return { tier, orders: orders.total, badges: badges.data.map((b) => b.name), memberSince: new Date(since).getTime() };
}

export async function applyInternship(ctx: Ctx, { internshipId, note }: In<'applyInternship'>) {
  const post = await getDoc<InternshipDoc>(ctx, 'koc_internships', internshipId);
  if (!post) return fail('NOT_FOUND', '没有这个实习岗位');
  const m = await member(ctx, post.merchantId, ctx.openid);
  if (!m) return fail('FORBIDDEN', '这是达人专属的实习，入选后才能申请');
  if (!post.open || new Date(post.deadline).getTime() <= ctx.now()) return fail('BAD_STATE', '这个实习已截止');
  const doc: Omit<InternshipApplicationDoc, '_id'> = {
    internshipId,
    merchantId: post.merchantId,
    openid: ctx.openid,
    note,
    record: await recordOf(ctx, post.merchantId, ctx.openid, m.since),
    at: new Date(ctx.now()),
  };
  try {
    await ctx.db.collection('koc_internship_applications').add({ data: { _id: `${internshipId}:${ctx.openid}`, ...doc } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e; // applied before: once is enough
  }
  return ok<CareerResults['applyInternship']>({ applied: true });
}

export async function internshipApplicants(ctx: Ctx, { internshipId }: In<'internshipApplicants'>) {
  const shop = await callerMerchant(ctx);
  if (!shop) return fail('FORBIDDEN', '只有商家可以查看申请');
  const post = await getDoc<InternshipDoc>(ctx, 'koc_internships', internshipId);
  if (!post || post.merchantId !== shop._id) return fail('NOT_FOUND', '没有这个实习岗位');
  const { data } = await ctx.db
    .collection<InternshipApplicationDoc>('koc_internship_applications')
    .where({ internshipId })
    .orderBy('at', 'desc')
    .limit(100)
    .get();
  const users = await findUsers(
    ctx,
    data.map((a) => a.openid),
  );
  return ok<CareerResults['internshipApplicants']>({
    items: data.map((a) => ({ nickname: users.get(a.openid)?.nickname ?? '同学', note: a.note, record: a.record, at: new Date(a.at).getTime() })),
  });
}

const letterId = (merchantId: string, openid: string, purpose: string) =>
  `lt${createHash('sha256').update(`${merchantId}|${openid}|${purpose}`).digest('hex').slice(0, 20)}`;

export async function requestLetter(ctx: Ctx, { merchantId, purpose }: In<'requestLetter'>) {
  if (!(await member(ctx, merchantId, ctx.openid))) return fail('FORBIDDEN', '入选这家店的达人后才能请它写推荐信');
  const id = letterId(merchantId, ctx.openid, purpose);
  const doc: Omit<LetterDoc, '_id'> = {
    merchantId,
    openid: ctx.openid,
    purpose,
    state: 'requested',
    body: null,
    signedBy: null,
    signedAt: null,
    requestedAt: new Date(ctx.now()),
  };
  try {
    await ctx.db.collection('koc_letters').add({ data: { _id: id, ...doc } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e; // asked before for the same purpose
  }
  return ok<CareerResults['requestLetter']>({ letterId: id });
}

async function letterViews(ctx: Ctx, docs: LetterDoc[]): Promise<LetterView[]> {
  const [shops, users] = await Promise.all([
    merchantsById(ctx, [...new Set(docs.map((d) => d.merchantId))]),
    findUsers(
      ctx,
      docs.map((d) => d.openid),
    ),
  ]);
  return docs.map((d) => ({
    id: d._id,
    merchantId: d.merchantId,
    merchantName: shops.get(d.merchantId)?.name ?? '',
    nickname: users.get(d.openid)?.nickname ?? '同学',
    purpose: d.purpose,
    state: d.state,
    body: d.body,
    signedAt: d.signedAt ? new Date(d.signedAt).getTime() : null,
    requestedAt: new Date(d.requestedAt).getTime(),
  }));
}

export async function letterRequests(ctx: Ctx) {
  const shop = await callerMerchant(ctx);
  if (!shop) return fail('FORBIDDEN', '只有商家可以查看推荐信请求');
  const { data } = await ctx.db.collection<LetterDoc>('koc_letters').where({ merchantId: shop._id }).orderBy('requestedAt', 'desc').limit(50).get();
  return ok<CareerResults['letterRequests']>({ items: await letterViews(ctx, data) });
}

/** The merchant writes and signs once; a letter already written is not rewritten. */
export async function writeLetter(ctx: Ctx, { letterId: id, body }: In<'writeLetter'>) {
  const shop = await callerMerchant(ctx);
  if (!shop) return fail('FORBIDDEN', '只有商家可以写推荐信');
  const letter = await getDoc<LetterDoc>(ctx, 'koc_letters', id);
  if (!letter || letter.merchantId !== shop._id) return fail('NOT_FOUND', '没有这封推荐信请求');
  const res = await ctx.db
    .collection('koc_letters')
    .where({ _id: id, state: 'requested' })
    .update({ data: { state: 'written', body, signedBy: shop.name, signedAt: new Date(ctx.now()) } });
  if (res.stats.updated === 0) return fail('BAD_STATE', '这封推荐信已经写好了');
  return ok<CareerResults['writeLetter']>({ letterId: id });
}

export async function myLetters(ctx: Ctx) {
  const { data } = await ctx.db.collection<LetterDoc>('koc_letters').where({ openid: ctx.openid }).orderBy('requestedAt', 'desc').limit(50).get();
  return ok<CareerResults['myLetters']>({ items: await letterViews(ctx, data) });
}
