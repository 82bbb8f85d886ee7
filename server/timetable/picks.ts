// The home page's precision card: products for the student's current or next free window
// today, matched to the class before or after it, with the reason in one line. In-app only:
// product offers never go out as service messages (WeChat rule 5.15.2).
import type { TimetableResults } from '../../core/contracts/timetable';
import { CONSENT_VERSION } from '../../core/contracts/timetable';
import { ok } from '../../core/result';
import { nearestPickup } from '../../core/timetable/campus-map';
import { nextWindow, windowAt } from '../../core/timetable/free-windows';
import { type FreeWindow, fromMinutes, type Scene, toMinutes } from '../../core/timetable/model';
import { DEFAULT_SCENE_PRODUCTS, dayScenes, rankForWindow, reasonLine, windowScenes } from '../../core/timetable/scenes';
import { type ProductDoc, toCard } from '../catalog/products';
import type { Ctx } from '../context';
import { getDocsByIds } from '../db/get-doc';
import { controlMerchants } from '../experiments/exposure';
import type { CampaignDoc } from '../groupbuy/groups';
import { merchantsById } from '../users/merchants';
import { campusTimetable } from './campus';
import { campusNow, dayOf } from './days';
import { getConsent, getTimetable, hasConsent } from './store';
import { recordShown } from './touches';

/** Products a card shows. */
export const PICKS = 4;
/** Candidates read to rank from: a fixed page, whatever the catalogue's size. */
const CANDIDATES = 20;

/** When no class gives a scene, the window's kind still says something. */
const KIND_CATEGORIES: Partial<Record<FreeWindow['kind'], string[]>> = {
  lunch: ['零食'],
  dinner: ['零食'],
  after_evening: ['零食', '美妆'],
};

const NONE = ok<TimetableResults['picks']>({ pick: null });

/**
 * Products of live group-buys a merchant aimed at these scenes (a campaign's `scenes`): they come
 * first on the card. Two reads, whatever the number of campaigns.
 */
async function targetedProducts(ctx: Ctx, scenes: Scene[]): Promise<ProductDoc[]> {
  if (scenes.length === 0) return [];
  const _ = ctx.db.command;
  const now = new Date(ctx.now());
  const { data } = await ctx.db
    .collection<CampaignDoc>('campaigns')
    .where({ status: 'live', scenes: _.in(scenes), endAt: _.gt(now) })
    .limit(PICKS)
    .get();
  const live = data.filter((c) => new Date(c.startAt).getTime() <= now.getTime() && c.stock > 0);
  const products = await getDocsByIds<ProductDoc>(
    ctx,
    'products',
    live.map((c) => c.productId),
  );
  return [...products.values()].filter((p) => p.status === 'on_sale');
}

export async function pickForNow(ctx: Ctx) {
  const [consent, t] = await Promise.all([getConsent(ctx, ctx.openid), getTimetable(ctx, ctx.openid)]);
  if (!hasConsent(consent, CONSENT_VERSION) || !t) return NONE;
  const campus = await campusTimetable(ctx, t.campusId);
  const { date, time } = campusNow(ctx.now());
  const day = dayOf(t, campus, date);
  const classes = dayScenes(day.classes);
  const window = windowAt(day.windows, time) ?? nextWindow(day.windows, classes, time);
  if (!window) return NONE;
  // Eligible for a card now: the student meets any timetable experiment here, control arm too,
  // and a shop whose control arm they are in keeps its products off the card.
  const control = await controlMerchants(ctx, 'timetable');
  const before = classes.find((c) => c.end === window.start) ?? null;
  const after = classes.find((c) => c.start === window.end) ?? null;
  const scenes: Scene[] = windowScenes(before, after);
  const place = after ? after.building || after.room : '';
  const pickup = campus.map && place ? nearestPickup(campus.map, place) : null;

  const categories = [...new Set(scenes.length ? scenes.flatMap((s) => DEFAULT_SCENE_PRODUCTS[s].categories) : (KIND_CATEGORIES[window.kind] ?? []))];
  const _ = ctx.db.command;
  const where: Record<string, unknown> = { status: 'on_sale' };
  if (categories.length) where.category = _.in(categories);
  const { data } = await ctx.db.collection<ProductDoc>('products').where(where).orderBy('listedKey', 'desc').limit(CANDIDATES).get();
  // A window under way counts from now: what is left of it decides whether the walk fits.
  const from = Math.max(toMinutes(window.start), toMinutes(time));
  const windowMinutes = toMinutes(window.end) - from;
  const targeted = await targetedProducts(ctx, scenes);
  const ranked = [
    ...targeted.filter((p) => !control.has(p.merchantId)),
    ...rankForWindow(
      data.filter((p) => p.stock > 0 && !control.has(p.merchantId) && !targeted.some((t) => t._id === p._id)),
      { scenes, windowMinutes, walkMinutes: pickup?.minutes ?? null },
    ),
  ].slice(0, PICKS);
  if (ranked.length === 0) return NONE;
  const merchants = await merchantsById(
    ctx,
    ranked.map((p) => p.merchantId),
  );
  const ref = `pick.${date}.${window.start.replace(':', '')}.${scenes[0] ?? 'none'}`;
  await recordShown(ctx, ref, scenes[0] ?? 'none');
  return ok<TimetableResults['picks']>({
    pick: {
      ref,
      window: { ...window, start: fromMinutes(from), date },
      scenes,
      reason: reasonLine({ window, before, after, pickup }),
      products: ranked.map((p) => toCard(p, merchants.get(p.merchantId))),
    },
  });
}
