// Group-buy rules that need no database: sizes, prices, windows, what a campaign must hold.
// WeChat rule 5.1.8 caps team activities at 5 people including the sharer.

export const MIN_GROUP_SIZE = 2;
export const MAX_GROUP_SIZE = 5;
export const DEFAULT_GROUP_HOURS = 24;
export const SEAT_PAYMENT_MINUTES = 15;
/** A seat still 'reserving' after this long was left by a crash: release it. */
export const RESERVING_GRACE_MS = 60_000;
/** WeChat's settlement rule: auto-confirm receipt this long after shipping or pickup notice. */
export const AUTO_CONFIRM_SHIPPED_MS = 10 * 86_400_000;
export const AUTO_CONFIRM_PICKUP_MS = 2 * 86_400_000;

export const GROUPBUY_CODES = [
  'GROUP_FULL',
  'GROUP_CLOSED',
  'ALREADY_JOINED',
  'NOT_ELIGIBLE',
  'LIMIT_REACHED',
  'SOLD_OUT',
  'CAMPAIGN_CLOSED',
  'SEAT_EXPIRED',
  'BAD_STATE',
  /** The student already leads a group they have not paid for in this campaign. */
  'UNPAID_GROUP',
  /** The order already has a refund asked for or under way: one at a time. */
  'REFUND_IN_PROGRESS',
] as const;
export type GroupbuyCode = (typeof GROUPBUY_CODES)[number];

export interface CampaignWindow {
  status: 'live' | 'closed';
  startAt: number;
  endAt: number;
}

export function campaignIsLive(c: CampaignWindow, now: number): boolean {
  return c.status === 'live' && c.startAt <= now && now < c.endAt;
}

/** Seats a student can see: never a made-up number, only seats that are really free. */
export function seatsLeft(group: { size: number; taken: number }): number {
  return Math.max(0, group.size - group.taken);
}
