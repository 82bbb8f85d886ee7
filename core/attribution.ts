// Who a customer is bound to, by the rules the merchant chose. Pure: the facts come in as
// arguments (no clock, no database). Only the direct sharer is ever named: one level by
// construction, no chain, no upline.

export type BindingModel = 'first_touch' | 'last_touch';
export type ShareChannel = 'chat' | 'group' | 'moments' | 'poster';

export interface AttributionSettings {
  model: BindingModel;
  /** first_touch: the first sharer keeps the customer this long; last_touch: an open counts this long. */
  windowDays: number;
  /** Bind only customers who have never ordered from this merchant. */
  newCustomersOnly: boolean;
}

export const DEFAULT_WINDOW_DAYS: Record<BindingModel, number> = { first_touch: 30, last_touch: 7 };
export const DEFAULT_SETTINGS: AttributionSettings = { model: 'first_touch', windowDays: 30, newCustomersOnly: false };
export const DAY_MS = 86_400_000;

export interface Binding {
  sharer: string;
  channel: ShareChannel;
  code: string;
  boundAt: number;
  expiresAt: number;
}

export interface OpenFacts {
  customer: string;
  sharer: string;
  channel: ShareChannel;
  code: string;
  at: number;
  /** The customer's binding in this program, if any (expired or not). */
  current: Binding | null;
  /** The sharer's own active binding in this program: refusing A->B->A needs it. */
  sharerBoundTo: string | null;
  customerHasOrdered: boolean;
}

export type DecisionCode =
  | 'BOUND'
  | 'REBOUND_AFTER_EXPIRY'
  | 'REBOUND_LAST_TOUCH'
  | 'RENEWED'
  | 'KEPT_FIRST_TOUCH'
  | 'SELF_REFERRAL'
  | 'LOOP'
  | 'NOT_NEW_CUSTOMER';

export interface Decision {
  bind: boolean;
  code: DecisionCode;
  /** The binding after this open (unchanged when bind is false). */
  binding: Binding | null;
}

export const isActive = (b: Binding | null, at: number): b is Binding => b !== null && at < b.expiresAt;

export function decideBinding(settings: AttributionSettings, f: OpenFacts): Decision {
  const keep = (code: DecisionCode): Decision => ({ bind: false, code, binding: f.current });
  if (f.sharer === f.customer) return keep('SELF_REFERRAL');
  if (f.sharerBoundTo === f.customer) return keep('LOOP');
  const active = isActive(f.current, f.at) ? f.current : null;
  if (f.customerHasOrdered && settings.newCustomersOnly) return keep('NOT_NEW_CUSTOMER');
  const fresh: Binding = { sharer: f.sharer, channel: f.channel, code: f.code, boundAt: f.at, expiresAt: f.at + settings.windowDays * DAY_MS };
  if (!active) return { bind: true, code: f.current ? 'REBOUND_AFTER_EXPIRY' : 'BOUND', binding: fresh };
  if (settings.model === 'first_touch') return keep('KEPT_FIRST_TOUCH');
  return { bind: true, code: active.sharer === f.sharer ? 'RENEWED' : 'REBOUND_LAST_TOUCH', binding: fresh };
}

const CHANNEL_NAMES: Record<ShareChannel, string> = { chat: '聊天卡片', group: '群聊卡片', moments: '朋友圈', poster: '海报' };

function ago(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  if (days >= 1) return `${days} 天前`;
  const hours = Math.floor(ms / 3_600_000);
  return hours >= 1 ? `${hours} 小时前` : '刚刚';
}

/** The reason a person reads ("why this order is yours" / "why you are bound"). */
export function explainBinding(settings: AttributionSettings, decision: Decision, at: number): string {
  const b = decision.binding;
  const via = b ? `通过${CHANNEL_NAMES[b.channel]}` : '';
  const model = settings.model === 'first_touch' ? `首次触达（${settings.windowDays} 天内有效）` : `最后触达（${settings.windowDays} 天内有效）`;
  switch (decision.code) {
    case 'BOUND':
      return `${model}：${via}绑定`;
    case 'REBOUND_AFTER_EXPIRY':
      return `${model}：之前的推荐已过期，${via}重新绑定`;
    case 'REBOUND_LAST_TOUCH':
    case 'RENEWED':
      return `${model}：以最近打开的卡片为准，${via}绑定`;
    case 'KEPT_FIRST_TOUCH':
      return `${model}：已在 ${b ? ago(at - b.boundAt) : ''}${via}绑定，保持不变`;
    case 'SELF_REFERRAL':
      return '不能绑定自己分享的卡片';
    case 'LOOP':
      return '你们已是推荐关系，不能互相绑定';
    case 'NOT_NEW_CUSTOMER':
      return '该商家只为新顾客记录推荐';
  }
}
