// The badge definition form (name, tier, a rule on a metric with a threshold, or granted by hand)
// and the manual grant (a member and a reason), checked by the contract's schemas.

import type { BadgeRule } from '@core/contracts/koc-honours';
import { type BadgeMetric, type BadgeTier, honoursInput } from '@core/contracts/koc-honours';
import type { BadgeInput } from '../../../api/koc';
import { check, type FieldErrors, intOf } from '../shared/form';

export const METRIC_NAMES: Record<BadgeMetric, { label: string; unit: string }> = {
  orders: { label: '成交单数达到', unit: '单' },
  tier: { label: '等级达到', unit: '级' },
  training: { label: '通过培训课程数', unit: '门' },
  trial_passed: { label: '通过试用', unit: '次' },
};
/** The tier rule's threshold as chips: 1 初级, 2 中级, 3 高级 (the contract keeps the number). */
export const TIER_LEVELS = [
  { threshold: '1', label: '初级' },
  { threshold: '2', label: '中级' },
  { threshold: '3', label: '高级' },
] as const;
export const TIER_NAMES: Record<BadgeTier, string> = { bronze: '铜', silver: '银', gold: '金', custom: '定制' };

export interface BadgeForm {
  requestId: string;
  name: string;
  tier: BadgeTier | '';
  mode: 'rule' | 'manual';
  metric: BadgeMetric | '';
  threshold: string;
}

export const emptyBadgeForm = (requestId: string): BadgeForm => ({ requestId, name: '', tier: '', mode: 'rule', metric: 'orders', threshold: '10' });

/** The rule as a short line: 成交单数达到 10 单, or 手动颁发. */
export function ruleLine(rule: BadgeRule): string {
  if ('manual' in rule) return '手动颁发';
  const m = METRIC_NAMES[rule.metric];
  if (rule.metric === 'tier') {
    const level = TIER_LEVELS.find((l) => l.threshold === String(rule.threshold));
    if (level) return `${m.label}${level.label}`;
  }
  return `${m.label} ${rule.threshold} ${m.unit}`;
}

export function checkBadge(form: BadgeForm): { input: BadgeInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let rule: unknown = { manual: true };
  if (form.mode === 'rule') {
    const threshold = intOf(form.threshold);
    if (!form.metric) errors.rule = '请选择规则';
    else if (form.metric === 'tier' && !TIER_LEVELS.some((l) => l.threshold === form.threshold.trim())) errors.rule = '请选择达到哪一级';
    else if (Number.isNaN(threshold)) errors.rule = '门槛填整数';
    rule = { metric: form.metric, threshold };
  }
  const res = check(
    honoursInput.saveBadge,
    { requestId: form.requestId, name: form.name, tier: form.tier || undefined, rule },
    { tier: '请选择徽章等级', rule: '请检查规则' },
  );
  if (res.errors) for (const [k, v] of Object.entries(res.errors)) errors[k] ??= v;
  if (Object.keys(errors).length || !res.data) return { input: null, errors };
  const { multipleGrant: _, ...input } = res.data;
  return { input, errors: {} };
}

export function checkGrant(badgeId: string, openid: string, reason: string) {
  const errors: FieldErrors = {};
  if (!openid) errors.openid = '请选择达人';
  const res = check(honoursInput.grantBadge, { badgeId, openid: openid || 'x', reason }, { reason: '请写明理由' });
  if (res.errors) for (const [k, v] of Object.entries(res.errors)) errors[k] ??= v;
  if (Object.keys(errors).length || !res.data) return { input: null, errors };
  return { input: res.data, errors: {} };
}
