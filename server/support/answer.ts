// Answering a student: the shop's FAQs (when the question is about a shop) and the platform's
// built-in answers, matched by the pure answerer in core/support. A question nothing answers is
// counted once per shop and normalized question (support_misses), for the merchant to turn
// into an FAQ; the student is told a person will reply.
import { createHash } from 'node:crypto';
import type { AnswerView, SupportResults } from '../../core/contracts/support';
import { ok } from '../../core/result';
import { BUILTIN_FAQS } from '../../core/support/builtin';
import { type Faq, match, missKey } from '../../core/support/match';
import type { Ctx } from '../context';
import { isDuplicateKeyError } from '../db/types';
import { findOrder } from '../orders/orders';
import { findShop } from '../users/merchants';
import { shopFaqs, toFaq } from './faqs';

/** Where misses without a shop are counted (questions to the platform itself). */
export const PLATFORM = 'platform';

/** The shop a question is about, if it exists: an unknown id is a question to the platform. */
export async function knownShop(ctx: Ctx, merchantId: string | undefined): Promise<string | undefined> {
  return merchantId && (await findShop(ctx, merchantId)) ? merchantId : undefined;
}

/** Which shop a question is about: the one named, or the shop of the caller's own order. */
export async function shopFor(ctx: Ctx, ref: { merchantId?: string; orderId?: string }): Promise<string | undefined> {
  if (ref.orderId) {
    const order = await findOrder(ctx, ref.orderId);
    // Someone else's order says nothing about the caller's question (and names no shop to them).
    if (order && order.buyer === ctx.openid) return order.merchantId;
  }
  return knownShop(ctx, ref.merchantId);
}

/** The FAQs a question to this (known) shop is matched against: the shop's own first, then the platform's. */
export async function faqsFor(ctx: Ctx, shopId: string | undefined): Promise<Faq[]> {
  const own = shopId ? (await shopFaqs(ctx, shopId)).map(toFaq) : [];
  return [...own, ...BUILTIN_FAQS];
}

/** Counts a question nobody answered: one document per (known) shop and normalized question. */
export async function recordMiss(ctx: Ctx, merchantId: string | undefined, text: string): Promise<void> {
  const key = missKey(text);
  if (!key) return;
  const shop = merchantId ?? PLATFORM;
  const _id = `ms${createHash('sha256').update(`${shop}|${key}`).digest('hex').slice(0, 20)}`;
  const now = new Date(ctx.now());
  try {
    await ctx.db
      .collection('support_misses')
      .add({ data: { _id, merchantId: shop, key, question: text.trim().slice(0, 60), count: 1, firstAt: now, lastAt: now } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    await ctx.db
      .collection('support_misses')
      .doc(_id)
      .update({ data: { count: ctx.db.command.inc(1), lastAt: now } });
  }
  ctx.log.info('support miss', { merchantId: shop, key });
}

/** The answers to a question about a (known) shop, best first, at most 3, or none; a miss is recorded. */
export async function answer(ctx: Ctx, shopId: string | undefined, text: string): Promise<AnswerView[]> {
  const found = match(text, await faqsFor(ctx, shopId));
  if (found.length === 0) await recordMiss(ctx, shopId, text);
  return found.map(({ faq }) => ({ faqId: faq.faqId, question: faq.question, answer: faq.answer }));
}

export async function ask(ctx: Ctx, input: { merchantId?: string; orderId?: string; text: string }) {
  const answers = await answer(ctx, await shopFor(ctx, input), input.text);
  return ok<SupportResults['ask']>({ answers, fallback: answers.length === 0 });
}

/** Questions to offer before anything is asked: up to 3 of the shop's, then the platform's, 6 in all. */
export async function suggestions(ctx: Ctx, shopId: string | undefined) {
  const all = await faqsFor(ctx, shopId);
  const own = all.filter((f) => !f.faqId.startsWith('builtin-')).slice(0, 3);
  const questions = [...own, ...BUILTIN_FAQS].slice(0, 6).map((f) => ({ faqId: f.faqId, question: f.question }));
  return ok<SupportResults['suggestions']>({ questions });
}
