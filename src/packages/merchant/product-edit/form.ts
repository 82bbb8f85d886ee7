// The product form as typed (strings) and its conversion to merchant.saveProduct's input,
// checked with the contract's schema so the page shows the same messages the server would.
import type { MerchantProductDetail } from '@core/contracts/catalog';
import { PRODUCT_CATEGORIES } from '@core/contracts/catalog';
import { merchantInput } from '@core/contracts/groupbuy';
import { parseYuan } from '@core/money';
import type { ProductInput } from '../../../api/merchant-shop';
import { bpOfPercent, check, type FieldErrors, intOf, percentOf, yuanOf } from '../shared/form';

export interface ProductForm {
  title: string;
  subtitle: string;
  images: string[];
  price: string;
  originalPrice: string;
  stock: string;
  /** Index into PRODUCT_CATEGORIES, -1 until chosen. */
  category: number;
  description: string;
  /** Empty: the KOC's tier rate applies. */
  commission: string;
  /** Editing: the stock the product had when the form loaded (sent as expectedStock); null when creating. */
  loadedStock: number | null;
}

export const PRODUCT_FIELDS = ['title', 'subtitle', 'images', 'priceFen', 'originalPriceFen', 'stock', 'category', 'description', 'commissionRateBp'] as const;

/** For messages the contract leaves to zod's defaults (a price that is not a number, ...). */
const FALLBACK: Record<string, string> = {
  priceFen: '请填写价格，例如 12.30',
  originalPriceFen: '划线价格式不对，例如 19.90；不需要可留空',
  stock: '请填写库存（整数）',
  commissionRateBp: '佣金比例填 0 到 50 之间的数，最多两位小数；不单独设置可留空',
  category: '请选择分类',
};

export const emptyForm = (): ProductForm => ({
  title: '',
  subtitle: '',
  images: [],
  price: '',
  originalPrice: '',
  stock: '',
  category: -1,
  description: '',
  commission: '',
  loadedStock: null,
});

export const formOf = (p: MerchantProductDetail): ProductForm => ({
  title: p.title,
  subtitle: p.subtitle,
  images: p.images,
  price: yuanOf(p.priceFen),
  originalPrice: p.originalPriceFen ? yuanOf(p.originalPriceFen) : '',
  stock: String(p.stock),
  category: (PRODUCT_CATEGORIES as readonly string[]).indexOf(p.category),
  description: p.description,
  commission: p.commissionRateBp === null ? '' : percentOf(p.commissionRateBp),
  loadedStock: p.stock,
});

/** The input to send, or the errors to show next to each field. */
export function toInput(
  form: ProductForm,
  ids: { productId?: string; requestId: string },
): { input: ProductInput; errors: null } | { input: null; errors: FieldErrors } {
  const raw = {
    ...(ids.productId ? { productId: ids.productId } : {}),
    requestId: ids.requestId,
    title: form.title,
    subtitle: form.subtitle,
    images: form.images,
    priceFen: form.price.trim() ? (parseYuan(form.price) ?? Number.NaN) : Number.NaN,
    originalPriceFen: form.originalPrice.trim() ? (parseYuan(form.originalPrice) ?? Number.NaN) : null,
    stock: intOf(form.stock),
    category: PRODUCT_CATEGORIES[form.category] ?? '',
    description: form.description,
    commissionRateBp: form.commission.trim() ? bpOfPercent(form.commission) : null,
    // Editing: the stock this form showed, so the server applies the change as a difference and
    // units students took while the form was open stay sold.
    ...(ids.productId && form.loadedStock !== null ? { expectedStock: form.loadedStock } : {}),
  };
  const res = check(merchantInput.saveProduct, raw, FALLBACK);
  const errors = res.errors ?? {};
  if (!form.title.trim()) errors.title = '请填写标题';
  if (!form.stock.trim()) errors.stock = '请填写库存';
  // Not in the contract, but a 划线价 below the price would read as a price rise.
  if (!errors.priceFen && !errors.originalPriceFen && raw.originalPriceFen !== null && raw.originalPriceFen <= raw.priceFen) {
    errors.originalPriceFen = '划线价要高于售价；不需要可留空';
  }
  if (res.data && Object.keys(errors).length === 0) return { input: res.data as ProductInput, errors: null };
  return { input: null, errors };
}

export const FIELD_FALLBACK = FALLBACK;
