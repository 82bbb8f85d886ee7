// The `groupbuy`, `order` and `merchant` functions' actions.
import * as z from 'zod';
import { MAX_GROUP_SIZE, MIN_GROUP_SIZE } from '../groupbuy';
import type { GroupState } from '../groupbuy-machines';
import type { MoneyState, OrderState } from '../order-machine';

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
  courseOnly: boolean;
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
  /** For the merchant: a refund the buyer asked for, waiting for approval. */
  refundRequest?: { amountFen: number; reason: string } | null;
}

export const groupbuyInput = {
  listCampaigns: z.strictObject({}),
  getCampaign: z.strictObject({ campaignId: id }),
  open: z.strictObject({ campaignId: id, requestId }),
  join: z.strictObject({ groupId: id, requestId, shareCode: z.string().max(64).optional() }),
  getGroup: z.strictObject({ groupId: id }),
};

export const orderInput = {
  pay: z.strictObject({ orderId: id }),
  get: z.strictObject({ orderId: id }),
  list: z.strictObject({}),
  confirmReceipt: z.strictObject({ orderId: id }),
  requestRefund: z.strictObject({ orderId: id, amountFen: fen.optional(), reason: z.string().trim().min(1).max(200) }),
};

const campaignFields = {
  groupPriceFen: fen,
  groupSize: z.number().int().min(MIN_GROUP_SIZE, `成团人数至少 ${MIN_GROUP_SIZE} 人`).max(MAX_GROUP_SIZE, `成团人数最多 ${MAX_GROUP_SIZE} 人（含团长）`),
  groupHours: z.number().int().min(1).max(72).default(24),
  startAt: z.number().int().positive(),
  endAt: z.number().int().positive(),
  stock: z.number().int().min(0).max(100_000),
  perStudentLimit: z.number().int().min(1).max(10).default(1),
  course: z
    .strictObject({ courseId: z.string().min(1).max(64), roster: z.array(z.string().min(1).max(64)).max(500) })
    .nullable()
    .default(null),
  leaderRewardFen: z.number().int().min(0).max(100_000).default(0),
};

export const merchantInput = {
  createCampaign: z.strictObject({ productId: id, requestId, ...campaignFields }).refine((c) => c.endAt > c.startAt, { message: '结束时间要晚于开始时间' }),
  updateCampaign: z.strictObject({
    campaignId: id,
    groupPriceFen: fen.optional(),
    endAt: z.number().int().positive().optional(),
    stock: z.number().int().min(0).max(100_000).optional(),
  }),
  closeCampaign: z.strictObject({ campaignId: id }),
  listCampaigns: z.strictObject({}),
  listProducts: z.strictObject({}),
  listOrders: z.strictObject({ state: z.enum(['confirmed', 'shipped', 'ready_for_pickup', 'refunding', 'all']).default('all') }), // refunding: money, not fulfilment
  ship: z.strictObject({ orderId: id }),
  readyForPickup: z.strictObject({ orderId: id }),
  approveRefund: z.strictObject({ orderId: id }),
};

export interface PayResult {
  outTradeNo: string;
  totalFen: number;
  payment: { timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string };
}
