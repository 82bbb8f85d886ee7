// The campaign forms' checks: the contract's schema for each field, and what it cannot see
// (the product's price, the end after the start), with messages a merchant can act on.

import { merchantInput } from '@core/contracts/groupbuy';
import { formatFen, parseYuan } from '@core/money';
import type { Scene } from '@core/timetable/model';
import { campusInstant } from '../shared/campus';
import { check, type FieldErrors, intOf } from '../shared/form';

export interface ProductChoice {
  id: string;
  title: string;
  priceFen: number;
}

export const CAMPAIGN_FALLBACK: Record<string, string> = {
  productId: '请选择商品',
  groupPriceFen: '请填写拼团价，例如 29.90',
  groupHours: '成团时限填 1-72 之间的整数小时',
  stock: '请填写库存（整数）',
  perStudentLimit: '每人限购填 1-10 之间的整数',
  startAt: '请选择开始时间',
  endAt: '请选择结束时间',
  course: '课程名最多 40 个字；不限课程请留空',
};

export const CREATE_FIELDS = [
  'productId',
  'groupPriceFen',
  'groupSize',
  'groupHours',
  'stock',
  'perStudentLimit',
  'startAt',
  'endAt',
  'course',
  'scenes',
] as const;
export const UPDATE_FIELDS = ['groupPriceFen', 'endAt', 'stock', 'perStudentLimit'] as const;

const fenOf = (text: string) => (text.trim() ? (parseYuan(text) ?? Number.NaN) : Number.NaN);

function belowProduct(errors: FieldErrors, priceFen: number, product: ProductChoice | undefined) {
  if (!errors.groupPriceFen && product && priceFen >= product.priceFen) {
    errors.groupPriceFen = `拼团价要低于商品价 ${formatFen(product.priceFen)}`;
  }
}

export interface CreateForm {
  product: number;
  price: string;
  size: number;
  hours: string;
  stock: string;
  limit: string;
  startDay: string;
  startClock: string;
  endDay: string;
  endClock: string;
  /** 同课拼团: the course students must have in their timetable; empty for everyone's campaign. */
  course: string;
  /** Scenes of students' days the campaign is for (the home card offers it then). */
  scenes: Scene[];
}

export function checkCreate(form: CreateForm, products: ProductChoice[], groupSizes: number[], requestId: string) {
  const product = products[form.product];
  const raw = {
    productId: product?.id ?? '',
    requestId,
    groupPriceFen: fenOf(form.price),
    groupSize: groupSizes[form.size],
    groupHours: intOf(form.hours),
    stock: intOf(form.stock),
    perStudentLimit: intOf(form.limit),
    startAt: campusInstant(form.startDay, form.startClock),
    endAt: campusInstant(form.endDay, form.endClock),
    course: form.course.trim() ? { name: form.course.trim() } : null,
    scenes: form.scenes,
  };
  const res = check(merchantInput.createCampaign, raw, CAMPAIGN_FALLBACK);
  const errors: FieldErrors = { ...(res.errors ?? {}) };
  // The schema's end-after-start rule names no field: it belongs to the end.
  if (errors._) {
    errors.endAt = errors.endAt || errors._;
    delete errors._;
  }
  belowProduct(errors, raw.groupPriceFen, product);
  if (!errors.endAt && raw.endAt <= Date.now()) errors.endAt = '结束时间要晚于现在';
  return Object.keys(errors).length === 0 && res.data ? { input: res.data, errors: null } : { input: null, errors };
}

export interface EditForm {
  price: string;
  endDay: string;
  endClock: string;
  stock: string;
  limit: string;
}

export function checkUpdate(campaignId: string, form: EditForm, startAt: number, product: ProductChoice | undefined) {
  const raw = {
    campaignId,
    groupPriceFen: fenOf(form.price),
    endAt: campusInstant(form.endDay, form.endClock),
    stock: intOf(form.stock),
    perStudentLimit: intOf(form.limit),
  };
  const res = check(merchantInput.updateCampaign, raw, CAMPAIGN_FALLBACK);
  const errors: FieldErrors = { ...(res.errors ?? {}) };
  belowProduct(errors, raw.groupPriceFen, product);
  if (!errors.endAt && raw.endAt <= startAt) errors.endAt = '结束时间要晚于开始时间';
  if (!errors.endAt && raw.endAt <= Date.now()) errors.endAt = '结束时间要晚于现在；想马上停止请用「结束活动」';
  return Object.keys(errors).length === 0 && res.data ? { input: res.data, errors: null } : { input: null, errors };
}
