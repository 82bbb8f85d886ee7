// The commission settings form as typed, its checks in plain Chinese (the server's schema has
// no messages of its own: "defaultRateBp: 数值过大：期望 number <=5000"), and the warning
// when tier rates are out of order (a KOC would earn less after moving up).
import { commissionInput, type KocMode, type ProgramSettings } from '@core/contracts/commission';
import { parseYuan } from '@core/money';
import { TIER_NAMES } from '@core/tiers';
import { bpOfPercent, type FieldErrors, intOf, percentOf, yuanOf } from '../shared/form';

export interface TierForm {
  rate: string;
  revenue: string;
  orders: string;
}
export interface ProgramForm {
  defaultRate: string;
  holdDays: string;
  selfPurchaseRebates: boolean;
  /** Who earns: the program's selected KOCs only (the default) or every student (人人分销). */
  kocMode: KocMode;
  tiers: TierForm[];
}

/** The choice on the page, default first. */
export const KOC_MODE_OPTIONS: { mode: KocMode; label: string; hint: string }[] = [
  { mode: 'approved', label: '只有入选达人', hint: '学生申请、经你初筛面试试用入选后，分享成交才有佣金；其他同学的分享照常可用，但没有佣金' },
  { mode: 'everyone', label: '所有学生（人人分销）', hint: '任何同学分享卡片带来成交都有佣金' },
];

export const formOf = (p: ProgramSettings): ProgramForm => ({
  defaultRate: percentOf(p.defaultRateBp),
  holdDays: String(p.holdDays),
  selfPurchaseRebates: p.selfPurchaseRebates,
  kocMode: p.kocMode ?? 'approved',
  tiers: p.tiers.map((t) => ({ rate: percentOf(t.rateBp), revenue: yuanOf(t.minRevenueFen).replace(/\.00$/, ''), orders: String(t.minOrders) })),
});

const RATE = '佣金比例填 0 到 50 之间的数，最多两位小数';

function rateError(bp: number): string {
  if (Number.isNaN(bp)) return RATE;
  if (bp > 5000) return '佣金比例最高 50%';
  return '';
}

/** Field keys: defaultRate, holdDays, tiers.<i>.rate | revenue | orders. */
export function checkProgram(form: ProgramForm, base: ProgramSettings): { data: ProgramSettings | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const defaultRateBp = bpOfPercent(form.defaultRate);
  const holdDays = intOf(form.holdDays);
  if (rateError(defaultRateBp)) errors.defaultRate = rateError(defaultRateBp);
  if (Number.isNaN(holdDays) || holdDays > 30) errors.holdDays = '售后期填 0 到 30 之间的整数天';
  const tiers = base.tiers.map((t, i) => {
    const f = form.tiers[i];
    const rateBp = bpOfPercent(f.rate);
    const minRevenueFen = i === 0 ? 0 : (parseYuan(f.revenue) ?? Number.NaN);
    const minOrders = i === 0 ? 0 : intOf(f.orders);
    if (rateError(rateBp)) errors[`tiers.${i}.rate`] = rateError(rateBp);
    if (Number.isNaN(minRevenueFen)) errors[`tiers.${i}.revenue`] = '门槛金额填整数或两位小数，例如 1000';
    if (Number.isNaN(minOrders)) errors[`tiers.${i}.orders`] = '订单数门槛填整数';
    return { tier: t.tier, rateBp, minRevenueFen, minOrders };
  });
  for (let i = 2; i < tiers.length; i++) {
    const [lower, upper] = [tiers[i - 1], tiers[i]];
    if (!errors[`tiers.${i}.revenue`] && !errors[`tiers.${i - 1}.revenue`] && upper.minRevenueFen < lower.minRevenueFen)
      errors[`tiers.${i}.revenue`] = `${TIER_NAMES[upper.tier]}的门槛不能低于${TIER_NAMES[lower.tier]}`;
    if (!errors[`tiers.${i}.orders`] && !errors[`tiers.${i - 1}.orders`] && upper.minOrders < lower.minOrders)
      errors[`tiers.${i}.orders`] = `${TIER_NAMES[upper.tier]}的门槛不能低于${TIER_NAMES[lower.tier]}`;
  }
  if (Object.keys(errors).length) return { data: null, errors };
  const res = commissionInput.setProgram.safeParse({
    defaultRateBp,
    holdDays,
    selfPurchaseRebates: form.selfPurchaseRebates,
    kocMode: form.kocMode,
    tiers,
  });
  if (!res.success) return { data: null, errors: { _: '设置有误，请检查各项后再保存' } };
  return { data: res.data, errors };
}

/** Warnings per tier rate field when a lower tier pays more than the one above it. */
export function orderWarnings(form: ProgramForm, names: string[]): FieldErrors {
  const warnings: FieldErrors = {};
  const bps = form.tiers.map((t) => bpOfPercent(t.rate));
  for (let i = 1; i < bps.length; i++) {
    if (Number.isNaN(bps[i]) || Number.isNaN(bps[i - 1])) continue;
    if (bps[i - 1] > bps[i]) {
      const text = `${names[i - 1]}比例（${form.tiers[i - 1].rate}%）高于${names[i]}（${form.tiers[i].rate}%），达人升级后佣金反而变少`;
      warnings[`tiers.${i - 1}.rate`] = warnings[`tiers.${i - 1}.rate`] || text;
      warnings[`tiers.${i}.rate`] = text;
    }
  }
  return warnings;
}

/** "tiers.1.rateBp: ..." or "defaultRateBp: ..." from the server onto the form's fields. */
export function serverProgramErrors(message: string): FieldErrors {
  const errors: FieldErrors = {};
  const map: Record<string, string> = {
    kocMode: 'kocMode',
    defaultRateBp: 'defaultRate',
    holdDays: 'holdDays',
    rateBp: 'rate',
    minRevenueFen: 'revenue',
    minOrders: 'orders',
  };
  for (const part of message.split(/;\s*/)) {
    const m = /^(?:tiers\.(\d)\.)?(\w+):/.exec(part.trim());
    const field = m ? map[m[2]] : undefined;
    if (m && field) {
      const key = m[1] !== undefined ? `tiers.${m[1]}.${field}` : field;
      errors[key] =
        field === 'rate' || field === 'defaultRate'
          ? RATE
          : field === 'holdDays'
            ? '售后期填 0 到 30 之间的整数天'
            : field === 'kocMode'
              ? '请选择谁能赚佣金'
              : '请填写不小于 0 的数';
    } else if (part.trim()) errors._ = '设置有误，请检查各项后再保存';
  }
  return errors;
}
