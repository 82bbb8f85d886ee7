// The `groupbuy`, `order` and `merchant` functions' actions.
import * as z from 'zod';
import { MAX_GROUP_SIZE, MIN_GROUP_SIZE } from '../groupbuy';
import type { GroupState } from '../groupbuy-machines';
import type { MoneyState, OrderState } from '../order-machine';
import { SCENES } from '../timetable/model';
import { isUpload } from '../uploads';
import { productFields } from './catalog';
import { CARRIERS, fulfilmentInput, type OrderFulfilment, PICKUP_CODE_PATTERN, REFUND_REASONS, type ShopFulfilment, shopFulfilmentInput } from './fulfilment';

const id = z.string().min(1).max(64);
const requestId = z.string().min(8).max(64);
const fen = z.number().int().positive().max(100_000_000);

export interface CampaignCard {
  id: string;
  productId: string;
  title: string;
  image: string;
  groupPriceFen: number;
  originalPriceFen: number;
  groupSize: number;
  groupHours: number;
  endAt: number;
  stock: number;
  merchantName: string;
  /** The course of a course team-buy (null for everyone's). */
  courseName: string | null;
}

export interface GroupSummary {
  id: string;
  leaderNickname: string;
  seatsLeft: number;
  size: number;
  deadline: number;
}

export interface CampaignDetail extends CampaignCard {
  description: string;
  perStudentLimit: number;
  openGroups: GroupSummary[];
}

export type { GroupState };

export interface GroupView {
  id: string;
  campaignId: string;
  title: string;
  image: string;
  groupPriceFen: number;
  size: number;
  /** Seats held (paid or waiting for payment); never more than size. */
  taken: number;
  paid: number;
  seatsLeft: number;
  deadline: number;
  state: GroupState;
  /** Nickname and avatar only: no openids. */
  members: { nickname: string; avatarUrl: string; paid: boolean; leader: boolean; money: 'unpaid' | 'paid' | 'refunding' | 'refunded' }[];
  /** The caller's order in this group, if any. */
  myOrderId: string | null;
  myOrderState: OrderState | null;
  myOrderMoney: MoneyState | null;
  /** A course team-buy's group: its course and how many students have that class (a count, never names). */
  course: { name: string; classmates: number } | null;
  serverNow: number;
}

export interface OrderView {
  id: string;
  title: string;
  image: string;
  amountFen: number;
  refundedFen: number;
  state: OrderState;
  /** Money apart from fulfilment: a partly refunded order can still be received. */
  money: MoneyState;
  /** A label for lists: fulfilment, and the money when a refund is involved. */
  label: string;
  groupId: string | null;
  seatExpiresAt: number | null;
  createdAt: number;
  history: { from: string; to: string; at: number }[];
  buyerNickname?: string;
  /** For the merchant: a refund the buyer asked for, waiting for approval (id: what approveRefund / rejectRefund name). */
  refundRequest?: { id: string; amountFen: number; reason: string; note: string; photos: string[] } | null;
  /** 'solo': bought alone at the product price; 'group': a seat in a group-buy. */
  kind: 'solo' | 'group';
  quantity: number;
  unitPriceFen: number;
  paidAt: number | null;
  /** Where and how the order reaches the buyer (null on orders made before checkout asked). */
  fulfilment: OrderFulfilment | null;
  /** Set when shipped. */
  tracking: { carrier: string; trackingNo: string } | null;
  /** The buyer's pickup code, shown only to the buyer once the order is ready at the point. */
  pickupCode: string | null;
  /** The latest after-sales request and what became of it (rejected ones keep the merchant's reason). */
  refund: RefundView | null;
  /** Money the buyer can still ask back. */
  refundableFen: number;
  /** What the buyer may do now; the page shows these buttons and no others. */
  actions: OrderAction[];
}

export type OrderAction = 'pay' | 'confirmReceipt' | 'requestRefund' | 'regroup';

export type RefundViewState = 'requested' | 'rejected' | 'refunding' | 'succeeded' | 'closed';

export interface RefundView {
  id: string;
  amountFen: number;
  reason: string;
  note: string;
  photos: string[];
  state: RefundViewState;
  rejectReason: string | null;
  createdAt: number;
}

/** The buyer's order tabs (拼多多's): each is a fixed filter on the order's two axes. */
export const ORDER_TABS = ['all', 'unpaid', 'grouping', 'to_ship', 'to_receive', 'after_sales'] as const;
export type OrderTab = (typeof ORDER_TABS)[number];

export interface OrderPage {
  items: OrderView[];
  nextCursor: string | null;
}

/** What a product or campaign page needs to check out: the shop's options and the buyer's room left. */
export interface Checkout {
  shop: ShopFulfilment;
  /** Most this student can buy now (stock and limits), at least 0. */
  maxQuantity: number;
  priceFen: number;
  stock: number;
}

export const groupbuyInput = {
  listCampaigns: z.strictObject({}),
  getCampaign: z.strictObject({ campaignId: id }),
  // fulfilment is asked at checkout; absent (older clients, tests) means the shop's first pickup point.
  open: z.strictObject({ campaignId: id, requestId, fulfilment: fulfilmentInput.optional() }),
  join: z.strictObject({ groupId: id, requestId, shareCode: z.string().max(64).optional(), fulfilment: fulfilmentInput.optional() }),
  getGroup: z.strictObject({ groupId: id }),
};

/** Most units one solo order may take, whatever the stock. */
export const MAX_ORDER_QUANTITY = 10;

export const orderInput = {
  buy: z.strictObject({
    productId: id,
    quantity: z.number().int('数量要是整数').min(1, '至少买 1 件').max(MAX_ORDER_QUANTITY, `每单最多 ${MAX_ORDER_QUANTITY} 件`),
    fulfilment: fulfilmentInput,
    requestId,
  }),
  pay: z.strictObject({ orderId: id }),
  get: z.strictObject({ orderId: id }),
  list: z.strictObject({ tab: z.enum(ORDER_TABS).default('all'), cursor: z.string().max(128).optional() }),
  confirmReceipt: z.strictObject({ orderId: id }),
  requestRefund: z.strictObject({
    orderId: id,
    amountFen: fen.optional(),
    reason: z.enum(REFUND_REASONS, '请选择退款原因'),
    note: z.string().trim().max(200, '说明最多 200 个字').default(''),
    photos: z.array(z.string().max(256, '照片要先上传').refine(isUpload, '照片要先上传')).max(3, '最多 3 张照片').default([]),
  }),
  /** The product page's checkout: the shop's pickup points and delivery, and how many the caller may buy. */
  checkout: z.strictObject({ productId: id }),
};

const campaignFields = {
  groupPriceFen: z.number().int('价格最小单位是分').min(1, '拼团价要大于 0').max(10_000_000, '拼团价不能超过 ¥100000'),
  groupSize: z.number().int().min(MIN_GROUP_SIZE, `成团人数至少 ${MIN_GROUP_SIZE} 人`).max(MAX_GROUP_SIZE, `成团人数最多 ${MAX_GROUP_SIZE} 人（含团长）`),
  groupHours: z.number().int('成团时限要是整数小时').min(1, '成团时限至少 1 小时').max(72, '成团时限最多 72 小时').default(24),
  startAt: z.number().int().positive('请选择开始时间'),
  endAt: z.number().int().positive('请选择结束时间'),
  stock: z.number().int('库存要是整数').min(1, '库存至少 1 件').max(100_000, '库存最多 100000'),
  perStudentLimit: z.number().int().min(1, '每人限购至少 1 件').max(10, '每人限购最多 10 件').default(1),
  /** A course team-buy: only students with this course in their timetable open or join, each group one class's. */
  course: z
    .strictObject({ name: z.string().trim().min(1, '请填写课程名').max(40, '课程名最多 40 个字') })
    .nullable()
    .default(null),
  leaderRewardFen: z.number().int().min(0, '团长奖励不能为负').max(100_000, '团长奖励最多 ¥1000').default(0),
  /** Scenes of students' days the campaign is for: the home card offers it in those free windows first. */
  scenes: z.array(z.enum(SCENES, '未知的场景')).max(SCENES.length).default([]),
};

export const merchantInput = {
  createCampaign: z.strictObject({ productId: id, requestId, ...campaignFields }).refine((c) => c.endAt > c.startAt, { message: '结束时间要晚于开始时间' }),
  updateCampaign: z.strictObject({
    campaignId: id,
    groupPriceFen: campaignFields.groupPriceFen.optional(),
    endAt: z.number().int().positive().optional(),
    stock: z.number().int('库存要是整数').min(0, '库存不能为负数').max(100_000, '库存最多 100000').optional(),
    perStudentLimit: campaignFields.perStudentLimit.optional(),
  }),
  closeCampaign: z.strictObject({ campaignId: id }),
  listCampaigns: z.strictObject({}),
  listProducts: z.strictObject({ status: z.enum(['on_sale', 'off_sale', 'all']).default('all'), cursor: z.string().max(128).optional() }),
  // refunding: money, not fulfilment. q: an order number (or its start), or a buyer's nickname.
  listOrders: z.strictObject({
    state: z.enum(['confirmed', 'shipped', 'ready_for_pickup', 'completed', 'refunding', 'all']).default('all'),
    q: z.string().trim().max(40).optional(),
    cursor: z.string().max(128).optional(),
  }),
  getOrder: z.strictObject({ orderId: id }),
  ship: z.strictObject({
    orderId: id,
    carrier: z.enum(CARRIERS, '请选择配送方式'),
    trackingNo: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{0,32}$/, '运单号只含字母、数字和 -')
      .default(''),
  }),
  /** Bulk 发货: the same carrier for each, one tracking number per order (may be empty for 商家配送). */
  shipMany: z.strictObject({
    carrier: z.enum(CARRIERS, '请选择配送方式'),
    orders: z
      .array(
        z.strictObject({
          orderId: id,
          trackingNo: z
            .string()
            .trim()
            .regex(/^[0-9A-Za-z-]{0,32}$/, '运单号只含字母、数字和 -')
            .default(''),
        }),
      )
      .min(1)
      .max(20, '一次最多发 20 单'),
  }),
  readyForPickup: z.strictObject({ orderId: id }),
  verifyPickup: z.strictObject({ orderId: id, code: z.string().trim().regex(PICKUP_CODE_PATTERN, '取货码是 6 位数字') }),
  saveProduct: z
    .strictObject({
      productId: id.optional(),
      requestId,
      ...productFields,
      /**
       * Editing: the stock the form showed. With it the change is applied as a difference, so
       * units sold since the form was loaded stay sold (not put back by a stale number).
       */
      expectedStock: z.number().int().min(0).max(100_000).optional(),
    })
    .refine((p) => p.originalPriceFen === null || p.originalPriceFen > p.priceFen, { message: '划线价要高于售价', path: ['originalPriceFen'] })
    // An edit always says what it showed: an absolute stock would put back units sold meanwhile.
    .refine((p) => p.productId === undefined || p.expectedStock !== undefined, { message: '商品信息已过期，请刷新后再保存', path: ['expectedStock'] }),
  getProduct: z.strictObject({ productId: id }),
  setProductStatus: z.strictObject({ productId: id, status: z.enum(['on_sale', 'off_sale']) }),
  getShopFulfilment: z.strictObject({}),
  saveShopFulfilment: shopFulfilmentInput,
  /** refundId: the request the merchant saw (OrderView.refundRequest.id); another one open now is refused. */
  approveRefund: z.strictObject({ orderId: id, refundId: id }),
  rejectRefund: z.strictObject({ orderId: id, refundId: id, reason: z.string().trim().min(1, '请写明驳回原因').max(100, '原因最多 100 个字') }),
};

/** A row of the merchant's campaign list. */
export interface MerchantCampaignRow {
  id: string;
  productId: string;
  title: string;
  image: string;
  groupPriceFen: number;
  groupSize: number;
  groupHours: number;
  perStudentLimit: number;
  /** Free stock (not set aside by open groups). */
  stock: number;
  status: 'live' | 'closed';
  startAt: number;
  endAt: number;
  /** Units sold by succeeded groups, and groups that succeeded. */
  sold: number;
  groupsFormed: number;
  /** A course team-buy's course (null for everyone's). */
  courseName: string | null;
}

export interface MerchantOrderPage {
  items: OrderView[];
  nextCursor: string | null;
}

/** merchant.shipMany: each order moves on its own and answers for itself. */
export interface ShipManyResult {
  results: ({ orderId: string; ok: true; state: OrderState } | { orderId: string; ok: false; code: string; message: string })[];
  shipped: number;
}

/** order.requestRefund: the request recorded, waiting for the shop (its id is new for every request). */
export interface RefundRequested {
  requested: true;
  refundId: string;
  amountFen: number;
}

export interface PayResult {
  outTradeNo: string;
  totalFen: number;
  payment: { timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string };
}
