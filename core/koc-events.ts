// Brand events and trial-product drops for a program's KOCs: limited places, and a sign-up window
// that opens earlier the higher the KOC's tier (高级 first, then 中级, then 初级, each a head
// start apart). This is the tier privilege "priority for brand events and trial products": the
// tier comes only from the KOC's own results, and nothing depends on recruiting anyone.
import { TIERS, type Tier } from './tiers';

export const EVENT_KINDS = ['event', 'trial'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_NAMES: Record<EventKind, string> = { event: '品牌活动', trial: '试用名额' };

export const HOUR_MS = 3_600_000;
/** The default head start between one tier and the next. */
export const DEFAULT_HEAD_START_HOURS = 24;

export interface EventWindow {
  /** When Advanced KOCs may sign up (ms). */
  opensAt: number;
  /** Sign-up closes for everyone (ms). */
  closesAt: number;
  headStartHours: number;
  capacity: number;
}

/** When a KOC of `tier` may sign up: the highest tier at opensAt, each tier below one head start later. */
export function opensFor(e: Pick<EventWindow, 'opensAt' | 'headStartHours'>, tier: Tier): number {
  const stepsBelowTop = TIERS.length - 1 - TIERS.indexOf(tier);
  return e.opensAt + stepsBelowTop * e.headStartHours * HOUR_MS;
}

export type SignupState = 'not_yet' | 'open' | 'full' | 'closed';

/** Whether a KOC of `tier` may sign up now, given the places already taken. */
export function signupState(e: EventWindow, tier: Tier, taken: number, now: number): SignupState {
  if (now >= e.closesAt) return 'closed';
  if (now < opensFor(e, tier)) return 'not_yet';
  return taken >= e.capacity ? 'full' : 'open';
}

/** Why the window is not valid, or null: the lowest tier's turn must come before sign-up closes. */
export function windowProblem(e: EventWindow, now: number): { field: 'opensAt' | 'closesAt' | 'headStartHours'; message: string } | null {
  if (e.closesAt <= e.opensAt) return { field: 'closesAt', message: '报名截止要晚于开始报名' };
  if (e.closesAt <= now) return { field: 'closesAt', message: '报名截止时间已经过了' };
  if (opensFor(e, 'primary') >= e.closesAt) return { field: 'headStartHours', message: '初级达人轮到报名时已经截止了：缩短提前时间或推迟截止' };
  return null;
}
