// Keyword search over the products on sale. Each product carries its search terms (core/
// search-terms); a query asks for products holding every one of its terms. Products whose title
// holds them all come first, then those found only in the subtitle, category or description,
// each newest first; the cursor says which of the two and the last listedKey seen, so a page
// costs at most two product queries and one of shops however deep the student scrolls.
import { type CatalogResults, categoryName, PAGE_SIZE } from '../../core/contracts/catalog';
import { productTerms, queryTerms, TITLE_MARK } from '../../core/search-terms';
import type { Ctx } from '../context';
import type { Db } from '../db/types';
import { merchantsById } from '../users/merchants';
import { type ProductDoc, toCard } from './products';

/** The terms stored on a product, from its text. */
export function termsOf(p: Pick<ProductDoc, 'title' | 'subtitle' | 'category' | 'description'>): string[] {
  return productTerms({ title: p.title, subtitle: p.subtitle, categoryName: categoryName(p.category), description: p.description });
}

type Tier = 'title' | 'text';

/** `title|<listedKey>` or `text|<listedKey>` (empty key: the start of that part). */
function parseCursor(cursor: string | undefined): { tier: Tier; after: string } {
  const m = /^(title|text)\|(.*)$/.exec(cursor ?? '');
  return m ? { tier: m[1] as Tier, after: m[2] } : { tier: 'title', after: '' };
}

export async function searchProducts(ctx: Ctx, q: string, cursor?: string): Promise<CatalogResults['search']> {
  const want = queryTerms(q);
  if (want.length === 0) return { items: [], nextCursor: null };
  const _ = ctx.db.command;
  const inTitle = want.map((t) => TITLE_MARK + t);
  const page = (terms: Record<string, unknown>[], after: string, n: number) =>
    ctx.db
      .collection<ProductDoc>('products')
      .where(_.and([{ status: 'on_sale' }, ...terms, ...(after ? [{ listedKey: _.lt(after) }] : [])]))
      .orderBy('listedKey', 'desc')
      .limit(n)
      .get()
      .then((r) => r.data);

  let { tier, after } = parseCursor(cursor);
  const found: ProductDoc[] = [];
  let nextCursor: string | null = null;
  if (tier === 'title') {
    const rows = await page([{ terms: _.all(inTitle) }], after, PAGE_SIZE + 1);
    found.push(...rows.slice(0, PAGE_SIZE));
    if (rows.length > PAGE_SIZE) nextCursor = `title|${found[found.length - 1].listedKey}`;
    tier = 'text';
    after = '';
  }
  if (!nextCursor) {
    // The rest of the page from products found elsewhere than in their title (one more row: is there a next page?).
    const room = PAGE_SIZE - found.length;
    const rows = await page([{ terms: _.all(want) }, { terms: _.not(_.all(inTitle)) }], after, room + 1);
    const taken = rows.slice(0, room);
    found.push(...taken);
    if (rows.length > room) nextCursor = `text|${taken.length ? taken[taken.length - 1].listedKey : after}`;
  }
  const merchants = await merchantsById(
    ctx,
    found.map((p) => p.merchantId),
  );
  return { items: found.map((p) => toCard(p, merchants.get(p.merchantId))), nextCursor };
}

/** Category ids of the demo data before categories were the merchant's picker's (core/profile CATEGORIES). */
const OLD_CATEGORIES: Record<string, string> = { snacks: '零食', stationery: '文具', dorm: '日用', beauty: '美妆', digital: '数码', sports: '运动' };

/**
 * Products saved before they carried search terms get them, and an old category id its new one
 * (the local demo database of an earlier version): a page of 100 at a time until none is left.
 * Safe to run again.
 */
export async function backfillSearchTerms(db: Db): Promise<number> {
  const _ = db.command;
  let n = 0;
  for (let round = 0; round < 1000; round++) {
    const { data } = await db
      .collection<ProductDoc>('products')
      .where({ terms: _.exists(false) })
      .limit(100)
      .get();
    for (const p of data) {
      const category = OLD_CATEGORIES[p.category] ?? p.category;
      await db
        .collection('products')
        .doc(p._id)
        .update({ data: { category, terms: termsOf({ ...p, category }) } });
      n++;
    }
    if (data.length < 100) break;
  }
  return n;
}
