// How an order reaches the buyer: a campus pickup point of the shop, or delivery to a
// dormitory. The merchant defines the points (name, place, opening hours) and whether it
// delivers; checkout picks one; the order keeps a copy so later edits do not move it.
import * as z from 'zod';

/** Mainland mobile numbers: 11 digits starting with 1. */
export const PHONE_PATTERN = /^1\d{10}$/;

export const addressInput = z.strictObject({
  building: z.string().trim().min(1, '请填写楼栋').max(40, '楼栋最多 40 个字'),
  room: z.string().trim().min(1, '请填写房间号').max(20, '房间号最多 20 个字'),
  name: z.string().trim().min(1, '请填写收货人').max(20, '收货人最多 20 个字'),
  phone: z.string().trim().regex(PHONE_PATTERN, '请填写 11 位手机号'),
});
export type Address = z.infer<typeof addressInput>;

export const fulfilmentInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('pickup'), pickupPointId: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('delivery'), address: addressInput }),
]);
export type FulfilmentInput = z.infer<typeof fulfilmentInput>;

export interface PickupPoint {
  id: string;
  name: string;
  place: string;
  /** Opening hours as the merchant writes them, e.g. 每天 11:30-13:00、17:00-19:00. */
  hours: string;
}

/** What a shop offers at checkout (on the product and campaign pages). */
export interface ShopFulfilment {
  pickupPoints: PickupPoint[];
  delivery: { enabled: boolean; note: string };
}

/** The copy an order keeps. */
export type OrderFulfilment = { type: 'pickup'; point: PickupPoint } | { type: 'delivery'; address: Address };

export const pickupPointInput = z.strictObject({
  id: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1, '请填写自提点名称').max(30, '名称最多 30 个字'),
  place: z.string().trim().min(1, '请填写具体位置').max(60, '位置最多 60 个字'),
  hours: z.string().trim().min(1, '请填写营业时间').max(60, '营业时间最多 60 个字'),
});

export const shopFulfilmentInput = z
  .strictObject({
    pickupPoints: z.array(pickupPointInput).max(10, '自提点最多 10 个'),
    delivery: z.strictObject({ enabled: z.boolean(), note: z.string().trim().max(60, '说明最多 60 个字').default('') }),
  })
  .refine((f) => f.pickupPoints.length > 0 || f.delivery.enabled, { message: '至少设置一个自提点或开启送货上门', path: ['pickupPoints'] });

export const CARRIERS = ['商家配送', '顺丰速运', '京东快递', '中通快递', '圆通速递', '韵达快递', '申通快递', '邮政快递', '极兔速递'] as const;

/** Pickup codes: 6 digits, told to the buyer when the order is ready, checked at handover. */
export const PICKUP_CODE_PATTERN = /^\d{6}$/;

/** Why a buyer asks for money back (after-sales), as a list to pick from. */
export const REFUND_REASONS = ['商品有质量问题', '商品与描述不符', '少件或漏发', '收到时已损坏', '不想要了', '其他'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];
