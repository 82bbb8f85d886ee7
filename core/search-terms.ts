// Search terms for product text. Chinese has no spaces, so a product is indexed by its Chinese
// characters and every pair of neighbouring characters (bigrams), and by its other words (ASCII
// and the like) lowercased; a query matches when every one of its own terms is among the
// product's. Pure: no database, no wx.

/** Chinese characters (CJK ideographs). */
const HAN = /\p{Script=Han}/u;
/** A run of letters and digits; anything else (spaces, punctuation, symbols) separates runs. */
const RUN = /[\p{L}\p{N}]+/gu;
/** A word longer than this is indexed by its start only: a pasted link or serial number is not worth the terms. */
export const MAX_WORD = 32;
/** Most terms a query may ask for (a 30-character query has at most 29 bigrams). */
export const MAX_QUERY_TERMS = 32;

/** Full-width letters and digits become ASCII (NFKC), then lowercase: ＬＥＤ and LED are one word. */
function runsOf(text: string): string[][] {
  return (text.normalize('NFKC').toLowerCase().match(RUN) ?? []).map((r) => Array.from(r));
}

/** A run split where Chinese meets anything else: 'led台灯' is ['led', '台灯']. */
function segmentsOf(run: string[]): { han: boolean; chars: string[] }[] {
  const out: { han: boolean; chars: string[] }[] = [];
  for (const ch of run) {
    const han = HAN.test(ch);
    const last = out[out.length - 1];
    if (last && last.han === han) last.chars.push(ch);
    else out.push({ han, chars: [ch] });
  }
  return out;
}

/**
 * The terms a product's text is found by: each Chinese character, each pair of neighbouring
 * letters or digits within a run (台灯, le, d台), and each non-Chinese word (led, 20w).
 */
export function textTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const run of runsOf(text)) {
    for (let i = 0; i + 1 < run.length; i++) terms.add(run[i] + run[i + 1]);
    for (const seg of segmentsOf(run)) {
      if (seg.han) for (const ch of seg.chars) terms.add(ch);
      else terms.add(seg.chars.slice(0, MAX_WORD).join(''));
    }
  }
  return [...terms];
}

/**
 * The terms a query asks for, every one of which a product must have. A two-character run is
 * looked up as the pair itself (so any two neighbouring characters of a title find it);
 * otherwise Chinese by its bigrams (a lone character by itself) and other words whole.
 */
export function queryTerms(q: string): string[] {
  const terms = new Set<string>();
  for (const run of runsOf(q)) {
    if (run.length === 2) {
      terms.add(run.join(''));
      continue;
    }
    for (const seg of segmentsOf(run)) {
      if (!seg.han) terms.add(seg.chars.slice(0, MAX_WORD).join(''));
      else if (seg.chars.length === 1) terms.add(seg.chars[0]);
      else for (let i = 0; i + 1 < seg.chars.length; i++) terms.add(seg.chars[i] + seg.chars[i + 1]);
    }
  }
  return [...terms].slice(0, MAX_QUERY_TERMS);
}

/** Marks a title's terms, kept beside the plain ones so title matches can rank first. */
export const TITLE_MARK = 't:';

/**
 * A product's terms: those of all its text (title, subtitle, category name, description),
 * plus its title's own marked with TITLE_MARK.
 */
export function productTerms(p: { title: string; subtitle: string; categoryName: string; description: string }): string[] {
  const title = textTerms(p.title);
  const all = new Set([...title, ...textTerms(p.subtitle), ...textTerms(p.categoryName), ...textTerms(p.description)]);
  return [...all, ...title.map((t) => TITLE_MARK + t)];
}

/** Whether text is found by a query (what the database's `terms: _.all(queryTerms)` decides). */
export function matches(text: string, q: string): boolean {
  const have = new Set(textTerms(text));
  const want = queryTerms(q);
  return want.length > 0 && want.every((t) => have.has(t));
}
