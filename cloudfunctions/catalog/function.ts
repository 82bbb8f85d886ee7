// catalog: the products on sale, newest first, a page at a time, and a keyword search over them.
import { type CatalogResults, catalogInput, PAGE_SIZE } from '../../core/contracts/catalog';
import { fail, ok } from '../../core/result';
import { findProduct, type ProductDoc, toCard } from '../../server/catalog/products';
import { searchProducts } from '../../server/catalog/search';
import { action, defineFunction } from '../../server/define';
import { merchantsById } from '../../server/users/merchants';

export default defineFunction('catalog', {
  listProducts: action({
    input: catalogInput.listProducts,
    async run(ctx, { cursor, category }) {
      const _ = ctx.db.command;
      // Keyset paging: the cursor is the last listedKey seen, so a page reads PAGE_SIZE + 1 rows
      // through the (status, category, listedKey) index however deep the student scrolls.
      const where: Record<string, unknown> = { status: 'on_sale' };
      if (category) where.category = category;
      if (cursor) where.listedKey = _.lt(cursor);
      const { data } = await ctx.db
        .collection<ProductDoc>('products')
        .where(where)
        .orderBy('listedKey', 'desc')
        .limit(PAGE_SIZE + 1)
        .get();
      const page = data.slice(0, PAGE_SIZE);
      const merchants = await merchantsById(
        ctx,
        page.map((p) => p.merchantId),
      );
      return ok<CatalogResults['listProducts']>({
        items: page.map((p) => toCard(p, merchants.get(p.merchantId))),
        nextCursor: data.length > PAGE_SIZE ? page[page.length - 1].listedKey : null,
      });
    },
  }),

  getProduct: action({
    input: catalogInput.getProduct,
    async run(ctx, { productId }) {
      const product = await findProduct(ctx, productId);
      return product ? ok<CatalogResults['getProduct']>(product) : fail('NOT_FOUND', '商品不存在或已下架');
    },
  }),

  search: action({
    input: catalogInput.search,
    async run(ctx, { q, cursor }) {
      return ok<CatalogResults['search']>(await searchProducts(ctx, q, cursor));
    },
  }),
});
