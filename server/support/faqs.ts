// A shop's FAQ: the merchant writes, edits and removes questions with their answers (checked by
// WeChat's content check: students read them), at most FAQS_PER_SHOP, reserved on a per-shop
// counter by a conditional update; and sees the questions nobody answered. Only the shop's
// owner (checked in the database) touches its FAQ.
import { createHash } from 'node:crypto';
import type * as z from 'zod';
import { FAQS_PER_SHOP, type SupportResults, type supportInput } from '../../core/contracts/support';
import { fail, ok } from '../../core/result';
import type { Faq } from '../../core/support/match';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { isDuplicateKeyError } from '../db/types';
import { callerMerchant } from '../users/merchants';

type In<K extends keyof typeof supportInput> = z.output<(typeof supportInput)[K]>;

export interface FaqDoc {
  _id: string;
  merchantId: string;
  question: string;
  answer: string;
  keywords: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** One per shop (_id the merchant id): how many FAQs it holds, the limit's counter. */
interface ShopCounterDoc {
  _id: string;
  faqs: number;
}

export interface MissDoc {
  _id: string;
  merchantId: string;
  key: string;
  question: string;
  count: number;
  firstAt: Date;
  lastAt: Date;
}

const time = (d: Date | number) => new Date(d).getTime();

/** The shop's FAQs as the answerer takes them (at most FAQS_PER_SHOP: one read), newest first. */
export async function shopFaqs(ctx: Ctx, merchantId: string): Promise<FaqDoc[]> {
  const { data } = await ctx.db.collection<FaqDoc>('support_faqs').where({ merchantId }).orderBy('updatedAt', 'desc').limit(FAQS_PER_SHOP).get();
  return data;
}

export const toFaq = (d: FaqDoc): Faq => ({ faqId: d._id, question: d.question, answer: d.answer, keywords: d.keywords });

async function refused(ctx: Ctx, input: In<'saveFaq'>) {
  const content = [input.question, input.answer, ...input.keywords].join('\n');
  const check = await ctx.contentCheck.checkText({ content, openid: ctx.openid, scene: 1 });
  return check.suggest === 'pass' ? null : fail('CONTENT_REJECTED', '问题或回答含有不合适的内容，请修改后再保存');
}

/** Takes one of the shop's FAQ places; false when all are taken. */
async function reservePlace(ctx: Ctx, merchantId: string): Promise<boolean> {
  try {
    await ctx.db.collection('support_shops').add({ data: { _id: merchantId, faqs: 0 } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('support_shops')
    .where({ _id: merchantId, faqs: _.lt(FAQS_PER_SHOP) })
    .update({ data: { faqs: _.inc(1) } });
  return res.stats.updated === 1;
}

const releasePlace = (ctx: Ctx, merchantId: string) =>
  ctx.db
    .collection('support_shops')
    .where({ _id: merchantId, faqs: ctx.db.command.gt(0) })
    .update({ data: { faqs: ctx.db.command.inc(-1) } });

export async function saveFaq(ctx: Ctx, input: In<'saveFaq'>) {
  const shop = await callerMerchant(ctx);
  if (!shop) return fail('FORBIDDEN', '只有商家可以编辑常见问题');
  const no = await refused(ctx, input);
  if (no) return no;
  const now = new Date(ctx.now());
  const fields = { question: input.question, answer: input.answer, keywords: [...new Set(input.keywords)], updatedAt: now };
  let faqId = input.faqId;
  if (faqId) {
    const res = await ctx.db.collection('support_faqs').where({ _id: faqId, merchantId: shop._id }).update({ data: fields });
    if (res.stats.updated === 0) {
      const doc = await getDoc<FaqDoc>(ctx, 'support_faqs', faqId);
      if (!doc || doc.merchantId !== shop._id) return fail('NOT_FOUND', '没有这条问答');
    }
  } else {
    faqId = `fq${createHash('sha256').update(`${shop._id}|${input.requestId}`).digest('hex').slice(0, 20)}`;
    // The same request again (a lost answer retried) is the FAQ already made.
    if (!(await getDoc<FaqDoc>(ctx, 'support_faqs', faqId))) {
      if (!(await reservePlace(ctx, shop._id))) return fail('LIMIT_REACHED', `每个店铺最多 ${FAQS_PER_SHOP} 条问答，请先删除不用的`);
      try {
        await ctx.db.collection('support_faqs').add({ data: { _id: faqId, merchantId: shop._id, ...fields, createdAt: now } });
      } catch (e) {
        await releasePlace(ctx, shop._id);
        if (!isDuplicateKeyError(e)) throw e;
      }
    }
  }
  // 添加为问答: the question it answers leaves the unanswered list.
  if (input.missId) await ctx.db.collection('support_misses').where({ _id: input.missId, merchantId: shop._id }).remove();
  return ok<SupportResults['saveFaq']>({ faqId });
}

export async function removeFaq(ctx: Ctx, { faqId }: In<'removeFaq'>) {
  const shop = await callerMerchant(ctx);
  if (!shop) return fail('FORBIDDEN', '只有商家可以删除常见问题');
  const res = await ctx.db.collection('support_faqs').where({ _id: faqId, merchantId: shop._id }).remove();
  if (res.stats.removed === 0) return fail('NOT_FOUND', '没有这条问答');
  await releasePlace(ctx, shop._id);
  return ok<SupportResults['removeFaq']>({ faqId });
}

export async function listFaqs(ctx: Ctx) {
  const shop = await callerMerchant(ctx);
  if (!shop) return fail('FORBIDDEN', '只有商家可以查看问答管理');
  const docs = await shopFaqs(ctx, shop._id);
  // A save that died between taking a place and writing its FAQ left the counter one high:
  // every FAQ is in this read, so the counter is set back to what is stored (a save in flight
  // at this instant may go uncounted: one place too many at worst, never a lost FAQ).
  const counter = await getDoc<ShopCounterDoc>(ctx, 'support_shops', shop._id);
  if (counter && counter.faqs > docs.length && docs.length < FAQS_PER_SHOP)
    await ctx.db
      .collection('support_shops')
      .where({ _id: shop._id, faqs: counter.faqs })
      .update({ data: { faqs: docs.length } });
  return ok<SupportResults['listFaqs']>({
    items: docs.map((d) => ({ faqId: d._id, question: d.question, answer: d.answer, keywords: d.keywords, updatedAt: time(d.updatedAt) })),
    max: FAQS_PER_SHOP,
  });
}

/** The shop's unanswered questions, most asked first (at most 50). */
export async function listMisses(ctx: Ctx) {
  const shop = await callerMerchant(ctx);
  if (!shop) return fail('FORBIDDEN', '只有商家可以查看未解答的问题');
  const { data } = await ctx.db.collection<MissDoc>('support_misses').where({ merchantId: shop._id }).orderBy('count', 'desc').limit(50).get();
  return ok<SupportResults['listMisses']>({
    items: data.map((d) => ({ missId: d._id, question: d.question, count: d.count, lastAt: time(d.lastAt) })),
  });
}
