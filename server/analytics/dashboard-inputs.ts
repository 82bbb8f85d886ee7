// What the dashboard's part of the fold must know before a page is planned (dashboard-fold.ts):
// the marks of the page's buyers and reached students, and the campus of each student its touch
// and note events name. Two reads per 100 distinct ids, whatever the history.
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';
import type { SproutEvent } from '../events';
import { findUsers } from '../users/users';
import { buyerMarkId, type DashboardInputs, type MarkDoc, studentMarkId } from './dashboard-fold';

export async function dashboardInputs(ctx: Ctx, events: readonly SproutEvent[]): Promise<DashboardInputs> {
  const markIds = new Set<string>();
  const people = new Set<string>();
  for (const e of events) {
    if (e.type === 'order_paid') {
      const buyer = e.buyer || e.openid;
      if (buyer) markIds.add(buyerMarkId(e.merchantId, buyer)).add(studentMarkId(buyer));
    } else if (e.type === 'refund_succeeded') {
      if (e.buyer) markIds.add(buyerMarkId(e.merchantId, e.buyer));
    } else if (e.type === 'touch_delivered' || e.type === 'touch_opened') {
      markIds.add(studentMarkId(e.student));
      people.add(e.student);
    } else if (e.type === 'note_liked' || e.type === 'note_collected' || e.type === 'note_commented') {
      if (e.openid) people.add(e.openid);
    }
  }
  const [marks, users] = await Promise.all([
    markIds.size ? getDocsByIds<MarkDoc>(ctx, 'analytics_marks', [...markIds]) : new Map<string, MarkDoc>(),
    people.size ? findUsers(ctx, [...people]) : new Map(),
  ]);
  const campuses = new Map<string, string>();
  for (const [openid, u] of users) if (u.campusId) campuses.set(openid, u.campusId);
  return { marks, campuses };
}
