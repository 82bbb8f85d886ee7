// The FAQ answerer: rule-based, no language model. A question is cut into terms (each pair of
// neighbouring Chinese characters, a lone Chinese character, and each ASCII word), and an FAQ
// scores by its keywords found in the question (one point each: a merchant's keyword is a
// strong signal) plus how much the two term sets overlap (cosine of the sets, 0..1). Pure: no
// database, no wx, no clock, so the app's chat page and the functions answer alike.

/** Chinese characters (CJK ideographs); everything else that is a letter or digit is a word character. */
const HAN = /\p{Script=Han}/u;
/** A run of Chinese characters, or a run of ASCII letters and digits (after NFKC and lowercasing). */
const RUN = /\p{Script=Han}+|[a-z0-9]+/gu;

/**
 * Terms that say a question is a question, not what it is about: they would match every FAQ.
 * Kept short on purpose; each entry is a bigram or a single character.
 */
const STOP = new Set([
  '怎么',
  '什么',
  '如何',
  '可以',
  '请问',
  '一下',
  '我的',
  '你们',
  '我们',
  '为什',
  '么办',
  '怎样',
  '在哪',
  '哪里',
  '的',
  '了',
  '吗',
  '呢',
  '啊',
]);

/** A score below this is no answer (see the tests for what lands on either side). */
export const THRESHOLD = 0.3;
/** Most answers given for one question. */
export const TOP = 3;
/** Longest normalized question kept as a miss's key. */
export const MISS_KEY_MAX = 60;

/** What a student gets when nothing matches: honest that a person, not the bot, will answer. */
export const FALLBACK_TEXT = '这个问题我暂时答不上来，已经记下来转给人工客服，会尽快回复你。你也可以换个说法再问一次。';

export interface Faq {
  faqId: string;
  question: string;
  answer: string;
  keywords: readonly string[];
}

export interface Scored {
  faq: Faq;
  score: number;
}

/** Full-width to ASCII (NFKC), lowercase, and nothing but Chinese characters, letters and digits: "怎么 退款？" -> "怎么退款". */
export function compact(text: string): string {
  return (text.normalize('NFKC').toLowerCase().match(RUN) ?? []).join('');
}

/** The key a missed question is counted under: its compact form, at most MISS_KEY_MAX characters. */
export const missKey = (text: string) => Array.from(compact(text)).slice(0, MISS_KEY_MAX).join('');

/** The terms of a text: Chinese bigrams (a lone character stands for itself), ASCII words; stop terms left out. */
export function terms(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.normalize('NFKC').toLowerCase().match(RUN) ?? []) {
    const chars = Array.from(run);
    if (!HAN.test(chars[0])) out.add(run);
    else if (chars.length === 1) out.add(run);
    else for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  for (const t of STOP) out.delete(t);
  return out;
}

/** The score of one FAQ for a question (see the file's head). */
export function score(question: string, faq: Faq): number {
  const q = terms(question);
  const text = compact(question);
  const f = terms([faq.question, ...faq.keywords].join(' '));
  let keywordHits = 0;
  for (const k of faq.keywords) {
    const key = compact(k);
    // A one-character keyword would be found in nearly every question.
    if (Array.from(key).length >= 2 && text.includes(key)) keywordHits++;
  }
  let shared = 0;
  for (const t of q) if (f.has(t)) shared++;
  const overlap = q.size && f.size ? shared / Math.sqrt(q.size * f.size) : 0;
  return keywordHits + overlap;
}

/** The best FAQs for a question, at most TOP, best first; ties keep the order given (the shop's own before the platform's). */
export function match(question: string, faqs: readonly Faq[]): Scored[] {
  return faqs
    .map((faq, i) => ({ faq, score: score(question, faq), i }))
    .filter((s) => s.score >= THRESHOLD)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, TOP)
    .map(({ faq, score: s }) => ({ faq, score: s }));
}
