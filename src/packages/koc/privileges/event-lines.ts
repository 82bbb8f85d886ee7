// How an event reads to a KOC: when their own turn to sign up comes (the tier privilege), the
// other tiers' turns, and what the button says in each state. Campus time throughout.
import type { MyEventView } from '@core/contracts/koc-events';
import { TIER_NAMES, TIERS } from '@core/tiers';
import { formatShortDateTime } from '../../../utils/time';

/** ['高级 11-24 10:00', '中级 11-25 10:00', '初级 11-26 10:00'] (highest first), each shown unbroken. */
export function turnsParts(e: Pick<MyEventView, 'opensByTier'>): string[] {
  return [...TIERS].reverse().map((t) => `${TIER_NAMES[t].replace('达人', '')} ${formatShortDateTime(e.opensByTier[t])}`);
}

/** 高级 11-24 10:00 · 中级 11-25 10:00 · 初级 11-26 10:00 (highest first). */
export const turnsLine = (e: Pick<MyEventView, 'opensByTier'>): string => turnsParts(e).join(' · ');

/** The one line under the title about the caller's own turn. */
export function myTurnLine(e: MyEventView, now: number): string {
  if (e.signedUp) return e.kind === 'trial' ? '已领到试用名额，商品按订单发放' : '已报名，记得按时参加';
  if (e.state === 'closed') return '报名已截止';
  if (e.state === 'full') return '名额已经报满了';
  if (e.state === 'not_yet') return `你是${TIER_NAMES[e.myTier]}，${formatShortDateTime(e.myOpensAt)} 起可报名`;
  return now < e.closesAt ? `正在报名，${formatShortDateTime(e.closesAt)} 截止` : '报名已截止';
}

export type EventAction = { kind: 'sign_up' | 'cancel' | 'order' | 'none'; text: string; disabled: boolean };

/** The event card's button. */
export function actionOf(e: MyEventView): EventAction {
  if (e.signedUp) {
    if (e.kind === 'trial') return e.orderId ? { kind: 'order', text: '查看订单', disabled: false } : { kind: 'sign_up', text: '领取试用', disabled: false };
    return e.state === 'closed' ? { kind: 'none', text: '已报名', disabled: true } : { kind: 'cancel', text: '取消报名', disabled: false };
  }
  if (e.state === 'open') return { kind: 'sign_up', text: e.kind === 'trial' ? '领取试用' : '报名', disabled: false };
  const text = { not_yet: '未到时间', full: '已报满', closed: '已截止' }[e.state];
  return { kind: 'none', text, disabled: true };
}
