// Conversions: a paid order within 24 h after the buyer opened a reminder or a pick. The step
// walks order_paid events in (at, _id) order from a stored cursor, two minutes behind now (an
// event can be written a little late), and marks the buyer's latest open before the order once
// (a conditional update on convertedAt), counting it on the day of the open.
import { campusDay } from '../../core/campus-days';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { keysetAfter } from '../db/keyset';
import { eachPage, type RunBudget } from '../run-budget';
import { countTouch, type TouchDoc } from './touches';

export const CONVERSION_WINDOW_MS = 24 * 3600_000;
const SETTLE_MS = 2 * 60_000;
const STATE_ID = 'conversions';

interface Cursor {
  _id: string;
  at: Date;
  eventId: string;
}

interface PaidEvent {
  _id: string;
  at: Date;
  openid: string;
  /** The buyer (the event's openid is '' when WeChat Pay's notice wrote it). */
  buyer?: string;
}

export async function runConversions(ctx: Ctx, budget: RunBudget): Promise<number> {
  const _ = ctx.db.command;
  const state = await getDoc<Cursor>(ctx, 'timetable_state', STATE_ID);
  let last: PaidEvent | null = state ? { _id: state.eventId, at: state.at, openid: '' } : null;
  let converted = 0;
  const until = new Date(ctx.now() - SETTLE_MS);
  const n = await eachPage<PaidEvent>(
    budget,
    async (size, pageLast) => {
      const from = pageLast ?? last;
      return (
        await ctx.db
          .collection<PaidEvent>('events')
          .where(_.and([keysetAfter(_, {}, 'at', _.lte(until), from), { type: 'order_paid' }]))
          .orderBy('at', 'asc')
          .orderBy('_id', 'asc')
          .limit(size)
          .get()
      ).data;
    },
    async (e) => {
      if (await convert(ctx, e)) converted++;
      last = e;
    },
  );
  if (n > 0 && last) {
    const cursor = { at: (last as PaidEvent).at, eventId: (last as PaidEvent)._id };
    await ctx.db.collection('timetable_state').doc(STATE_ID).set({ data: cursor });
  }
  return converted;
}

async function convert(ctx: Ctx, e: PaidEvent): Promise<boolean> {
  const buyer = e.buyer || e.openid;
  if (!buyer) return false;
  const _ = ctx.db.command;
  const at = new Date(e.at).getTime();
  const { data } = await ctx.db
    .collection<TouchDoc>('touches')
    .where({ openid: buyer, openedAt: _.gte(new Date(at - CONVERSION_WINDOW_MS)).and(_.lte(new Date(at))) })
    .orderBy('openedAt', 'desc')
    .limit(1)
    .get();
  const touch = data[0];
  if (!touch || touch.convertedAt || !touch.openedAt) return false;
  const marked = await ctx.db
    .collection('touches')
    .where({ _id: touch._id, convertedAt: null })
    .update({ data: { convertedAt: new Date(at) } });
  if (marked.stats.updated === 0) return false;
  await countTouch(
    ctx,
    { day: campusDay(new Date(touch.openedAt).getTime()), kind: touch.kind, scene: touch.scene, segment: touch.segment },
    'converted',
    touch.openid,
  );
  return true;
}
