// The `koc` function's brand events and trial-product drops (tier privileges): the merchant sets
// places and a sign-up window, KOCs of the program sign up in the order of their tier
// (core/koc-events.ts). A trial drop's place is a ¥0 order of its product.
import * as z from 'zod';
import { EVENT_KINDS, type EventKind, type SignupState } from '../koc-events';
import type { Tier } from '../tiers';

const id = z.string().min(1).max(64);
const requestId = z.string().min(8).max(64);
const time = (what: string) =>
  z
    .number({ error: `请选择${what}` })
    .int()
    .positive(`请选择${what}`);

export const eventInput = {
  saveEvent: z
    .strictObject({
      /** Names a new event, so a repeated save makes one event. */
      requestId,
      kind: z.enum(EVENT_KINDS, '请选择活动类型'),
      title: z.string().trim().min(1, '请填写活动名称').max(30, '活动名称最多 30 个字'),
      description: z.string().trim().max(500, '活动介绍最多 500 个字').default(''),
      /** A brand event's place and start; a trial drop has neither. */
      place: z.string().trim().max(40, '地点最多 40 个字').optional(),
      startsAt: time('活动时间').optional(),
      /** A trial drop's product: each place is one ¥0 order of it. */
      productId: id.optional(),
      capacity: z.number().int('名额要是整数').min(1, '名额至少 1 个').max(500, '名额最多 500 个'),
      opensAt: time('开始报名时间'),
      closesAt: time('报名截止时间'),
      headStartHours: z.number().int('提前时间要是整数小时').min(0, '提前时间不能为负').max(72, '每级最多提前 72 小时'),
    })
    .refine((e) => e.kind !== 'trial' || e.productId !== undefined, { message: '请选择试用商品', path: ['productId'] })
    .refine((e) => e.kind !== 'event' || (e.place !== undefined && e.place !== ''), { message: '请填写活动地点', path: ['place'] })
    .refine((e) => e.kind !== 'event' || e.startsAt !== undefined, { message: '请选择活动时间', path: ['startsAt'] })
    .refine((e) => e.startsAt === undefined || e.startsAt >= e.closesAt, { message: '活动要在报名截止之后开始', path: ['startsAt'] }),
  /** Merchant: the shop's events, newest first. */
  listEvents: z.strictObject({}),
  /** Merchant: who signed up for one event. */
  eventSignups: z.strictObject({ eventId: id }),
  /** KOC: the events of the programs they belong to that are still open or coming. */
  events: z.strictObject({}),
  signUp: z.strictObject({ eventId: id }),
  cancelSignUp: z.strictObject({ eventId: id }),
};

export interface EventView {
  id: string;
  merchantId: string;
  merchantName: string;
  kind: EventKind;
  title: string;
  description: string;
  place: string | null;
  startsAt: number | null;
  product: { id: string; title: string; image: string } | null;
  capacity: number;
  taken: number;
  opensAt: number;
  closesAt: number;
  headStartHours: number;
  /** When each tier may sign up. */
  opensByTier: Record<Tier, number>;
}

export interface MyEventView extends EventView {
  myTier: Tier;
  myOpensAt: number;
  state: SignupState;
  signedUp: boolean;
  /** A trial drop's ¥0 order once signed up. */
  orderId: string | null;
}

export interface SignupView {
  nickname: string;
  tier: Tier;
  tierName: string;
  at: number;
}

export interface EventResults {
  saveEvent: { eventId: string };
  listEvents: { items: EventView[] };
  eventSignups: { items: SignupView[] };
  /** The caller's tier with each program they belong to, and those programs' events. */
  events: { programs: { merchantId: string; merchantName: string; tier: Tier }[]; items: MyEventView[] };
  signUp: { eventId: string; orderId: string | null };
  cancelSignUp: { eventId: string };
}
