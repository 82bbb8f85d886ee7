import { type AttributionSettings, type Binding, DEFAULT_SETTINGS, DEFAULT_WINDOW_DAYS, type ShareChannel } from '../../core/attribution';
import type { TargetType } from '../../core/contracts/share';
import { PURCHASED_STATES } from '../../core/order-machine';
import type { ProductDoc } from '../catalog/products';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';
import { findUser } from '../users/users';
import { describeNote, describeProfile, describeTopic } from './note-cards';

export interface ShareCodeDoc {
  _id: string; // the code
  sharer: string;
  targetType: TargetType;
  targetId: string;
  channel: ShareChannel;
  /** The program whose rules bind customers: the target's merchant, or 'platform'. */
  scope: string;
  reuseKey: string;
  createdAt: Date;
  expiresAt: Date;
  /** The poster's mini-program code image, made once (WeChat's code API has a quota). */
  codeImage?: string;
}

export interface BindingDoc {
  _id: string; // `${scope}:${customer}`
  scope: string;
  customer: string;
  sharer: string;
  channel: ShareChannel;
  code: string;
  reason: string;
  boundAt: Date;
  expiresAt: Date;
}

export interface TargetView {
  title: string;
  subtitle: string;
  image: string;
  priceFen: number | null;
  scope: string;
}

export const PLATFORM_SCOPE = 'platform';

/** What a card shows of its target; null when the target does not exist (or cannot be shared yet). */
export async function describeTarget(ctx: Ctx, type: TargetType, id: string): Promise<TargetView | null> {
  if (type === 'product') {
    const p = await getDoc<ProductDoc>(ctx, 'products', id);
    if (p?.status !== 'on_sale') return null;
    return { title: p.title, subtitle: p.subtitle, image: p.images[0] ?? '', priceFen: p.priceFen, scope: p.merchantId };
  }
  if (type === 'koc') {
    const u = await findUser(ctx, id);
    if (!u?.roles.includes('koc')) return null;
    return { title: `${u.nickname} 的种草主页`, subtitle: '', image: u.avatarUrl, priceFen: null, scope: PLATFORM_SCOPE };
  }
  if (type === 'group') {
    const g = await getDoc<{ campaignId: string; status: string }>(ctx, 'groups', id);
    const c = g ? await getDoc<{ title: string; image: string; groupPriceFen: number; merchantId: string }>(ctx, 'campaigns', g.campaignId) : null;
    if (!g || !c) return null;
    return {
      title: `拼团 · ${c.title}`,
      subtitle: g.status === 'open' ? '一起拼更便宜' : '这个团已结束',
      image: c.image,
      priceFen: c.groupPriceFen,
      scope: c.merchantId,
    };
  }
  if (type === 'note') return describeNote(ctx, id, PLATFORM_SCOPE);
  if (type === 'topic') return describeTopic(id, PLATFORM_SCOPE);
  if (type === 'profile') return describeProfile(ctx, id, PLATFORM_SCOPE);
  // Campaigns become shareable as their feature lands.
  return null;
}

export async function findCode(ctx: Ctx, code: string): Promise<ShareCodeDoc | null> {
  return getDoc<ShareCodeDoc>(ctx, 'share_codes', code);
}

/** Keeps a poster's mini-program code with its share code, so it is drawn once. */
export async function saveCodeImage(ctx: Ctx, code: string, image: string): Promise<void> {
  await ctx.db
    .collection('share_codes')
    .doc(code)
    .update({ data: { codeImage: image } });
}

export async function rulesFor(ctx: Ctx, scope: string): Promise<AttributionSettings> {
  const program = await getDoc<{ attribution?: AttributionSettings }>(ctx, 'programs', scope);
  return program?.attribution ?? DEFAULT_SETTINGS;
}

export function defaultRules(model: AttributionSettings['model']): AttributionSettings {
  return { model, windowDays: DEFAULT_WINDOW_DAYS[model], newCustomersOnly: false };
}

export const bindingId = (scope: string, customer: string) => `${scope}:${customer}`;

export function toBinding(d: BindingDoc | null): Binding | null {
  return d ? { sharer: d.sharer, channel: d.channel, code: d.code, boundAt: new Date(d.boundAt).getTime(), expiresAt: new Date(d.expiresAt).getTime() } : null;
}

/** Has this customer bought (PURCHASED_STATES, defined with the order table) in this scope? */
export async function hasOrdered(ctx: Ctx, customer: string, scope: string): Promise<boolean> {
  const _ = ctx.db.command;
  const where =
    scope === PLATFORM_SCOPE
      ? { buyer: customer, status: _.in([...PURCHASED_STATES]) }
      : { buyer: customer, merchantId: scope, status: _.in([...PURCHASED_STATES]) };
  // One match is enough: a count would examine every order of a customer who buys a lot.
  const { data } = await ctx.db.collection('orders').where(where).field({ _id: true }).limit(1).get();
  return data.length > 0;
}
